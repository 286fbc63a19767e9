using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace CityTwin.Cluster.Tests;

/// <summary>
/// While the cluster's PostgreSQL refuses connections, reads keep working and every write answers
/// 503 with Retry-After and is not applied; when it returns, writes work again without a restart.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DatabaseOutageTests(LocalCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Reads_work_writes_get_503_and_change_nothing_and_the_cluster_recovers_without_a_restart()
    {
        using var http = await cluster.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/clock", new { speed = 5 })).StatusCode);
        // What the screens show is in memory (the planner's run list was open before the outage).
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/scenarios")).StatusCode);

        await cluster.Database.RefuseConnectionsAsync();
        try
        {
            foreach (var url in new[] { "/api/city", "/api/clock", "/api/districts", "/api/scenarios", "/healthz" })
            {
                var read = await http.GetAsync(url);
                Assert.True(read.StatusCode == HttpStatusCode.OK, $"GET {url} during the outage: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}\n{cluster.Logs()}");
            }
            // What must come from the database (a scenario never read since the silo started) is a 503, never a 500.
            var cold = await http.GetAsync($"/api/scenarios/{Guid.NewGuid():N}"[..30]);
            Assert.True(cold.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound, $"cold read: {(int)cold.StatusCode}");
            var clock = await http.PostAsJsonAsync("/api/clock", new { speed = 3 });
            await AssertUnavailableAsync(clock, "POST /api/clock");
            var scenario = await http.PostAsJsonAsync("/api/scenarios", new
            {
                name = "during the outage",
                start = new { kind = "baseline", date = "2026-07-15" },
                horizonHours = 1,
                stepMinutes = 30,
                interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
            });
            await AssertUnavailableAsync(scenario, "POST /api/scenarios");
            using var anonymous = new HttpClient { BaseAddress = cluster.WebUrl, Timeout = TimeSpan.FromSeconds(30) };
            await AssertUnavailableAsync(await anonymous.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password = LocalCluster.AdminPassword }), "POST /api/account/sign-in");
            // The failed clock change is not in force.
            var during = await http.GetFromJsonAsync<JsonElement>("/api/clock");
            Assert.Equal(5, during.GetProperty("speed").GetDouble());
        }
        finally
        {
            await cluster.Database.AcceptConnectionsAsync();
        }

        var recovered = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage? last = null;
        while (recovered.Elapsed < TimeSpan.FromSeconds(60))
        {
            last = await http.PostAsJsonAsync("/api/clock", new { speed = 9 });
            if (last.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(500);
        }
        Assert.True(last?.StatusCode == HttpStatusCode.OK, $"no write within 60 s of the database's return: {(int?)last?.StatusCode} {cluster.Logs()}");
        output.WriteLine($"writes worked again {recovered.Elapsed.TotalSeconds:F1} s after the database returned");
        Assert.Equal(9, (await http.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("speed").GetDouble());
        var signIn = await new HttpClient { BaseAddress = cluster.WebUrl }.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password = LocalCluster.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    private async Task AssertUnavailableAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{what} during the outage: {(int)response.StatusCode} {body}");
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode} {body}\n{cluster.Logs()}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{what} has no Retry-After");
        Assert.DoesNotContain("   at ", body); // no stack trace reaches a client
    }
}
