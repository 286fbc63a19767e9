using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Abstractions.Alarms;
using CityTwin.Testing;
using Xunit.Abstractions;

namespace CityTwin.Cluster.Tests;

/// <summary>
/// An operator's alarm actions are stored before they are answered: operators keep commenting on an
/// alarm while the silo holding its gu's alarm book is killed. Every comment answered 200 is in the
/// alarm's timeline afterwards (read from PostgreSQL by the book's new activation), no request
/// ends in a 500, and the acknowledgement made before the kill is still there.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AlarmFailoverTests(LocalCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Actions_answered_before_and_during_a_silo_kill_are_all_in_the_stored_timeline()
    {
        // A silo of our own, so the cluster keeps at least one whichever silo dies here.
        var extra = cluster.StartSilo("silo-alarms");
        await cluster.WaitHealthyAsync(extra.Process, extra.HealthUrl);
        using var http = await cluster.CreateAdminClientAsync();
        const string dong = "2818563000"; // a Yeonsu-gu dong with one substation
        var created = await http.PostAsJsonAsync("/api/alarm-rules", new
        {
            name = "Cluster: substation loaded", type = "threshold", kind = "substation", channel = "loading_pct",
            limit = -1, areaCode = dong, severity = "major", service = "disaster",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}\n{cluster.Logs()}");
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var alarm = await Wait.ForAsync(async () =>
            (await http.GetFromJsonAsync<JsonElement>($"/api/alarms?area={dong}&state=open&pageSize=500")).GetProperty("items").EnumerateArray()
                .FirstOrDefault(a => a.GetProperty("ruleId").GetString() == ruleId),
            a => a.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60), "the rule's alarm", TimeSpan.FromMilliseconds(250));
        var id = alarm.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/alarms/{id}/acknowledge", new { note = "before the kill" })).StatusCode);

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var address = await management.GetActivationAddress(cluster.Client.GetGrain<IAlarmBookGrain>(IAlarmBookGrain.BookOf(id)!));
        var victim = cluster.Silos.Append(extra).Single(s => s.SiloPort == address!.Endpoint.Port);

        // Paced and bounded, so the whole exchange fits the timeline (100 entries) with the acknowledgement.
        const int Comments = 80;
        var answers = new ConcurrentBag<(int Index, HttpStatusCode Status)>();
        var commenter = Task.Run(async () =>
        {
            for (var i = 0; i < Comments; i++)
            {
                try
                {
                    var response = await http.PostAsJsonAsync($"/api/alarms/{id}/comment", new { note = $"comment {i}" });
                    answers.Add((i, response.StatusCode));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    answers.Add((i, 0));
                }
                await Task.Delay(150);
            }
        });
        await Wait.UntilAsync(() => answers.Count(a => a.Status == HttpStatusCode.OK) >= 5, TimeSpan.FromSeconds(30), "comments before the kill");
        victim.Process.Kill();
        var killedAt = answers.Count;
        await commenter.WaitAsync(TimeSpan.FromSeconds(300));
        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK && a.Index > killedAt);

        var counts = answers.GroupBy(a => (int)a.Status).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"Killed {victim.Process.Name} holding book {IAlarmBookGrain.BookOf(id)}; comment answers: " + string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
        Assert.DoesNotContain(answers, a => (int)a.Status >= 500 && a.Status != HttpStatusCode.ServiceUnavailable);

        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/alarms/{id}");
        var notes = detail.GetProperty("timeline").EnumerateArray().Select(e => e.TryGetProperty("note", out var n) ? n.GetString() : null).ToHashSet();
        Assert.Contains("before the kill", notes);
        Assert.Equal("activeAcknowledged", detail.GetProperty("alarm").GetProperty("state").GetString());
        var confirmed = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => $"comment {a.Index}").ToList();
        Assert.All(confirmed, n => Assert.Contains(n, notes));
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/alarm-rules/{ruleId}")).StatusCode);
    }
}
