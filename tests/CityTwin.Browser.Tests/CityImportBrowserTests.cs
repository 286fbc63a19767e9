using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// The Cities panel: the installed packs with the running one marked; an admin uploads boundary
/// files, sees the check's messages per file and feature and the boundaries previewed on the map;
/// anyone else is told that importing is for admins. Desktop and phone screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CityImportBrowserTests(BrowserFixture fixture) : IDisposable
{
    private readonly ImportFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_admin_checks_an_upload_and_sees_its_boundaries_and_its_problems_per_feature()
    {
        var admin = await fixture.App.CreateUserAsync(Roles.Admin);
        await using var session = await fixture.OpenAsync(width: 1280, height: 800);
        var page = session.Page;
        await session.SignInAsync(admin);

        await page.GetByTestId("cities-button").ClickAsync();
        var incheon = page.GetByTestId("city-incheon");
        await incheon.WaitForAsync(new() { Timeout = MapSession.Timeout });
        Assert.Contains("running", await incheon.InnerTextAsync());

        await page.GetByTestId("city-import-id").FillAsync("harbourton");
        await page.GetByTestId("city-import-name").FillAsync("Harbourton");
        await page.GetByTestId("city-import-timeZone").FillAsync("Asia/Seoul");
        await page.GetByTestId("city-import-file-gu").SetInputFilesAsync(_files.WriteShapefileZip("gu.zip", "gu", ImportFixtures.GuFeatures(), 5186));
        await page.GetByTestId("city-import-file-dong").SetInputFilesAsync(_files.WriteGeoJson("dong.geojson", ImportFixtures.DongFeatures(withParent: false)));
        await page.Locator(".city-mapping summary").ClickAsync();
        await page.GetByTestId("city-import-map-gu-name").FillAsync("GU_NAME");
        await page.GetByTestId("city-import-map-gu-code").FillAsync("GU_CODE");
        await page.GetByTestId("city-import-map-gu-population").FillAsync("POP");
        await page.GetByTestId("city-import-map-dong-name").FillAsync("DONG_NAME");
        await page.GetByTestId("city-import-map-dong-code").FillAsync("DONG_CODE");
        await page.GetByTestId("city-import-check").ClickAsync();

        await session.WaitForAsync("() => document.querySelector('[data-testid=city-import-status]')?.dataset.state === 'ok'");
        Assert.Contains("2 districts and 4 neighbourhoods", await page.GetByTestId("city-import-status").InnerTextAsync());
        Assert.Contains("contains them", await page.GetByTestId("city-import-messages").InnerTextAsync());
        // The preview is on the map: the overlay holds the six areas and the map moved to them.
        await session.WaitForAsync("() => window.cityTwin.map.getSource('city-overlay') && window.cityTwin.map.querySourceFeatures('city-overlay').length > 0");
        await session.WaitForAsync($"() => Math.abs(window.cityTwin.map.getCenter().lng - {ImportFixtures.West + 2 * ImportFixtures.DongSize:R}) < 0.01");
        await session.WaitForIdleAsync();
        await session.ScreenshotAsync("cities-import-1280x800.png");

        // A broken dong file: the message names the file and the feature.
        await page.GetByTestId("city-import-file-dong").SetInputFilesAsync(_files.WriteText("broken-dong.geojson", """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "DONG_CODE": "1101", "DONG_NAME": "Westgate 1" }, "geometry": { "type": "Point", "coordinates": [126.61, 37.41] } } ] }
            """));
        await page.GetByTestId("city-import-check").ClickAsync();
        await session.WaitForAsync("() => document.querySelector('[data-testid=city-import-status]')?.dataset.state === 'error'");
        var error = page.Locator("[data-testid=city-import-message][data-kind=error]");
        Assert.Equal(1, await error.CountAsync());
        Assert.Contains("broken-dong.geojson", await error.InnerTextAsync());
        Assert.Contains("#0 (Westgate 1): is a Point, expected Polygon or MultiPolygon", await error.InnerTextAsync());
        await session.ScreenshotAsync("cities-import-error-1280x800.png");
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task On_a_phone_a_viewer_sees_the_cities_and_is_told_importing_is_for_admins()
    {
        var viewer = await fixture.App.CreateUserAsync(Roles.Viewer);
        await using var session = await fixture.OpenAsync(width: 390, height: 844, touch: true);
        var page = session.Page;
        await session.SignInAsync(viewer);

        await page.GetByTestId("cities-button").ClickAsync();
        await page.GetByTestId("city-incheon").WaitForAsync(new() { Timeout = MapSession.Timeout });
        Assert.True(await page.GetByTestId("city-import-admin-only").IsVisibleAsync());
        Assert.Equal(0, await page.GetByTestId("city-import-form").CountAsync());
        var panel = await page.GetByTestId("cities-panel").BoundingBoxAsync();
        Assert.NotNull(panel);
        Assert.True(panel.Width <= 390 && panel.X >= 0, $"the panel is {panel.Width} px wide at x {panel.X}");
        Assert.Equal(403, await session.ForceAsync("POST", "/api/cities/import", "{}"));
        await session.ScreenshotAsync("cities-390x844.png");
        Assert.Empty(session.PageErrors);
    }
}
