using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>Control room and trainer journeys on the zoomed-out map: choropleth, live feed, area inspector.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CityOverviewTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Opening_the_map_draws_the_districts_choropleth()
    {
        await using var session = await fixture.OpenAsync();
        await session.WaitForAsync("() => window.cityTwin.twin.areaValues.gu.size >= 10");
        await session.WaitForRenderedAsync("gu-fill");
        await session.WaitForIdleAsync();

        var drawnDistricts = await session.EvalAsync<int>(
            "() => new Set(window.cityTwin.map.queryRenderedFeatures({ layers: ['gu-fill'] }).map(f => f.properties.code)).size");
        Assert.Equal(10, drawnDistricts);

        var png = await session.ScreenshotAsync("01-city-choropleth.png");
        var image = PngImage.Decode(png);
        var mapTop = (int)await session.EvalAsync<double>("() => document.getElementById('map').getBoundingClientRect().top");
        var distinct = image.DistinctColours(0, mapTop, image.Width, image.Height);
        var drawn = image.ShareDifferentFrom((0x0a, 0x14, 0x22), 0, mapTop, image.Width, image.Height);
        output.WriteLine($"distinct colours {distinct}, drawn share {drawn:P1}");
        Assert.True(distinct >= 8, $"only {distinct} distinct colours: the map looks blank");
        Assert.True(drawn > 0.15, $"only {drawn:P1} of the map differs from the background");

        Assert.Equal("legend", await session.Page.GetByTestId("legend").GetAttributeAsync("data-testid"));
        Assert.False(string.IsNullOrWhiteSpace(await session.Page.Locator("#legend-scale .ticks").InnerTextAsync()));
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Live_frames_keep_arriving_and_the_clock_runs()
    {
        await using var session = await fixture.OpenAsync();
        await session.WaitForAsync("() => document.querySelector('[data-testid=connection-status]').dataset.state === 'connected'");
        var before = await session.StatAsync("framesReceived");
        await session.WaitForAsync($"() => window.cityTwin.stats.framesReceived >= {before + 3}");
        await session.WaitForAsync("() => window.cityTwin.stats.districtUpdates > 0");

        var clock = await session.Page.GetByTestId("clock").InnerTextAsync();
        output.WriteLine($"clock: {clock}");
        Assert.Matches(@"\d{2}:\d{2}:\d{2}", clock);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Clicking_a_district_opens_its_details_with_a_history_chart()
    {
        await using var session = await fixture.OpenAsync();
        await session.WaitForIdleAsync();
        Assert.True(await session.Page.GetByTestId("inspector").IsHiddenAsync());

        var hit = await session.FindRenderedAsync("gu-fill");
        Assert.NotNull(hit);
        await session.Page.Mouse.ClickAsync((float)hit.X, (float)hit.Y);

        var inspector = session.Page.GetByTestId("inspector");
        await inspector.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible });
        await session.WaitForAsync("() => document.querySelector('[data-testid=inspector]').dataset.loading === 'false'");
        var title = await session.Page.GetByTestId("inspector-title").InnerTextAsync();
        output.WriteLine($"district {hit.Id}: {title}");
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.True(await session.Page.GetByTestId("inspector-status").IsVisibleAsync());
        await session.WaitForAsync("() => document.querySelector('[data-testid=inspector-chart] canvas') !== null");
        await session.ScreenshotAsync("02-district-inspector.png");

        await session.Page.Keyboard.PressAsync("Escape");
        await inspector.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Hidden });
        Assert.Empty(session.PageErrors);
    }
}
