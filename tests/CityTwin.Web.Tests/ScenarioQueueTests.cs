using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// Scenario runs wait their turn: never more than <c>Scenarios:MaxConcurrentRuns</c> compute at
/// once, the others show their place in the queue and can be cancelled before they start, and a
/// run's numbers do not depend on whether it waited. Figures about time are the isolation
/// benchmark's business; nothing here depends on how fast the machine is.
/// </summary>
public sealed class ScenarioQueueTests(ScenarioQueueHost host) : IClassFixture<ScenarioQueueHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private readonly HttpClient _client = host.App.CreateClientAs(Roles.Planner);

    private static object Led(string name, double horizonHours, double stepMinutes, int seed = 7) => new
    {
        name,
        start = new { kind = "baseline", date = "2026-07-15" },
        horizonHours,
        stepMinutes,
        seed,
        interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
    };

    /// <summary>A week at five-minute steps: the longest kind of run a planner posts.</summary>
    private static object Week(string name) => Led(name, 168, 5);

    [Fact]
    public async Task No_more_runs_compute_at_once_than_the_limit()
    {
        var ids = new List<string>();
        using (new HeldScenarioWorker(host.App))
        {
            for (var i = 0; i < 5; i++) ids.Add(await StartAsync(Led($"limit {i}", 12, 10, seed: 100 + i)));
            // While the worker is held, the first two hold their turns and the rest wait in order.
            var held = await Wait.ForAsync(ListAsync, l => ids.Skip(2).All(id => PositionOf(l, id) is not null) && ids.Take(2).All(id => StatusOf(l, id) == "running"),
                Patience, "two runs running and three queued");
            Assert.Equal([1, 2, 3], ids.Skip(2).Select(id => PositionOf(held, id)));
        }

        var mostRunning = 0;
        await Wait.ForAsync(async () =>
        {
            var mine = (await ListAsync()).Where(s => ids.Contains(Id(s))).ToList();
            mostRunning = Math.Max(mostRunning, mine.Count(s => Status(s) == "running"));
            return mine;
        }, mine => mine.Count == ids.Count && mine.All(s => Status(s) == "completed"), Patience, "every run to complete", TimeSpan.FromMilliseconds(50));

        Assert.InRange(mostRunning, 1, ScenarioQueueHost.MaxConcurrentRuns);
    }

    [Fact]
    public async Task Queued_runs_report_increasing_positions_and_cancel_without_ever_starting()
    {
        string[] blockers, queued;
        using (new HeldScenarioWorker(host.App))
        {
            blockers = [await StartAsync(Week("blocker a")), await StartAsync(Week("blocker b"))];
            queued = [await StartAsync(Week("queued 1")), await StartAsync(Week("queued 2")), await StartAsync(Week("queued 3"))];
            try
            {
                var list = await Wait.ForAsync(ListAsync, l => blockers.All(b => StatusOf(l, b) == "running") && queued.All(q => PositionOf(l, q) is not null),
                    Patience, "two runs running and three queued with positions");
                Assert.Equal([1, 2, 3], queued.Select(q => PositionOf(list, q)));

                var one = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{queued[1]}");
                Assert.Equal("queued", Status(one));
                Assert.Equal(2, one.GetProperty("queuePosition").GetInt32());

                Assert.Equal(HttpStatusCode.Accepted, (await _client.DeleteAsync($"/api/scenarios/{queued[1]}")).StatusCode);
                var cancelled = await TwinAppFactory.PollAsync<JsonElement>(_client, $"/api/scenarios/{queued[1]}", s => Status(s) == "cancelled", Patience);
                Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("startedAt").ValueKind);
                Assert.Equal(0, cancelled.GetProperty("progress").GetDouble());
                Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("queuePosition").ValueKind);

                // The run behind the cancelled one moves up; the one ahead keeps its place.
                list = await Wait.ForAsync(ListAsync, l => PositionOf(l, queued[2]) == 2, Patience, "the last queued run to move up to position 2");
                Assert.Equal(1, PositionOf(list, queued[0]));
                Assert.All(blockers, b => Assert.Equal("running", StatusOf(list, b)));
            }
            finally
            {
                // Queued ones first, last in line first, so none is admitted on the way; then the running
                // ones, while the worker is still held: they stop before computing a step.
                await CancelAllAsync([.. queued.Reverse(), .. blockers]);
            }
        }
        var after = await ListAsync();
        Assert.All(blockers.Concat(queued), id => Assert.Equal("cancelled", StatusOf(after, id)));
        Assert.All(queued, id => Assert.Equal(JsonValueKind.Null, after.Single(s => Id(s) == id).GetProperty("startedAt").ValueKind));
    }

    [Fact]
    public async Task A_run_that_waited_its_turn_gives_the_same_numbers_as_one_that_did_not()
    {
        var definition = Led("same numbers", 12, 10, seed: 4242);
        var alone = await StartAsync(definition);
        await TwinAppFactory.PollAsync<JsonElement>(_client, $"/api/scenarios/{alone}", s => Status(s) == "completed", Patience);

        string waited;
        using (new HeldScenarioWorker(host.App))
        {
            _ = await StartAsync(Led("ahead a", 6, 15, seed: 1));
            _ = await StartAsync(Led("ahead b", 6, 15, seed: 2));
            waited = await StartAsync(definition);
            await Wait.ForAsync(ListAsync, l => PositionOf(l, waited) == 1, Patience, "the second run to wait at position 1");
        }
        await TwinAppFactory.PollAsync<JsonElement>(_client, $"/api/scenarios/{waited}", s => Status(s) == "completed", Patience);

        var first = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{alone}/results");
        var second = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{waited}/results");
        foreach (var part in new[] { "times", "kpis", "districts", "dongs", "series" })
            Assert.Equal(first.GetProperty(part).GetRawText(), second.GetProperty(part).GetRawText());
    }

    private async Task<string> StartAsync(object definition)
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", definition);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<List<JsonElement>> ListAsync() =>
        [.. (await _client.GetFromJsonAsync<JsonElement>("/api/scenarios")).EnumerateArray()];

    private async Task CancelAllAsync(IEnumerable<string> ids)
    {
        var all = ids.ToList();
        // Only the active ones: DELETE removes a run that has already stopped.
        var list = await ListAsync();
        foreach (var id in all.Where(id => StatusOf(list, id) is "queued" or "running")) await _client.DeleteAsync($"/api/scenarios/{id}");
        await Wait.ForAsync(async () => Describe(await ListAsync(), all), d => !d.Contains("running", StringComparison.Ordinal) && !d.Contains("queued", StringComparison.Ordinal),
            Patience, "the runs to stop");
    }

    // Wait reports the last value it saw: the statuses, to tell which run did not stop.
    private static string Describe(List<JsonElement> list, List<string> ids) =>
        string.Join(", ", ids.Select(id => $"{id}: {StatusOf(list, id)}"));

    private static string Id(JsonElement s) => s.GetProperty("id").GetString()!;

    private static string Status(JsonElement s) => s.GetProperty("status").GetString()!;

    private static string? StatusOf(List<JsonElement> list, string id) => list.Where(s => Id(s) == id).Select(Status).SingleOrDefault();

    private static int? PositionOf(List<JsonElement> list, string id) =>
        list.Where(s => Id(s) == id).Select(s => s.TryGetProperty("queuePosition", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : (int?)null).SingleOrDefault();
}
