using CityTwin.Model.City;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A real city switch seen from two browsers: the app runs as its own process (a switch restarts
/// the host inside it), an admin on a desktop switches from Incheon to an imported city, and both
/// the admin's page and a phone that only watches show the switching screen, then reload on the
/// new city (its name, time zone and camera). Screenshots at 1280 × 800 and 390 × 844.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CitySwitchBrowserTests(BrowserFixture fixture) : IDisposable
{
    private readonly ImportFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_admin_switches_the_city_and_every_open_map_follows()
    {
        var packs = _files.PathOf("installed");
        _files.WritePack(packs, "harbourton", "Harbourton", CityPackLocator.Find("incheon"));
        await using var twin = TwinProcess.Start(_files.PathOf("data"), new Dictionary<string, string> { ["Cities:PacksPath"] = packs });
        await twin.WaitForCityAsync("incheon", TimeSpan.FromSeconds(240));

        await using var desktop = await OpenAsync(twin.Url, 1280, 800, phone: false);
        await using var phone = await OpenAsync(twin.Url, 390, 844, phone: true);
        await desktop.SignInAsync("admin", TwinProcess.AdminPassword);

        var page = desktop.Page;
        await page.GetByTestId("cities-button").ClickAsync();
        var activate = page.GetByTestId("city-activate-harbourton");
        await activate.WaitForAsync(new() { Timeout = MapSession.Timeout });
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await activate.ClickAsync();

        foreach (var (session, name) in new[] { (desktop, "1280x800"), (phone, "390x844") })
        {
            await session.Page.GetByTestId("city-switching").WaitForAsync(new() { Timeout = MapSession.Timeout });
            Assert.Contains("Switching to Harbourton", await session.Page.GetByTestId("city-switching").InnerTextAsync(), StringComparison.Ordinal);
            await session.ScreenshotAsync($"city-switching-{name}.png");
        }
        foreach (var (session, name) in new[] { (desktop, "1280x800"), (phone, "390x844") })
        {
            await WaitAcrossReloadAsync(session.Page, "() => window.cityTwin?.ready === true && window.cityTwin.store.get('city')?.id === 'harbourton'");
            Assert.Equal("Asia/Ulaanbaatar", await session.Page.EvaluateAsync<string>("() => window.cityTwin.store.get('city').timeZone"));
            // The camera is on the new city: the map's centre lies within its bounds.
            Assert.True(await session.Page.EvaluateAsync<bool>(
                "() => { const c = window.cityTwin.map.getCenter(), b = window.cityTwin.store.get('city').bbox; return c.lng >= b[0] && c.lng <= b[2] && c.lat >= b[1] && c.lat <= b[3]; }"));
            await session.WaitForIdleAsync();
            await session.ScreenshotAsync($"city-switched-{name}.png");
        }
        // The admin is still signed in after the switch (accounts are shared by every city).
        Assert.Equal("admin", await page.EvaluateAsync<string>("() => window.cityTwin.store.get('me')?.userName"));
    }

    private async Task<MapSession> OpenAsync(Uri url, int width, int height, bool phone)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = phone, IsMobile = phone, Locale = "en-US", BaseURL = url.ToString(),
        });
        var session = new MapSession(context, await context.NewPageAsync(), fixture);
        await session.GotoAsync();
        return session;
    }

    /// <summary>Polls <paramref name="predicate"/> while the page reloads (a wait inside the page would end with the old document).</summary>
    private static async Task WaitAcrossReloadAsync(IPage page, string predicate)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await page.EvaluateAsync<bool>(predicate)) return;
            }
            catch (PlaywrightException)
            {
                // The document is being replaced.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{predicate} did not hold within 180 s");
    }
}
