using System.Globalization;
using CityTwin.Grains;
using CityTwin.Model.City;
using CityTwin.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// Frames, bytes and server CPU per client, JSON versus MessagePack: the real web app with its
/// simulator at the default tick (1 s, clock speed 1), N clients over real loopback WebSockets all
/// zoomed into central Songdo (zoom 15, a 1280×800 window). The clients run in a child process
/// (<see cref="FanoutClients"/>), so this process's CPU is the server's alone: simulator, grains,
/// live feed and fan-out. Bytes are the WebSocket payload each client receives, counted by wrapping
/// its socket; the subscription snapshot is left out by a warm-up. Every window (each protocol's and
/// the no-client baseline) lasts a whole number of the dongs' once-a-minute refreshes of steady
/// assets (<see cref="NeighbourhoodGrain.LiveRefreshMs"/>) by default, so that refresh weighs the
/// same in each and the baseline subtracted is the baseline of the windows it is subtracted from.
/// </summary>
public static class FanoutBenchmark
{
    public static async Task RunAsync(BenchmarkRun run)
    {
        var clientCount = run.Args.Int("clients", 20);
        var refreshSeconds = NeighbourhoodGrain.LiveRefreshMs / 1000.0;
        var seconds = run.Args.Double("seconds", refreshSeconds);
        var warmup = run.Args.Double("warmup", 4);
        var idleSeconds = run.Args.Double("idle-seconds", refreshSeconds);

        await using var app = BenchApp.Create();
        var baseUri = app.Start();
        await app.WaitUntilLiveAsync();
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var simulator = app.Services.GetRequiredService<SimulatorStatus>();
        var (lon, lat) = Viewports.SongdoCentre(catalog);
        var view = Viewports.Around(catalog, "songdo-centre", lon, lat, 15);
        run.Note($"{clientCount} clients on {view.Name} z{view.Zoom} [{view.West:0.0000}, {view.South:0.0000}, {view.East:0.0000}, {view.North:0.0000}] holding {view.Assets} assets; simulator at its default tick; clients in a child process");
        run.Report("fanout_assets_in_view", view.Assets, "assets");

        var perProtocol = new Dictionary<string, double>();
        var windows = new List<(string Tag, double CpuSeconds, double Elapsed, double Delivered)>();
        foreach (var messagePack in new[] { false, true })
        {
            var tag = messagePack ? "msgpack" : "json";
            ProcessStats? window = null;
            var (cpuSeconds, elapsed) = (double.NaN, double.NaN);
            var ticks0 = simulator.Ticks;
            var ticks = 0L;
            var args = new[]
            {
                FanoutClients.Command, "--url", baseUri.ToString(), "--protocol", tag,
                "--clients", clientCount.ToString(CultureInfo.InvariantCulture),
                "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--warmup", warmup.ToString(CultureInfo.InvariantCulture),
                "--view", string.Join(',', new[] { view.West, view.South, view.East, view.North, view.Zoom }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
            };
            var (figures, _) = await ChildProcess.RunAsync(args, TimeSpan.FromSeconds(warmup + seconds + 120), line =>
            {
                if (line == $"# {FanoutClients.WindowStart}")
                {
                    window = ProcessStats.Start();
                    ticks0 = simulator.Ticks;
                }
                else if (line == $"# {FanoutClients.WindowEnd}" && window is not null)
                {
                    elapsed = window.Elapsed.TotalSeconds;
                    cpuSeconds = window.CpuPercentOfAllCores() / 100 * Environment.ProcessorCount * elapsed;
                    ticks = simulator.Ticks - ticks0;
                }
            });
            var f = figures.ToDictionary(x => x.Name, x => x.Value);
            double PerClient(string total) => f[$"total_{total}"] / elapsed / clientCount;

            var bytes = PerClient("bytes");
            perProtocol[tag] = bytes;
            run.Report($"fanout_frames_per_s_per_client@{tag}", PerClient("frames"), "frames/s");
            run.Report($"fanout_bytes_per_s_per_client@{tag}", bytes, "B/s");
            run.Report($"fanout_asset_frames_per_s_per_client@{tag}", PerClient("asset_frames"), "frames/s");
            run.Report($"fanout_district_frames_per_s_per_client@{tag}", PerClient("area_frames"), "frames/s");
            run.Report($"fanout_clock_frames_per_s_per_client@{tag}", PerClient("clock_frames"), "frames/s");
            foreach (var kind in WireTally.Kinds)
                run.Report($"fanout_bytes_per_s_per_client_{kind}@{tag}", PerClient($"bytes_{kind}"), "B/s");
            var items = PerClient("asset_items");
            run.Report($"fanout_asset_items_per_s_per_client@{tag}", items, "items/s");
            run.Report($"fanout_bytes_per_asset_item@{tag}", items > 0 ? bytes / items : double.NaN, "B/item (all frames' bytes / asset items)");
            run.Report($"fanout_asset_bytes_per_asset_update@{tag}", items > 0 ? PerClient("bytes_assets") / items : double.NaN, "B/update (assets frames' bytes / asset items)");
            var delivered = f["total_asset_items"];
            run.Report($"fanout_server_cpu_cores@{tag}", cpuSeconds / elapsed, "cores (server process)");
            run.Report($"fanout_server_cpu_s_per_million_updates@{tag}", delivered > 0 ? cpuSeconds / (delivered / 1e6) : double.NaN, "CPU-s per million asset updates delivered");
            windows.Add((tag, cpuSeconds, elapsed, delivered));
            run.Report($"fanout_clients_cpu_percent@{tag}", f["clients_cpu_percent"], $"% of {Environment.ProcessorCount} cores (client process)");
            run.Note($"{tag}: simulator ticks in window {ticks} over {elapsed:0.0} s; min/max bytes per client " +
                     $"{f["clients_min_bytes"]}/{f["clients_max_bytes"]} (cumulative incl. snapshot)");
            await Task.Delay(1000);
        }

        // What the server spends with nobody watching (simulator, grains, live feed), measured after
        // the runs so start-up work is over; the rest of a window's CPU is the fan-out's.
        var idle = ProcessStats.Start();
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var idleCores = idle.CpuPercentOfAllCores() / 100 * Environment.ProcessorCount;
        run.Report("fanout_server_cpu_cores_no_clients", idleCores, "cores");
        foreach (var (tag, cpuSeconds, elapsed, delivered) in windows)
            run.Report($"fanout_fanout_cpu_s_per_million_updates@{tag}", delivered > 0 ? (cpuSeconds - idleCores * elapsed) / (delivered / 1e6) : double.NaN,
                "CPU-s per million asset updates delivered, above the no-client baseline");
        if (perProtocol["msgpack"] > 0)
            run.Report("fanout_json_to_msgpack_bytes_ratio", perProtocol["json"] / perProtocol["msgpack"], "×");
    }
}
