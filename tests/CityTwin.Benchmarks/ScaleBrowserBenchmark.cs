using System.Globalization;
using System.Text.Json;
using CityTwin.Model.City;
using Microsoft.Playwright;

namespace CityTwin.Benchmarks;

/// <summary>
/// A browser on the million-asset city: the real web app with the synthetic plan scaled
/// (<c>City:SyntheticScale</c>, about 110 for Incheon) and its simulator ticking, Debian's Chromium
/// (software WebGL, as the browser tests run it) at 1280×800, and a scripted tour of pans and zooms
/// over the city through MapLibre's own camera (<c>easeTo</c>). Prints the time between animation
/// frames (<c>requestAnimationFrame</c> deltas) while the map moves, the page's JS heap, and the
/// browser's memory. Figures only: software WebGL on a shared 2-core machine is no place for a verdict.
/// </summary>
public static class ScaleBrowserBenchmark
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-accelerated-2d-canvas", "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--enable-precise-memory-info",
    ];

    public static async Task RunAsync(BenchmarkRun run)
    {
        var target = run.Args.Double("target", 1_000_000);
        var moveMs = run.Args.Int("move-ms", 2500);
        var rounds = run.Args.Int("rounds", 2);

        var baseline = CityPackLoader.Load(CityPackLocator.Find("incheon"));
        var synthetic = baseline.Assets.Count(a => a.Synthetic);
        var factor = Math.Max(1, (target - (baseline.Assets.Count - synthetic)) / synthetic);
        var (songdoLon, songdoLat) = Viewports.SongdoCentre(baseline);
        var home = baseline.HomeBounds;
        baseline = null;

        // The million-asset configuration of the scale benchmark: two hours of asset history at 1 minute.
        var settings = new Dictionary<string, string>
        {
            ["City:SyntheticScale"] = factor.ToString("R", CultureInfo.InvariantCulture),
            ["History:AssetMinutes"] = "120",
            ["History:AssetQuarters"] = "0",
        };
        var started = DateTime.UtcNow;
        await using var app = BenchApp.Create(settings);
        var baseUri = app.Start();
        await app.WaitUntilLiveAsync(TimeSpan.FromSeconds(300));
        var assets = app.Services.GetService(typeof(CityCatalog)) is CityCatalog c ? c.Assets.Count : 0;
        run.Report("scale_browser_assets", assets, "assets");
        run.Report("scale_browser_server_ready_s", (DateTime.UtcNow - started).TotalSeconds, "s (web app start → /healthz 200)");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CITYTWIN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 120_000,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = baseUri.ToString(),
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(180_000);
        var opened = DateTime.UtcNow;
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("() => window.cityTwin && window.cityTwin.ready === true", null, new PageWaitForFunctionOptions { Timeout = 180_000, PollingInterval = 200 });
        run.Report("scale_browser_page_ready_s", (DateTime.UtcNow - opened).TotalSeconds, "s (navigation → map ready)");

        // The tour: overview, into Songdo building by building, across the city, out again.
        var (cx, cy) = (home.Centre.X, home.Centre.Y);
        var stops = new List<(double Lon, double Lat, double Zoom)>
        {
            (cx, cy, 11), (songdoLon, songdoLat, 13), (songdoLon, songdoLat, 15), (songdoLon + 0.01, songdoLat + 0.005, 16),
            (songdoLon - 0.01, songdoLat - 0.004, 16), (songdoLon, songdoLat, 14), (cx, cy, 13), (cx + home.Width * 0.15, cy, 14),
            (cx - home.Width * 0.15, cy + home.Height * 0.1, 15), (cx, cy, 12), (cx, cy, 11),
        };
        await page.EvaluateAsync("""
            () => {
              window.__frames = [];
              window.__recording = false;
              const loop = t => { if (window.__recording) window.__frames.push(t); requestAnimationFrame(loop); };
              requestAnimationFrame(loop);
            }
            """);
        var deltas = new List<double>();
        var heap = new List<double>();
        var pss = new List<double>();
        var longest = 0.0;
        for (var r = 0; r < rounds; r++)
            foreach (var (lon, lat, zoom) in stops)
            {
                var frames = await page.EvaluateAsync<JsonElement>("""
                    async ([lon, lat, zoom, ms]) => {
                      const map = window.cityTwin.map;
                      window.__frames = [];
                      window.__recording = true;
                      await new Promise(resolve => { map.once('moveend', resolve); map.easeTo({ center: [lon, lat], zoom, duration: ms }); });
                      // Let the tiles of the new view land while still counting frames.
                      await new Promise(resolve => setTimeout(resolve, 500));
                      window.__recording = false;
                      const heap = performance.memory ? performance.memory.usedJSHeapSize : 0;
                      return { frames: window.__frames, heap };
                    }
                    """, new object[] { lon, lat, zoom, moveMs });
                var times = frames.GetProperty("frames").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                for (var i = 1; i < times.Length; i++)
                {
                    deltas.Add(times[i] - times[i - 1]);
                    longest = Math.Max(longest, times[i] - times[i - 1]);
                }
                heap.Add(frames.GetProperty("heap").GetDouble() / 1048576);
                pss.Add(BrowserMemory.ChromiumPssMb().TotalMb);
                Console.WriteLine(FormattableString.Invariant($"# z{zoom} at ({lon:0.0000}, {lat:0.0000}): {times.Length} frames, JS heap {heap[^1]:0} MB, browser {pss[^1]:0} MB"));
            }

        var (browserMb, processes) = BrowserMemory.ChromiumPssMb();
        run.Note($"{assets:N0} assets (synthetic plan × {factor:0.###}); Chromium {browser.Version}, software WebGL (SwiftShader), 1280×800; " +
                 $"{rounds} round(s) of {stops.Count} camera moves of {moveMs} ms (easeTo) + 0.5 s settling each");
        run.Report("scale_browser_frames", deltas.Count, "animation frames timed");
        run.Report("scale_browser_frame_ms_p50", Percentiles.Of(deltas, 50), "ms between animation frames while moving");
        run.Report("scale_browser_frame_ms_p95", Percentiles.Of(deltas, 95), "ms");
        run.Report("scale_browser_frame_ms_p99", Percentiles.Of(deltas, 99), "ms");
        run.Report("scale_browser_frame_ms_max", longest, "ms");
        run.Report("scale_browser_fps_mean", deltas.Count > 0 ? 1000 / deltas.Average() : double.NaN, "frames/s (mean)");
        run.Report("scale_browser_js_heap_mb_max", heap.Count > 0 ? heap.Max() : double.NaN, "MB (performance.memory.usedJSHeapSize)");
        run.Report("scale_browser_js_heap_mb_end", heap.Count > 0 ? heap[^1] : double.NaN, "MB");
        run.Report("scale_browser_memory_mb_max", pss.Count > 0 ? pss.Max() : double.NaN, $"MB (PSS of all {processes} Chromium processes)");
        run.Report("scale_browser_memory_mb_end", browserMb, "MB");
        run.Report("scale_browser_server_rss_mb", ProcessStats.ResidentMb(), "MB (this process: web app + silo + simulator)");
        await context.CloseAsync();
    }
}
