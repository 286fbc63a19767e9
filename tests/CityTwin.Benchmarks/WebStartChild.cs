using System.Diagnostics;

namespace CityTwin.Benchmarks;

/// <summary>
/// The real web app (embedded silo and simulator, default settings, default city) started in a
/// fresh process (internal command of <see cref="ScaleBenchmark"/>): time from process start to
/// <c>/healthz</c> 200 (first tick ingested) and resident memory then.
/// </summary>
public static class WebStartChild
{
    public const string Command = "web-start-child";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var started = Process.GetCurrentProcess().StartTime;
        await using var app = BenchApp.Create();
        app.Start();
        await app.WaitUntilLiveAsync(TimeSpan.FromSeconds(120));
        var ready = (DateTime.Now - started).TotalSeconds;
        var rssAtReady = ProcessStats.ResidentMb();
        await Task.Delay(TimeSpan.FromSeconds(args.Double("settle-seconds", 5)));
        ProcessStats.FullCollect();
        var rss = ProcessStats.ResidentMb();
        Console.WriteLine(FormattableString.Invariant($"scale_web_ready_s={BenchmarkRun.Format(ready)} s from process start to /healthz 200"));
        Console.WriteLine(FormattableString.Invariant($"scale_web_rss_mb_at_ready={BenchmarkRun.Format(rssAtReady)} MB"));
        Console.WriteLine(FormattableString.Invariant($"scale_web_rss_mb={BenchmarkRun.Format(rss)} MB after a few ticks (full GC)"));
        return 0;
    }
}
