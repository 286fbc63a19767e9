using System.Diagnostics;
using System.Globalization;
using CityTwin.Abstractions.Grains;
using CityTwin.Model.Telemetry;
using CityTwin.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks;

/// <summary>
/// The server side of the <c>clients</c> benchmark, in its own process so that its resident memory
/// is the server's alone (internal command of <see cref="ClientsBenchmark"/>). The real web app
/// (embedded silo, hub, broadcaster) with its simulator off; a <see cref="RateDriver"/> feeds the
/// grains at <c>--rate</c> updates/s, each batch stamped with the wall clock when sent. Prints
/// <c>url=…</c> when live, then answers one command per line on stdin:
/// <c>drive</c> (start feeding), <c>pause</c> (stop feeding), <c>measure</c> (full GC, then its figures), <c>quit</c>.
/// </summary>
public static class ClientsServerChild
{
    public const string Command = "clients-server";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rate = args.Double("rate", 20_000);
        var settings = new Dictionary<string, string> { ["Simulation:Enabled"] = "false" };
        await using var app = BenchApp.Create(settings);
        // Not /healthz: with the simulator off the twin reports live only once fed, which is the driver's job.
        var baseUri = app.Start();
        var generator = app.Services.GetRequiredService<TelemetryGenerator>();
        var factory = app.Services.GetRequiredService<IGrainFactory>();
        var broadcaster = app.Services.GetRequiredService<TwinBroadcaster>();
        var set = BatchSet.Generate(generator, 8, TimeSpan.FromMinutes(15));
        var grains = set.Dongs.Select(d => factory.GetGrain<INeighbourhoodGrain>(d)).ToArray();
        RateDriver? driver = null;
        long sentBefore = 0, failedBefore = 0;
        CancellationTokenSource? stop = null;
        Task? driving = null;
        async Task PauseAsync()
        {
            if (driver is null || stop is null || driving is null) return;
            await stop.CancelAsync();
            await driving;
            (sentBefore, failedBefore) = (sentBefore + driver.Sent, failedBefore + driver.Failed);
            stop.Dispose();
            (driver, stop, driving) = (null, null, null);
        }
        Say($"url={baseUri}");

        while (await Console.In.ReadLineAsync() is { } line)
        {
            switch (line.Trim())
            {
                case "drive":
                    if (driving is null)
                    {
                        driver = new RateDriver(grains, set, rate);
                        stop = new CancellationTokenSource();
                        driving = driver.RunAsync(TimeSpan.FromHours(1), stop.Token);
                    }
                    Say("ok");
                    break;
                case "pause":
                    await PauseAsync();
                    Say("ok");
                    break;
                case "measure":
                    ProcessStats.FullCollect();
                    var process = Process.GetCurrentProcess();
                    // What the GC holds beside the live objects: committed memory, free space between
                    // them, and the pinned heap (Kestrel's buffer blocks live there).
                    var gc = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                    Say(FormattableString.Invariant(
                        $"rss_mb={ProcessStats.ResidentMb():0.00} managed_mb={GC.GetTotalMemory(false) / 1048576.0:0.00} gc_committed_mb={gc.TotalCommittedBytes / 1048576.0:0.00} gc_fragmented_mb={gc.FragmentedBytes / 1048576.0:0.00} gc_pinned_heap_mb={gc.GenerationInfo[4].SizeAfterBytes / 1048576.0:0.00} clients={broadcaster.ClientCount} cpu_s={process.TotalProcessorTime.TotalSeconds:0.000} sent={sentBefore + (driver?.Sent ?? 0)} failed={failedBefore + (driver?.Failed ?? 0)} threads={process.Threads.Count}"));
                    break;
                case "quit":
                    await PauseAsync();
                    Say("bye");
                    return 0;
                default:
                    Say($"error=unknown command '{line}'");
                    break;
            }
        }
        return 0;
    }

    private static void Say(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }

    /// <summary>Parses a <c>measure</c> answer (<c>key=value</c> pairs) into numbers.</summary>
    public static IReadOnlyDictionary<string, double> ParseMeasure(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture));
}
