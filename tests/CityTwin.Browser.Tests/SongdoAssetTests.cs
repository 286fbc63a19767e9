using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>Zoomed into Songdo: live asset colours and the asset inspector.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SongdoAssetTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Statuses = ["ok", "warning", "alarm", "offline", "unknown"];

    [Fact]
    public async Task Zoomed_into_Songdo_assets_update_live_and_open_in_the_inspector()
    {
        await using var session = await fixture.OpenAsync();
        await session.JumpToAsync(126.64, 37.39, 15);
        await session.WaitForAsync("() => window.cityTwin.stats.assetUpdates > 0");
        var updates = await session.StatAsync("assetUpdates");
        output.WriteLine($"asset updates after the snapshot: {updates}");
        await session.WaitForRenderedAsync("assets-circle", "roads-line", "buildings-fill");
        await session.WaitForIdleAsync();
        await session.ScreenshotAsync("03-songdo-live-assets.png");

        var hit = await session.FindRenderedAsync("assets-circle", "roads-line", "buildings-fill");
        Assert.NotNull(hit);
        output.WriteLine($"clicking {hit.Layer} {hit.Id} at {hit.X:0},{hit.Y:0}");
        await session.Page.Mouse.ClickAsync((float)hit.X, (float)hit.Y);

        var inspector = session.Page.GetByTestId("inspector");
        await inspector.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await session.WaitForAsync("() => document.querySelector('[data-testid=inspector]').dataset.loading === 'false'");
        var title = await session.Page.GetByTestId("inspector-title").InnerTextAsync();
        var status = await session.Page.GetByTestId("inspector-status").GetAttributeAsync("data-status");
        output.WriteLine($"inspector: {title} [{status}]");
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Contains(status, Statuses);
        Assert.True(await session.Page.GetByTestId("inspector-status").IsVisibleAsync());
        Assert.True(await session.Page.Locator("[data-testid=inspector-values] tr").CountAsync() > 0);
        await session.WaitForAsync("() => document.querySelector('[data-testid=inspector-chart] canvas') !== null");
        await session.ScreenshotAsync("04-asset-inspector.png");
        Assert.Empty(session.PageErrors);
    }
}
