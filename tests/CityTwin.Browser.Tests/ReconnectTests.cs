using CityTwin.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A web node restarted (a deployment, a crash) gets its browsers back: the page reconnects on its
/// own, subscribes its viewport again, and live frames (clock, districts and the assets in view)
/// flow as before, with nobody reloading the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_restarted_web_node_gets_its_open_pages_back_with_their_viewport()
    {
        var port = FreePort.Next();
        var store = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        var options = new TwinAppOptions { Kestrel = true, Port = port, DataDirectory = store, QuietLogs = true };
        IBrowserContext? context = null;
        try
        {
            var first = TwinAppFactory.Create(options);
            var address = first.Start();
            await first.WaitUntilLiveAsync();
            context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                BaseURL = address.ToString(),
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(MapSession.Timeout);
            await page.GotoAsync("/");
            await page.WaitForFunctionAsync("() => window.cityTwin.ready && window.cityTwin.connectionState === 'connected'");
            // Zoomed in on Songdo: asset frames come only for a subscribed viewport.
            await page.EvaluateAsync("() => { window.cityTwin.map.jumpTo({ center: [126.635, 37.392], zoom: 15 }); }");
            await page.WaitForFunctionAsync("() => window.cityTwin.stats.assetUpdates > 0");

            try
            {
                await first.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
                // The silo's graceful stop was cut short by the host's shutdown timeout: to the
                // browser that is a web node gone, which is what this test is about.
            }
            await page.WaitForFunctionAsync("() => window.cityTwin.connectionState !== 'connected'");
            var down = System.Diagnostics.Stopwatch.StartNew();

            await using var second = TwinAppFactory.Create(options);
            second.Start();
            await second.WaitUntilLiveAsync();
            var assets = await page.EvaluateAsync<long>("() => window.cityTwin.stats.assetUpdates");
            var clocks = await page.EvaluateAsync<long>("() => window.cityTwin.stats.clockUpdates");
            await page.WaitForFunctionAsync("() => window.cityTwin.connectionState === 'connected'", null, new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync($"() => window.cityTwin.stats.clockUpdates > {clocks} && window.cityTwin.stats.assetUpdates > {assets}", null, new() { Timeout = 30_000 });
            output.WriteLine($"live again {down.Elapsed.TotalSeconds:F1} s after the web node went down (restart included)");

            // The page goes before the second node stops: an open WebSocket holds Kestrel's
            // graceful stop until the host's shutdown timeout, which then cuts the silo's stop short.
            await context.DisposeAsync();
            context = null;
        }
        finally
        {
            if (context is not null) await context.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(store)) Directory.Delete(store, recursive: true);
        }
    }
}
