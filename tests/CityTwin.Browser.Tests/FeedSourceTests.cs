using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>The inspector tells who feeds an asset: the simulator, or a real feed once an operator leaves it to one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedSourceTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_inspector_shows_whether_the_simulator_or_a_real_feed_drives_an_asset(int width, int height)
    {
        await using var session = await fixture.OpenAsync(width: width, height: height, touch: width < 600);
        await session.JumpToAsync(126.64, 37.39, 16);
        await session.WaitForRenderedAsync("assets-circle");
        await session.WaitForIdleAsync();
        var hit = await session.FindRenderedAsync("assets-circle");
        Assert.NotNull(hit);
        output.WriteLine($"asset {hit.Id} at {hit.X:0},{hit.Y:0}");
        var attrs = session.Page.Locator("[data-testid=inspector] dl.attrs");

        await OpenAsync(session, hit);
        Assert.Contains("Fed by", await attrs.InnerTextAsync());
        Assert.Contains("Simulator", await attrs.InnerTextAsync());

        using var operatorClient = await fixture.App.CreateClientAsAsync(Roles.Operator);
        try
        {
            (await operatorClient.PostAsJsonAsync("/api/simulation/sources", new { assetId = hit.Id, simulated = false })).EnsureSuccessStatusCode();
            await session.Page.Locator("#inspector-close").ClickAsync();
            await OpenAsync(session, hit);
            Assert.Contains("Real feed (HTTP/MQTT)", await attrs.InnerTextAsync());
            await attrs.ScrollIntoViewIfNeededAsync();
            await session.ScreenshotAsync($"feed-source-inspector-{width}x{height}.png");
        }
        finally
        {
            (await operatorClient.PostAsJsonAsync("/api/simulation/sources", new { assetId = hit.Id, simulated = true })).EnsureSuccessStatusCode();
        }
        Assert.Empty(session.PageErrors);
    }

    private static async Task OpenAsync(MapSession session, RenderedHit hit)
    {
        await session.Page.Mouse.ClickAsync((float)hit.X, (float)hit.Y);
        await session.Page.GetByTestId("inspector").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await session.WaitForAsync("() => document.querySelector('[data-testid=inspector]').dataset.loading === 'false'");
        await session.Page.Locator("[data-testid=inspector] dl.attrs").WaitForAsync();
    }
}
