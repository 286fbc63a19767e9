using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Abstractions.Grains;
using CityTwin.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace CityTwin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class FailoverTests(LocalCluster cluster, ITestOutputHelper output)
{
    private const int Active = 3; // Orleans SiloStatus
    private const int Dead = 6;
    private static readonly double[] Songdo = [126.625, 37.385, 126.645, 37.400];

    [Fact]
    public async Task Killing_a_silo_loses_no_state_and_the_map_receives_again_within_10_s()
    {
        var membership = await cluster.Database.MembershipAsync(cluster.ClusterId);
        foreach (var silo in cluster.Silos)
            Assert.Contains((silo.SiloPort, Active), membership);

        using var http = await cluster.CreateAdminClientAsync();
        // What an operator set must survive: the clock's speed lives in PostgreSQL.
        var set = await http.PostAsJsonAsync("/api/clock", new { speed = 7 });
        Assert.True(set.StatusCode == HttpStatusCode.OK, $"POST /api/clock: {(int)set.StatusCode} {await set.Content.ReadAsStringAsync()}\n{cluster.Logs()}");
        // So must a planner's scenario: run one across both silos before the kill.
        var scenarioId = await RunScenarioAsync(http);
        var resultsBefore = await http.GetStringAsync($"/api/scenarios/{scenarioId}/results");

        var frames = new ConcurrentQueue<(DateTime At, string Kind, JsonElement Body)>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(cluster.WebUrl, "/hubs/twin")).Build();
        var wallStamps = new ConcurrentQueue<long>();
        hub.On<JsonElement, long>("assets", (body, wallTs) =>
        {
            wallStamps.Enqueue(wallTs);
            frames.Enqueue((DateTime.UtcNow, "assets", body));
        });
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", new { bbox = Songdo, zoom = 15.0 });
        // Area frames carry only the areas in view: a second client looks at the whole city.
        await using var areas = new HubConnectionBuilder().WithUrl(new Uri(cluster.WebUrl, "/hubs/twin")).Build();
        areas.On<JsonElement>("districts", body => frames.Enqueue((DateTime.UtcNow, "districts", body)));
        await areas.StartAsync();
        await areas.InvokeAsync("Subscribe", new { bbox = new[] { 124.5, 36.9, 127.0, 38.0 }, zoom = 9.0 });
        await WaitForAsync(() => frames.Any(f => f.Kind == "assets") && DongsIn(frames, DateTime.MinValue).Count > 100, TimeSpan.FromSeconds(30), "live frames before the kill");
        // The wall-clock stamp crosses from the silos to the web node with the frames.
        Assert.All(wallStamps, w => Assert.InRange(w, 1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

        // Kill the silo holding the city grain (and so the durable clock), and learn which dongs die with it.
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var cityAddress = await management.GetActivationAddress(cluster.Client.GetGrain<ICityGrain>("incheon"));
        var victim = cluster.Silos.Single(s => s.SiloPort == cityAddress!.Endpoint.Port);
        var victimDongs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dong in DongsIn(frames, DateTime.MinValue))
            if ((await management.GetActivationAddress(cluster.Client.GetGrain<INeighbourhoodGrain>(dong)))?.Endpoint.Port == victim.SiloPort)
                victimDongs.Add(dong);
        Assert.NotEmpty(victimDongs);
        var before = await http.GetFromJsonAsync<JsonElement>("/api/clock");

        using var stopPolling = new CancellationTokenSource();
        var statuses = new ConcurrentBag<(string Path, HttpStatusCode Status)>();
        var poller = PollAsync(http, statuses, stopPolling.Token);

        var killedAt = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        victim.Process.Kill();
        // Frames already on the wire when the silo died are not evidence of recovery.
        var evidenceAfter = killedAt.AddMilliseconds(300);
        await WaitForAsync(() => DongsIn(frames, evidenceAfter).Overlaps(victimDongs), TimeSpan.FromSeconds(10),
            $"a frame from one of the {victimDongs.Count} dongs of the killed silo");
        var recovered = watch.Elapsed;
        await WaitForAsync(() => frames.Any(f => f.Kind == "assets" && f.At > evidenceAfter), TimeSpan.FromSeconds(5), "asset frames after the kill");
        output.WriteLine($"Killed silo {victim.Process.Name} (port {victim.SiloPort}, {victimDongs.Count} of 155 dongs, city grain); " +
            $"first frame from its dongs again after {recovered.TotalSeconds:F1} s");

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stopPolling.CancelAsync();
        await poller;

        Assert.Equal(resultsBefore, await http.GetStringAsync($"/api/scenarios/{scenarioId}/results"));
        var after = await http.GetFromJsonAsync<JsonElement>("/api/clock");
        Assert.Equal(7, after.GetProperty("speed").GetDouble());
        Assert.True(after.GetProperty("simTime").GetDateTimeOffset() >= before.GetProperty("simTime").GetDateTimeOffset(), "the clock went back in time");

        var counts = statuses.GroupBy(s => (int)s.Status).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("API answers during failover: " + string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
        foreach (var line in cluster.Web.Lines().Where(l => l.Contains("answered 503", StringComparison.Ordinal))) output.WriteLine(line);
        Assert.DoesNotContain(statuses, s => (int)s.Status >= 500 && s.Status != HttpStatusCode.ServiceUnavailable);
        Assert.True(counts.GetValueOrDefault(200) > 0, "no request succeeded during failover");

        // Membership records the death (the survivors voted it out).
        await WaitForAsync(() => cluster.Database.MembershipAsync(cluster.ClusterId).Result.Contains((victim.SiloPort, Dead)), TimeSpan.FromSeconds(15), "the killed silo marked dead");
        Assert.True(recovered < TimeSpan.FromSeconds(10), $"recovery took {recovered.TotalSeconds:F1} s\n{cluster.Logs()}");
    }

    [Fact]
    public async Task Sigterm_stops_a_silo_gracefully_and_it_leaves_the_membership()
    {
        var silo = cluster.StartSilo("silo-extra");
        await cluster.WaitHealthyAsync(silo.Process, silo.HealthUrl);
        Assert.Contains((silo.SiloPort, Active), await cluster.Database.MembershipAsync(cluster.ClusterId));

        silo.Process.Terminate();
        await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(silo.Process.ExitCode == 0, $"exit code {silo.Process.ExitCode}\n{silo.Process.Tail()}");
        // A graceful stop writes its own death: no vote, no waiting for probes.
        Assert.Contains((silo.SiloPort, Dead), await cluster.Database.MembershipAsync(cluster.ClusterId));
    }

    private static async Task<string> RunScenarioAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/scenarios", new
        {
            name = "LED retrofit before the failover",
            start = new { kind = "baseline", date = "2026-07-15" },
            horizonHours = 6,
            stepMinutes = 15,
            interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var status = (await http.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}")).GetProperty("status").GetString();
            if (status == "completed") return id;
            Assert.True(status is "queued" or "running", $"scenario {id} ended {status}");
            await Task.Delay(250);
        }
        throw new TimeoutException($"scenario {id} did not complete in 60 s");
    }

    private static HashSet<string> DongsIn(IEnumerable<(DateTime At, string Kind, JsonElement Body)> frames, DateTime after)
    {
        var dongs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, kind, body) in frames)
        {
            if (kind != "districts" || at <= after) continue;
            foreach (var item in body.EnumerateArray())
                if (item.GetProperty("level").GetString() == "dong") dongs.Add(item.GetProperty("code").GetString()!);
        }
        return dongs;
    }

    private static async Task PollAsync(HttpClient http, ConcurrentBag<(string, HttpStatusCode)> statuses, CancellationToken stop)
    {
        string[] paths = ["/api/clock", "/api/city", "/api/districts", "/api/districts/28185"];
        while (!stop.IsCancellationRequested)
        {
            foreach (var path in paths)
            {
                using var response = await http.GetAsync(path, CancellationToken.None);
                statuses.Add((path, response.StatusCode));
            }
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        Wait.UntilAsync(condition, timeout, what, cluster.Logs);
}
