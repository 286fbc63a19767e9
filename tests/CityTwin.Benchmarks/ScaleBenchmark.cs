using System.Globalization;
using CityTwin.Model.City;

namespace CityTwin.Benchmarks;

/// <summary>
/// Memory per asset, resident memory and start-up time for the default city and for a synthetic
/// city of about 1,000,000 assets (the synthetic plan scaled so the total lands there), each in a
/// fresh child process so RSS is clean. Also the real web app's start-up for the default city.
/// </summary>
public static class ScaleBenchmark
{
    public const double TargetLargeRssMb = 4096;
    public const double TargetLargeReadyS = 60;
    public const double TargetDefaultReadyS = 10;
    public const double TargetTickMs = 1000;

    public static async Task RunAsync(BenchmarkRun run)
    {
        var target = run.Args.Double("target", 1_000_000);
        var historySeconds = run.Args.String("history-seconds") ?? "40";

        // The scale factor: real (OSM) assets stay as they are, synthetic ones grow.
        var baseline = CityPackLoader.Load(CityPackLocator.Find("incheon"));
        var synthetic = baseline.Assets.Count(a => a.Synthetic);
        var real = baseline.Assets.Count - synthetic;
        var factor = (target - real) / synthetic;
        run.Note($"default city: {baseline.Assets.Count} assets ({real} real, {synthetic} synthetic); factor for {target:N0}: {factor:0.000}");
        baseline = null;

        var results = new Dictionary<string, Dictionary<string, double>>();
        foreach (var (label, f) in new[] { ("default", 1.0), ("1m", factor) })
        {
            var (figures, notes) = await ChildProcess.RunAsync(
                [ScaleChild.Command, "--factor", f.ToString("R", CultureInfo.InvariantCulture), "--history-seconds", historySeconds],
                TimeSpan.FromSeconds(600)); // generous: a loaded machine slows the million-asset start several-fold
            results[label] = figures.ToDictionary(x => x.Name, x => x.Value);
            foreach (var (name, value, unit) in figures) run.Report($"{name}@{label}", value, unit);
            foreach (var n in notes) run.Note($"{label}: {n}");
            if (label == "default")
            {
                var (web, _) = await ChildProcess.RunAsync([WebStartChild.Command], TimeSpan.FromSeconds(120));
                foreach (var (name, value, unit) in web) run.Report($"{name}@default", value, unit);
                results["web"] = web.ToDictionary(x => x.Name, x => x.Value);
            }
        }

        var d = results["default"];
        var m = results["1m"];
        var marginal = (m["scale_rss_mb"] - d["scale_rss_mb"]) * 1048576 / (m["scale_assets"] - d["scale_assets"]);
        run.Report("scale_marginal_bytes_per_asset", marginal, "B/asset (RSS difference / asset difference, after first tick)");
        var marginalFull = (m["scale_rss_mb_full_history"] - d["scale_rss_mb_full_history"]) * 1048576 / (m["scale_assets"] - d["scale_assets"]);
        run.Report("scale_marginal_bytes_per_asset_full_history", marginalFull, "B/asset (with full history rings)");

        run.Target("1M assets resident after first tick", m["scale_rss_mb"], TargetLargeRssMb, higherIsBetter: false, "MB");
        run.Target("1M assets resident with full history (steady state)", m["scale_rss_mb_full_history"], TargetLargeRssMb, higherIsBetter: false, "MB");
        run.Target("1M assets ready", m["scale_ready_s"], TargetLargeReadyS, higherIsBetter: false, "s");
        if (m.TryGetValue("scale_tick_ms_p99", out var tickP99))
            run.Target("1M assets tick within its interval (p99)", tickP99, TargetTickMs, higherIsBetter: false, "ms");
        run.Target("default city ready (silo host)", d["scale_ready_s"], TargetDefaultReadyS, higherIsBetter: false, "s");
        run.Target("default city ready (real web app, /healthz)", results["web"]["scale_web_ready_s"], TargetDefaultReadyS, higherIsBetter: false, "s");
    }
}
