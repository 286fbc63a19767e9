using System.Diagnostics;
using System.Globalization;
using CityTwin.Model.City;

namespace CityTwin.Benchmarks;

/// <summary>
/// Many concurrent SignalR clients on loopback. The server (the real web app fed at
/// <c>--rate</c> updates/s, see <see cref="ClientsServerChild"/>) runs as a child process so its
/// resident memory is its own; this process is the lean load generator: <see cref="RawHubClient"/>s
/// speaking the hub protocol over raw WebSockets, <c>--zoomed-in</c> of them on phone windows at
/// zoom 16 over random assets, the rest on the KPI overview. Prints server memory per connection
/// (after a full GC, minus the same before any client connected), sensor → client latency of the
/// zoomed-in clients, frames and bytes per client, CPU, and how many clients dropped or fell silent.
/// </summary>
public static class ClientsBenchmark
{
    public const double TargetBytesPerConnection = 30 * 1024;
    private static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(BenchmarkRun run)
    {
        var count = run.Args.Int("clients", 10_000);
        var seconds = run.Args.Double("seconds", 60);
        var rate = run.Args.Double("rate", 20_000);
        var warmup = run.Args.Double("warmup", 10);
        var settle = run.Args.Double("settle", 20);
        var idleSeconds = run.Args.Double("idle", 15);
        var zoomedInShare = run.Args.Double("zoomed-in", 0.2);
        var messagePack = (run.Args.String("protocol") ?? "msgpack") != "json";
        var parallelConnects = run.Args.Int("connect-parallel", 32);
        var sources = run.Args.Int("sources", 8);
        if (count < 1 || count > 50_000) throw new ArgumentException("--clients must be 1–50,000");
        if (seconds <= 0 || seconds > 3600) throw new ArgumentException("--seconds must be in (0, 3600]");
        FileLimits.EnsureRoomFor(count);

        var views = ClientViews.Make(CityPackLoader.Load(CityPackLocator.Find("incheon")), count, zoomedInShare);
        var zoomedIn = views.Where(v => v.Name.StartsWith("asset-", StringComparison.Ordinal)).ToList();
        run.Note($"{count} clients ({(messagePack ? "MessagePack" : "JSON")}, raw WebSockets on loopback from {sources} source addresses): " +
                 $"{count - zoomedIn.Count} on the KPI overview (1280×800, z{ClientViews.KpiZoom}), {zoomedIn.Count} on phone windows (390×844, z{ClientViews.AssetZoom}) " +
                 $"holding {(zoomedIn.Count > 0 ? zoomedIn.Average(v => v.Assets) : 0):0} assets on average (max {(zoomedIn.Count > 0 ? zoomedIn.Max(v => v.Assets) : 0)}); " +
                 $"server fed at {rate:N0} updates/s; {FileLimits.Describe()}");

        await using var server = ServerChild.Start([ClientsServerChild.Command, "--rate", rate.ToString("R", CultureInfo.InvariantCulture)]);
        var url = new Uri((await server.ExpectAsync("url=", TimeSpan.FromSeconds(180)))["url=".Length..]);
        var hub = new Uri($"ws://{url.Host}:{url.Port}/hubs/twin");
        var compact = await CompactFrameReader.ForAsync(url);
        await server.AskAsync("drive", "ok", TimeSpan.FromSeconds(30));
        // Grains activate, history rings and the GC's budgets grow in the first seconds of feeding:
        // the baseline is taken once that has settled, so the difference is the clients'.
        await Task.Delay(TimeSpan.FromSeconds(settle));
        // Memory per connection is measured with the feed paused (no frame in flight), so it is what
        // a connection holds, not what a frame being sent holds; then again under the full load.
        await server.AskAsync("pause", "ok", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await MeasureAsync(server);
        run.Note($"server before any client (feed paused): {Describe(before)}");

        var latency = new LatencyHistogram();
        var recording = false;
        using var invoker = LoopbackConnector.Create(sources);
        using var stop = new CancellationTokenSource();
        var clients = new RawHubClient[count];
        var loops = new List<Task>(count);
        var connectFailures = new List<string>();
        var generator = ProcessStats.Start();
        var connectWatch = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(parallelConnects))
        {
            var connects = new List<Task>(count);
            for (var k = 0; k < count; k++)
            {
                await gate.WaitAsync();
                var index = k;
                var client = clients[k] = new RawHubClient(messagePack, views[k].Assets > 0 || views[k].Zoom >= ClientViews.AssetZoom, (receipt, bytes) =>
                {
                    // MessagePack clients get compact frames: every item is timed from the frame's wall stamp
                    // (when its oldest reading entered the twin), wall clock to wall clock.
                    if (messagePack && HubFrameReader.CompactFrame(bytes) is { } frame)
                    {
                        var items = compact.Count(frame);
                        var wallTs = CompactFrameReader.WallTs(frame);
                        if (Volatile.Read(ref recording) && wallTs > 0)
                            lock (latency)
                                for (var i = 0; i < items; i++) latency.Add(receipt - wallTs);
                        clients[index].AddItems(items);
                        return;
                    }
                    var n = HubFrameReader.ReadTimestamps(bytes, messagePack, ts =>
                    {
                        if (!Volatile.Read(ref recording)) return;
                        lock (latency) latency.Add(receipt - ts);
                    });
                    clients[index].AddItems(n);
                });
                connects.Add(Task.Run(async () =>
                {
                    try
                    {
                        await client.ConnectAsync(hub, invoker, views[index], stop.Token);
                        lock (loops) loops.Add(client.ReceiveLoopAsync(stop.Token));
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        lock (connectFailures) connectFailures.Add($"{views[index].Name}: {ex.GetType().Name}: {ex.Message}");
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
                if ((k + 1) % 1000 == 0) Console.WriteLine($"# connecting: {k + 1}/{count} after {connectWatch.Elapsed.TotalSeconds:0.0} s");
            }
            await Task.WhenAll(connects);
        }
        var connectSeconds = connectWatch.Elapsed.TotalSeconds;
        var pinging = PingLoopAsync(clients, stop.Token);
        var subscribing = Stopwatch.StartNew();
        while (!clients.All(c => c.Subscribed || c.SubscribeFailed || c.Dropped is not null) && subscribing.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Delay(200);
        run.Report("clients_connected", count - connectFailures.Count, "clients");
        run.Report("clients_connect_failures", connectFailures.Count, "clients");
        run.Report("clients_subscribe_refused", clients.Count(c => c.SubscribeFailed), "clients");
        run.Report("clients_connect_s", connectSeconds, $"s to open {count} connections ({parallelConnects} at a time)");
        foreach (var f in connectFailures.Take(5)) run.Note($"connect failed: {f}");

        // Every client has its first frames (the areas and the clock) before the idle measurement.
        var delivering = Stopwatch.StartNew();
        while (clients.Any(c => c.Subscribed && c.Dropped is null && c.Frames(HubMessageStream.Districts) == 0) && delivering.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Delay(200);
        // Kestrel's memory pool gives idle blocks back over some seconds: measure once it has.
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var idle = await MeasureAsync(server);
        run.Note($"server with {count} clients, feed paused: {Describe(idle)}");
        await server.AskAsync("drive", "ok", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var connected = await MeasureAsync(server);
        run.Note($"server with {count} clients after {warmup:0} s of feeding: {Describe(connected)}");

        // The measured window.
        long Sum(Func<RawHubClient, long> f) => clients.Sum(f);
        long SumOf(bool zoomed, Func<RawHubClient, long> f) => clients.Where(c => c.ZoomedIn == zoomed).Sum(f);
        var frames0 = new[] { false, true }.ToDictionary(z => z, z => (SumOf(z, c => c.Frames(HubMessageStream.Assets)), SumOf(z, c => c.Frames(HubMessageStream.Districts)), SumOf(z, c => c.Frames(HubMessageStream.Clock)), SumOf(z, c => c.Bytes)));
        var items0 = Sum(c => c.Items);
        var window = ProcessStats.Start();
        Volatile.Write(ref recording, true);
        var rssSamples = new List<double>();
        var windowWatch = Stopwatch.StartNew();
        while (windowWatch.Elapsed.TotalSeconds < seconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, Math.Max(0.1, seconds - windowWatch.Elapsed.TotalSeconds))));
            rssSamples.Add(server.ResidentMb());
            Console.WriteLine($"# {windowWatch.Elapsed.TotalSeconds:0} s: server RSS {rssSamples[^1]:0} MB, dropped {clients.Count(c => c.Dropped is not null)}, load {MachineInfo.LoadAverage()}");
        }
        Volatile.Write(ref recording, false);
        var elapsed = window.Elapsed.TotalSeconds;
        var generatorCpu = window.CpuPercentOfAllCores();
        var end = await MeasureAsync(server);
        var now = Environment.TickCount64;
        var dropped = clients.Where(c => c.Dropped is not null).ToList();
        var silent = clients.Where(c => c.Dropped is null && c.Subscribed && now - c.LastFrameTicks > SilentAfter.TotalMilliseconds).ToList();

        run.Report("clients_dropped", dropped.Count + connectFailures.Count, "clients (connection lost or never opened)");
        run.Report("clients_silent", silent.Count, $"clients (connected but no frame in the last {SilentAfter.TotalSeconds:0} s)");
        run.Report("clients_server_sessions", end["clients"], "sessions the server holds at the end");
        foreach (var d in dropped.Take(5)) run.Note($"dropped: {d.Dropped}");

        var perConnection = (idle["rss_mb"] - before["rss_mb"]) * 1048576 / count;
        var perConnectionLoaded = (connected["rss_mb"] - before["rss_mb"]) * 1048576 / count;
        var perConnectionEnd = (end["rss_mb"] - before["rss_mb"]) * 1048576 / count;
        run.Report("clients_server_rss_mb_before", before["rss_mb"], "MB (full GC, feed paused, no client)");
        run.Report("clients_server_rss_mb_idle", idle["rss_mb"], $"MB (full GC, feed paused, {count} clients subscribed)");
        run.Report("clients_server_rss_mb_connected", connected["rss_mb"], $"MB (full GC, {count} clients, after {warmup:0} s of feeding)");
        run.Report("clients_server_rss_mb_end", end["rss_mb"], $"MB (full GC, after the {seconds:0} s window)");
        run.Report("clients_server_rss_mb_max_in_window", rssSamples.Count > 0 ? rssSamples.Max() : double.NaN, "MB (no GC forced)");
        run.Report("clients_server_bytes_per_connection", perConnection, "B (RSS with clients − before, full GC, feed paused, / clients)");
        run.Report("clients_server_managed_bytes_per_connection", (idle["managed_mb"] - before["managed_mb"]) * 1048576 / count, "B (managed heap, same)");
        run.Report("clients_server_gc_committed_bytes_per_connection", (idle["gc_committed_mb"] - before["gc_committed_mb"]) * 1048576 / count, "B (memory the GC has committed, same)");
        run.Report("clients_server_bytes_per_connection_loaded", perConnectionLoaded, "B (RSS, full GC, while fed, after warm-up / clients)");
        run.Report("clients_server_bytes_per_connection_end", perConnectionEnd, "B (same at the end of the window)");

        var h = latency;
        run.Report("clients_latency_p50_ms", h.Percentile(50), "ms (sensor → zoomed-in client)");
        run.Report("clients_latency_p95_ms", h.Percentile(95), "ms");
        run.Report("clients_latency_p99_ms", h.Percentile(99), "ms");
        run.Report("clients_latency_max_ms", h.Max, "ms");
        run.Report("clients_latency_items", h.Count, "asset items timed");
        run.Report("clients_items_per_s_all_clients", (Sum(c => c.Items) - items0) / elapsed, "asset items/s");
        foreach (var zoomed in new[] { false, true })
        {
            var n = clients.Count(c => c.ZoomedIn == zoomed);
            if (n == 0) continue;
            var tag = zoomed ? "zoomed_in" : "kpi";
            var (a0, d0, c0, b0) = frames0[zoomed];
            double PerClient(long total) => total / elapsed / n;
            run.Report($"clients_asset_frames_per_s@{tag}", PerClient(SumOf(zoomed, c => c.Frames(HubMessageStream.Assets)) - a0), "frames/s per client");
            run.Report($"clients_district_frames_per_s@{tag}", PerClient(SumOf(zoomed, c => c.Frames(HubMessageStream.Districts)) - d0), "frames/s per client");
            run.Report($"clients_clock_frames_per_s@{tag}", PerClient(SumOf(zoomed, c => c.Frames(HubMessageStream.Clock)) - c0), "frames/s per client");
            run.Report($"clients_bytes_per_s@{tag}", PerClient(SumOf(zoomed, c => c.Bytes) - b0), "B/s per client");
        }
        var serverCpu = 100 * (end["cpu_s"] - connected["cpu_s"]) / (elapsed * Environment.ProcessorCount);
        run.Report("clients_server_cpu_percent", serverCpu, $"% of {Environment.ProcessorCount} cores (server process; includes feeding the grains)");
        run.Report("clients_generator_cpu_percent", generatorCpu, $"% of {Environment.ProcessorCount} cores (this load generator)");
        run.Report("clients_generator_rss_mb", ProcessStats.ResidentMb(), "MB (this load generator)");
        run.Report("clients_achieved_updates_per_s", (end["sent"] - connected["sent"]) / elapsed, "updates/s fed to the grains");
        run.Note($"server at the end: {Describe(end)}; generator set-up CPU {generator.CpuPercentOfAllCores():0}%");
        run.Target($"{count} clients for {seconds:0} s, none dropped", dropped.Count + connectFailures.Count, 0, higherIsBetter: false, "clients");
        run.Target("server memory per connection", perConnection, TargetBytesPerConnection, higherIsBetter: false, "B");

        // The server closes first, so the TIME_WAIT sockets are on its side, not on this side's ephemeral ports.
        await server.DisposeAsync();
        await stop.CancelAsync();
        foreach (var c in clients) c?.Abort();
        await pinging;
    }

    private static async Task<IReadOnlyDictionary<string, double>> MeasureAsync(ServerChild server) =>
        ClientsServerChild.ParseMeasure(await server.AskAsync("measure", "rss_mb=", TimeSpan.FromSeconds(120)));

    private static string Describe(IReadOnlyDictionary<string, double> m) =>
        string.Join(", ", m.Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value:0.##}")));

    /// <summary>A SignalR ping from every client every 10 s (the server drops a client silent for 30 s).</summary>
    private static async Task PingLoopAsync(RawHubClient[] clients, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var round = Stopwatch.StartNew();
                foreach (var c in clients)
                {
                    if (c is null || c.Dropped is not null) continue;
                    try
                    {
                        await c.PingAsync(cancellationToken);
                    }
                    catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
                    {
                        // The receive loop records the drop.
                    }
                }
                var rest = TimeSpan.FromSeconds(10) - round.Elapsed;
                if (rest > TimeSpan.Zero) await Task.Delay(rest, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
