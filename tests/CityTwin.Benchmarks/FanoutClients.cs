using System.Globalization;

namespace CityTwin.Benchmarks;

/// <summary>
/// The clients of <see cref="FanoutBenchmark"/> in a process of their own (internal command), so the
/// server's CPU is measured without theirs. Connects N clients, subscribes them all to one view,
/// warms up, prints <c># window start</c>, counts for the window, prints <c># window end</c> and
/// then its totals as figure lines for the parent to read.
/// </summary>
public static class FanoutClients
{
    public const string Command = "fanout-clients";
    public const string WindowStart = "window start";
    public const string WindowEnd = "window end";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var baseUri = new Uri(args.String("url") ?? throw new ArgumentException("--url is required"));
        var messagePack = args.String("protocol") != "json";
        var clientCount = args.Int("clients", 20);
        var seconds = args.Double("seconds", 20);
        var warmup = args.Double("warmup", 4);
        var b = args.Doubles("view", "");
        var view = new Viewbox("view", b[0], b[1], b[2], b[3], b[4], 0);
        void Report(string name, double value, string unit) =>
            Console.WriteLine(FormattableString.Invariant($"{name}={BenchmarkRun.Format(value)} {unit}"));

        var clients = new List<TwinClient>();
        for (var k = 0; k < clientCount; k++)
        {
            var c = await TwinClient.ConnectAsync(baseUri, messagePack, $"c{k}");
            await c.SubscribeAsync(view);
            clients.Add(c);
        }
        await Task.Delay(TimeSpan.FromSeconds(warmup));

        long Sum(Func<TwinClient, long> f) => clients.Sum(f);
        var kinds = WireTally.Kinds;
        long[] Snapshot() =>
            [Sum(c => c.Frames), Sum(c => c.AssetFrames), Sum(c => c.AreaFrames), Sum(c => c.ClockFrames), Sum(c => c.AssetItems), Sum(c => c.BytesReceived),
             .. kinds.Select(k => Sum(c => c.BytesOf(k)))];
        var before = Snapshot();
        var stats = ProcessStats.Start();
        Console.WriteLine($"# {WindowStart}");
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var after = Snapshot();
        var elapsed = stats.Elapsed.TotalSeconds;
        var cpu = stats.CpuPercentOfAllCores();
        Console.WriteLine($"# {WindowEnd}");

        string[] names = ["frames", "asset_frames", "area_frames", "clock_frames", "asset_items", "bytes", .. kinds.Select(k => $"bytes_{k}")];
        for (var i = 0; i < names.Length; i++) Report($"total_{names[i]}", after[i] - before[i], "count");
        Report("window_seconds", elapsed, "s");
        Report("clients_cpu_percent", cpu, string.Create(CultureInfo.InvariantCulture, $"% of {Environment.ProcessorCount} cores"));
        Report("clients_min_bytes", clients.Min(c => c.BytesReceived), "B");
        Report("clients_max_bytes", clients.Max(c => c.BytesReceived), "B");
        foreach (var c in clients) await c.DisposeAsync();
        return 0;
    }
}
