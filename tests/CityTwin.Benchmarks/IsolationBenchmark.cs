using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Model.City;
using CityTwin.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// Does a planner freeze the control room? The real app (embedded, Production, the simulator at its
/// shipped 1 s tick) with a SignalR client zoomed into central Songdo and <c>GET /api/status</c>
/// polled five times a second; first quiet, then with N week-long scenarios posted at once. Prints
/// the live tick's duration and interval, the interval between the client's asset frames and the
/// API latency, p50/p99/max, in each window. The samplers that matter run on their own thread or
/// measure what the app delivers, so a starved thread pool shows in the figures rather than hiding them.
/// Uses only the public API and the simulator's status, so the same file measures older versions.
/// </summary>
public static class IsolationBenchmark
{
    public const double TargetTickP99Ms = 100;

    public static async Task RunAsync(BenchmarkRun run)
    {
        var runs = run.Args.Int("runs", 20);
        var horizonHours = run.Args.Double("horizon-hours", 168);
        var stepMinutes = run.Args.Double("step-minutes", 5);
        var quietSeconds = run.Args.Double("quiet-seconds", 20);
        var maxSeconds = run.Args.Double("max-seconds", 300);

        await using var app = BenchApp.Create();
        var baseUri = app.Start();
        await app.WaitUntilLiveAsync();
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var status = app.Services.GetRequiredService<SimulatorStatus>();
        var clock = Stopwatch.StartNew();
        using var ticks = new LiveTickSampler(status, clock);
        var (lon, lat) = Viewports.SongdoCentre(catalog);
        var view = Viewports.Around(catalog, "songdo-centre", lon, lat, 15);
        run.Note($"{runs} scenarios of {horizonHours} h at {stepMinutes}-min steps posted at once; one SignalR client (MessagePack) on {view.Name} z{view.Zoom} ({view.Assets} assets); GET /api/status every 200 ms; simulator at its default 1 s tick; {Environment.ProcessorCount} cores");

        var frames = new ConcurrentQueue<double>();
        await using var client = await TwinClient.ConnectAsync(baseUri, messagePack: true, "isolation");
        client.OnAssets = (_, _, _) => frames.Enqueue(clock.Elapsed.TotalMilliseconds);
        await client.SubscribeAsync(view);

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        // Running scenarios is a planner's change: the benchmark posts with a planner's API token.
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(Roles.Planner));
        using var stop = new CancellationTokenSource();
        var api = new ConcurrentQueue<(double AtMs, double LatencyMs)>();
        var poller = PollStatusAsync(http, clock, api, stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(4)); // the subscription's snapshot and JIT stay out of the windows
        var quietFrom = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(quietSeconds));
        var loadFrom = clock.Elapsed.TotalMilliseconds;

        var definition = Definition(horizonHours, stepMinutes);
        var posted = await Task.WhenAll(Enumerable.Range(0, runs).Select(async i =>
        {
            var started = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync("/api/scenarios", definition(i));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/scenarios: {(int)response.StatusCode} {body}");
            return (Id: body.GetProperty("id").GetString()!, Ms: started.Elapsed.TotalMilliseconds);
        }));
        var ids = posted.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        run.Report("isolation_post_ms_max", posted.Max(p => p.Ms), "ms (slowest of the posts)");

        // Follow the runs until all are done (or the cap): when the last one left the queue, when all completed.
        var queuedUntil = double.NaN;
        var mostRunning = 0;
        var highestPosition = 0;
        var completed = 0;
        var failed = 0;
        var deadline = loadFrom + maxSeconds * 1000;
        while (clock.Elapsed.TotalMilliseconds < deadline)
        {
            await Task.Delay(500);
            var list = (await http.GetFromJsonAsync<JsonElement>("/api/scenarios")).EnumerateArray().Where(s => ids.Contains(s.GetProperty("id").GetString()!)).ToList();
            var statuses = list.Select(s => s.GetProperty("status").GetString()).ToList();
            mostRunning = Math.Max(mostRunning, statuses.Count(s => s == "running"));
            highestPosition = Math.Max(highestPosition, list.Select(s => s.TryGetProperty("queuePosition", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0).DefaultIfEmpty().Max());
            completed = statuses.Count(s => s == "completed");
            failed = statuses.Count(s => s == "failed");
            if (double.IsNaN(queuedUntil) && !statuses.Contains("queued")) queuedUntil = clock.Elapsed.TotalMilliseconds;
            if (statuses.All(s => s is "completed" or "failed" or "cancelled")) break;
        }
        var loadTo = clock.Elapsed.TotalMilliseconds;
        if (completed + failed < runs)
        {
            run.Note($"{runs - completed - failed} of {runs} runs still queued or running after {maxSeconds} s: cancelled");
            foreach (var id in ids) await http.DeleteAsync($"/api/scenarios/{id}");
        }
        await stop.CancelAsync();
        await poller;

        run.Report("isolation_runs_completed", completed, $"of {runs}");
        run.Report("isolation_runs_failed", failed, $"of {runs}");
        run.Report("isolation_all_runs_done_s", (loadTo - loadFrom) / 1000, "s from the posts to the last run done");
        if (!double.IsNaN(queuedUntil)) run.Report("isolation_queue_drained_s", (queuedUntil - loadFrom) / 1000, "s until no run was queued");
        run.Report("isolation_most_running", mostRunning, "runs seen running at once");
        run.Report("isolation_highest_queue_position", highestPosition, "(0: the version has no queue position)");

        var frameTimes = frames.ToArray();
        var apiSamples = api.ToArray();
        double tickP99Loaded = double.NaN;
        foreach (var (label, from, to) in new[] { ("quiet", quietFrom, loadFrom), ("loaded", loadFrom, loadTo) })
        {
            var (durations, intervals) = ticks.Window(from, to);
            Stats(run, $"isolation_tick_ms@{label}", durations, "ms live tick duration");
            Stats(run, $"isolation_tick_interval_ms@{label}", intervals, "ms between live ticks (1000 when on time)");
            var inside = frameTimes.Where(t => t >= from && t < to).ToArray();
            Stats(run, $"isolation_frame_interval_ms@{label}", [.. inside.Zip(inside.Skip(1), (a, b) => b - a)], "ms between asset frames to the client");
            Stats(run, $"isolation_api_status_ms@{label}", [.. apiSamples.Where(s => s.AtMs >= from && s.AtMs < to).Select(s => s.LatencyMs)], "ms GET /api/status");
            if (label == "loaded") tickP99Loaded = Percentiles.Of(durations, 99);
        }
        run.Target($"live tick p99 while {runs} week-long runs are queued or running", tickP99Loaded, TargetTickP99Ms, higherIsBetter: false, "ms");
    }

    private static Func<int, object> Definition(double horizonHours, double stepMinutes) => i => new
    {
        name = string.Create(CultureInfo.InvariantCulture, $"isolation {i + 1}"),
        start = new { kind = "baseline", date = "2026-07-15" },
        horizonHours,
        stepMinutes,
        seed = 1000 + i,
        conditions = new[] { new { type = "heatwave", parameters = new Dictionary<string, double>() } },
        interventions = new object[]
        {
            new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } },
            new { type = "rooftop-solar", parameters = new Dictionary<string, double>(), target = new { kind = "city" } },
            new { type = "ev-adoption", parameters = new Dictionary<string, double>(), target = new { kind = "city" } },
        },
    };

    private static async Task PollStatusAsync(HttpClient http, Stopwatch clock, ConcurrentQueue<(double, double)> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var at = clock.Elapsed.TotalMilliseconds;
            try
            {
                using var response = await http.GetAsync("/api/status", stop);
                await response.Content.ReadAsByteArrayAsync(stop);
                samples.Enqueue((at, clock.Elapsed.TotalMilliseconds - at));
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static void Stats(BenchmarkRun run, string figure, IReadOnlyList<double> values, string unit)
    {
        run.Report($"{figure}_p50", Percentiles.Of(values, 50), unit);
        run.Report($"{figure}_p99", Percentiles.Of(values, 99), unit);
        run.Report($"{figure}_max", values.Count == 0 ? double.NaN : values.Max(), $"{unit} ({values.Count} samples)");
    }
}
