using CityTwin.Model.City;
using CityTwin.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// Frames and bytes per second per client, JSON versus MessagePack: the real web app with its
/// simulator at the default tick (1 s, clock speed 1), N clients over real loopback WebSockets all
/// zoomed into central Songdo (zoom 15, a 1280×800 window). Bytes are the WebSocket payload each
/// client receives, counted by wrapping its socket; the subscription snapshot is left out by a warm-up.
/// </summary>
public static class FanoutBenchmark
{
    public static async Task RunAsync(BenchmarkRun run)
    {
        var clientCount = run.Args.Int("clients", 20);
        var seconds = run.Args.Double("seconds", 20);
        var warmup = run.Args.Double("warmup", 4);

        await using var app = BenchApp.Create();
        var baseUri = app.Start();
        await app.WaitUntilLiveAsync();
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var simulator = app.Services.GetRequiredService<SimulatorStatus>();
        var (lon, lat) = Viewports.SongdoCentre(catalog);
        var view = Viewports.Around(catalog, "songdo-centre", lon, lat, 15);
        run.Note($"{clientCount} clients on {view.Name} z{view.Zoom} [{view.West:0.0000}, {view.South:0.0000}, {view.East:0.0000}, {view.North:0.0000}] holding {view.Assets} assets; simulator at its default tick");
        run.Report("fanout_assets_in_view", view.Assets, "assets");

        var perProtocol = new Dictionary<string, double>();
        foreach (var messagePack in new[] { false, true })
        {
            var tag = messagePack ? "msgpack" : "json";
            var clients = new List<TwinClient>();
            for (var k = 0; k < clientCount; k++)
            {
                var c = await TwinClient.ConnectAsync(baseUri, messagePack, $"{tag}-{k}");
                await c.SubscribeAsync(view);
                clients.Add(c);
            }
            await Task.Delay(TimeSpan.FromSeconds(warmup));

            long Sum(Func<TwinClient, long> f) => clients.Sum(f);
            var (frames0, assetFrames0, areaFrames0, clockFrames0, items0, bytes0) =
                (Sum(c => c.Frames), Sum(c => c.AssetFrames), Sum(c => c.AreaFrames), Sum(c => c.ClockFrames), Sum(c => c.AssetItems), Sum(c => c.BytesReceived));
            var kindBytes0 = WireTally.Kinds.ToDictionary(k => k, k => Sum(c => c.BytesOf(k)));
            var ticks0 = simulator.Ticks;
            var stats = ProcessStats.Start();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var elapsed = stats.Elapsed.TotalSeconds;
            var cpu = stats.CpuPercentOfAllCores();
            double PerClient(long total) => total / elapsed / clients.Count;

            var bytes = PerClient(Sum(c => c.BytesReceived) - bytes0);
            perProtocol[tag] = bytes;
            run.Report($"fanout_frames_per_s_per_client@{tag}", PerClient(Sum(c => c.Frames) - frames0), "frames/s");
            run.Report($"fanout_bytes_per_s_per_client@{tag}", bytes, "B/s");
            run.Report($"fanout_asset_frames_per_s_per_client@{tag}", PerClient(Sum(c => c.AssetFrames) - assetFrames0), "frames/s");
            run.Report($"fanout_district_frames_per_s_per_client@{tag}", PerClient(Sum(c => c.AreaFrames) - areaFrames0), "frames/s");
            run.Report($"fanout_clock_frames_per_s_per_client@{tag}", PerClient(Sum(c => c.ClockFrames) - clockFrames0), "frames/s");
            foreach (var kind in WireTally.Kinds)
                run.Report($"fanout_bytes_per_s_per_client_{kind}@{tag}", PerClient(Sum(c => c.BytesOf(kind)) - kindBytes0[kind]), "B/s");
            var items = PerClient(Sum(c => c.AssetItems) - items0);
            run.Report($"fanout_asset_items_per_s_per_client@{tag}", items, "items/s");
            run.Report($"fanout_bytes_per_asset_item@{tag}", items > 0 ? bytes / items : double.NaN, "B/item (all frames' bytes / asset items)");
            run.Report($"fanout_cpu_percent@{tag}", cpu, $"% of {Environment.ProcessorCount} cores (app + clients)");
            run.Note($"{tag}: simulator ticks in window {simulator.Ticks - ticks0} over {elapsed:0.0} s; min/max bytes per client " +
                     $"{clients.Min(c => c.BytesReceived)}/{clients.Max(c => c.BytesReceived)} (cumulative incl. snapshot)");
            foreach (var c in clients) await c.DisposeAsync();
            await Task.Delay(1000);
        }
        if (perProtocol["msgpack"] > 0)
            run.Report("fanout_json_to_msgpack_bytes_ratio", perProtocol["json"] / perProtocol["msgpack"], "×");
    }
}
