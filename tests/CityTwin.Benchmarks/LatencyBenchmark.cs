using System.Globalization;
using CityTwin.Abstractions.Grains;
using CityTwin.Model.City;
using CityTwin.Model.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// Sensor to SignalR client, wall clock to wall clock. The real web app (embedded silo, hub,
/// broadcaster) runs with its simulator off; this benchmark feeds the grains itself at each target
/// rate, every batch stamped with the wall clock when sent. Clients (real WebSockets on loopback,
/// in this process) subscribe to different zoomed-in views and record, for every asset item,
/// receipt − its frame's wall-clock stamp (the oldest reading in the frame: an upper bound).
/// Both ends read the same clock. CPU is this whole process (server, feeding and clients) per
/// asset update delivered to a client.
/// </summary>
public static class LatencyBenchmark
{
    public const double TargetP99Ms = 100;
    public const double TargetRate = 50_000;
    public const double TargetP99MsAtLowRate = 50;
    public const double LowRate = 10_000;

    public static async Task RunAsync(BenchmarkRun run)
    {
        var rates = run.Args.Doubles("rates", "10000,50000");
        var seconds = run.Args.Double("seconds", 20);
        var warmup = run.Args.Double("warmup", 4);
        var clientCount = run.Args.Int("clients", 20);
        var messagePack = (run.Args.String("protocol") ?? "msgpack") != "json";
        var settings = new Dictionary<string, string> { ["Simulation:Enabled"] = "false" };
        if (run.Args.String("flush-ms") is { } flush)
            settings["LiveFeed:FlushInterval"] = TimeSpan.FromMilliseconds(double.Parse(flush, CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture);

        await using var app = BenchApp.Create(settings);
        var baseUri = app.Start();
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var generator = app.Services.GetRequiredService<TelemetryGenerator>();
        var factory = app.Services.GetRequiredService<IGrainFactory>();
        var set = BatchSet.Generate(generator, 8, TimeSpan.FromMinutes(15));
        var grains = set.Dongs.Select(d => factory.GetGrain<INeighbourhoodGrain>(d)).ToArray();

        var views = Viewports.Spread(catalog, clientCount);
        var recorder = new LatencyRecorder(views.Count);
        var clients = new List<TwinClient>();
        for (var k = 0; k < views.Count; k++)
        {
            var client = await TwinClient.ConnectAsync(baseUri, messagePack, views[k].Name);
            var index = k;
            client.OnAssets = (items, wallTs, now) => recorder.Record(index, items, wallTs, now);
            await client.SubscribeAsync(views[k]);
            clients.Add(client);
        }
        var inView = views.Sum(v => v.Assets);
        run.Note($"{views.Count} clients ({(messagePack ? "MessagePack" : "JSON")}, WebSockets on loopback): " +
                 string.Join(", ", views.Select(v => $"{v.Name} z{v.Zoom} {v.Assets}")) + $"; {inView} asset-views in total");
        run.Note($"flush interval {settings.GetValueOrDefault("LiveFeed:FlushInterval") ?? "default (15 ms)"}; {catalog.Assets.Count} assets, round of {set.ReadingsPerRound} readings in {set.Dongs.Count} dong batches");
        run.Report("latency_clients", views.Count, "clients");
        run.Report("latency_assets_in_views", inView, "asset-views");

        foreach (var rate in rates)
        {
            var tag = rate.ToString("0", CultureInfo.InvariantCulture);
            recorder.Active = false;
            recorder.Reset();
            var driver = new RateDriver(grains, set, rate);
            var driving = driver.RunAsync(TimeSpan.FromSeconds(warmup + seconds));
            await Task.Delay(TimeSpan.FromSeconds(warmup));

            var items0 = clients.Sum(c => c.AssetItems);
            var frames0 = clients.Sum(c => c.AssetFrames);
            var sent0 = driver.Sent;
            var stats = ProcessStats.Start();
            recorder.Active = true;
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            recorder.Active = false;
            var elapsed = stats.Elapsed.TotalSeconds;
            var cpu = stats.CpuPercentOfAllCores();
            var load = MachineInfo.LoadAverage();
            var sent = driver.Sent - sent0;
            var items = clients.Sum(c => c.AssetItems) - items0;
            var frames = clients.Sum(c => c.AssetFrames) - frames0;
            await driving;

            var h = recorder.Total();
            run.Report($"latency_p50_ms@{tag}", h.Percentile(50), "ms");
            run.Report($"latency_p95_ms@{tag}", h.Percentile(95), "ms");
            run.Report($"latency_p99_ms@{tag}", h.Percentile(99), "ms");
            run.Report($"latency_max_ms@{tag}", h.Max, "ms");
            run.Report($"latency_achieved_updates_per_s@{tag}", sent / elapsed, "updates/s");
            run.Report($"latency_items_per_s_all_clients@{tag}", items / elapsed, "items/s");
            run.Report($"latency_asset_frames_per_s_per_client@{tag}", frames / elapsed / clients.Count, "frames/s");
            run.Report($"latency_cpu_percent@{tag}", cpu, $"% of {Environment.ProcessorCount} cores (server + clients)");
            var cpuSeconds = cpu / 100 * Environment.ProcessorCount * elapsed;
            run.Report($"latency_cpu_us_per_delivered_update@{tag}", items > 0 ? cpuSeconds * 1e6 / items : double.NaN, "CPU-µs per asset update delivered to a client (server + feeding + clients)");
            var byTs = recorder.TotalByItemTs();
            run.Report($"latency_by_item_ts_p99_ms@{tag}", byTs.Percentile(99), "ms (receipt − item ts, the earlier method)");
            var worst = Enumerable.Range(0, clients.Count).OrderByDescending(i => recorder.Client(i).Percentile(99)).First();
            run.Note($"@{tag}/s: load average {load}; {h.Count:N0} items measured, mean {h.Mean():0} ms, failed batches {driver.Failed}, negative {h.Negative}; " +
                     $"worst client {views[worst].Name} ({views[worst].Assets} assets) p99 {recorder.Client(worst).Percentile(99)} ms");
            if (rate == TargetRate)
                run.Target($"p99 at {tag} updates/s with {clients.Count} clients", h.Percentile(99), TargetP99Ms, higherIsBetter: false, "ms");
            if (rate == LowRate)
                run.Target($"p99 at {tag} updates/s with {clients.Count} clients", h.Percentile(99), TargetP99MsAtLowRate, higherIsBetter: false, "ms");
            await Task.Delay(1000);
        }

        foreach (var c in clients) await c.DisposeAsync();
    }
}
