using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// The public transparency view in a browser: nobody signed in sees the indicators, the district
/// index, trends and the published run (never an unpublished one, an alarm or an asset), in the
/// visitor's language, at desktop and phone sizes; a planner signed in on the map sets a target on it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicViewTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Anyone_sees_indicators_trends_and_published_runs_and_nothing_operational_on_desktop_and_phone()
    {
        using var planner = await fixture.App.CreateClientAsAsync(Roles.Planner);
        var hiddenName = $"Draft {Guid.NewGuid():N}"[..18];
        var shownName = $"Brief {Guid.NewGuid():N}"[..18];
        await RunAsync(planner, hiddenName);
        var shown = await RunAsync(planner, shownName);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsJsonAsync($"/api/scenarios/{shown}/publish", new { published = true })).StatusCode);

        foreach (var (width, height, phone) in new[] { (1280, 800, false), (390, 844, true) })
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                HasTouch = phone, IsMobile = phone, Locale = "en-US", BaseURL = fixture.BaseAddress.ToString(),
            });
            try
            {
                var page = await context.NewPageAsync();
                var errors = new List<string>();
                page.PageError += (_, e) => errors.Add(e);
                page.SetDefaultTimeout(MapSession.Timeout);
                await page.GotoAsync("/public.html");
                await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=indicator-cards] article').length === 4"
                    + " && document.querySelectorAll('[data-testid=district-index] button').length === 10", null, Poll());
                // The trend appears once the twin has an hour of history (the test clock runs at 60×).
                await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=indicator-cards] canvas').length === 4", null,
                    new PageWaitForFunctionOptions { Timeout = 240_000, PollingInterval = 1000 });
                var index = await page.GetByTestId("city-index").Locator(".pv-index-value").InnerTextAsync();
                Assert.Matches(@"^\d\.\d\d$", index);

                var text = await page.Locator("body").InnerTextAsync();
                Assert.Contains(shownName, text);
                Assert.DoesNotContain(hiddenName, text);
                Assert.Contains("ISO 37120", text);
                foreach (var word in new[] { "alarm", "offline", "warning" }) Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
                Assert.Equal(0, await page.Locator("[data-testid^=target-input]").CountAsync());

                // Nothing overflows the phone's width.
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"the page is wider than {width} px");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath($"public-{width}x{height}.png"), FullPage = !phone });
                if (phone) await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath($"public-{width}x{height}-full.png"), FullPage = true });
                Assert.Empty(errors);
            }
            finally
            {
                await context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task The_view_speaks_the_language_from_the_address_or_the_picker()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = "en-US" });
        try
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(MapSession.Timeout);
            await page.GotoAsync("/public.html?lang=mn");
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'mn' && document.querySelectorAll('[data-testid=indicator-cards] article').length > 0", null, Poll());
            Assert.Equal(await Catalog("mn", "public.title"), await page.Locator("h1").InnerTextAsync());
            await page.GetByTestId("public-language").SelectOptionAsync("kk");
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'kk'", null, Poll());
            Assert.Equal(await Catalog("kk", "public.title"), await page.Locator("h1").InnerTextAsync());
            // The indicator names come from the pack in the visitor's language.
            var pm25 = page.GetByTestId("indicator-pm25").Locator("h3");
            Assert.Contains("PM2.5", await pm25.InnerTextAsync());
            Assert.Matches(@"\p{IsCyrillic}", await pm25.InnerTextAsync());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_planner_signed_in_on_the_map_sets_a_target_on_the_public_view()
    {
        await using var session = await fixture.OpenAsync(width: 1280, height: 800);
        await session.SignInAsync(await fixture.App.CreateUserAsync(Roles.Planner));
        var page = session.Page;
        await page.GotoAsync("/public.html");
        var input = page.GetByTestId("target-input-electricityCo2PerCapita");
        await input.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await input.FillAsync("3.75");
        await page.GetByTestId("target-save-electricityCo2PerCapita").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=indicator-electricityCo2PerCapita] .pv-target-line')?.textContent.includes('3.75')", null, Poll());

        using var anonymous = fixture.App.CreateHttpClient();
        var view = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/indicators");
        var indicator = view.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "electricityCo2PerCapita");
        Assert.Equal(3.75, indicator.GetProperty("target").GetDouble());

        // Out of range: the page names the range in the visitor's language and sends nothing; the
        // server refuses it too when a script sends it with the session's cookie and token.
        await input.FillAsync("1000");
        await page.GetByTestId("target-save-electricityCo2PerCapita").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => /0\\.01/.test(document.querySelector('[data-testid=indicator-electricityCo2PerCapita] .pv-form-message')?.textContent ?? '')", null, Poll());
        Assert.Equal(400, await session.ForceAsync("PUT", "/api/indicators/electricityCo2PerCapita/target", "{\"value\":1000}"));
        view = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/indicators");
        Assert.Equal(3.75, view.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "electricityCo2PerCapita").GetProperty("target").GetDouble());
        await session.ScreenshotAsync("public-planner-target-1280x800.png");
        Assert.Empty(session.PageErrors);
    }

    private static PageWaitForFunctionOptions Poll() => new() { Timeout = MapSession.Timeout, PollingInterval = 200 };

    private static async Task<string> Catalog(string language, string key)
    {
        var path = RepoPaths.Combine("web", "CityTwin.Web", "wwwroot", "i18n", $"{language}.json");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        return doc.RootElement.GetProperty(key).GetString()!;
    }

    private static async Task<string> RunAsync(HttpClient planner, string name)
    {
        var started = await planner.PostAsJsonAsync("/api/scenarios", new
        {
            name,
            start = new { kind = "baseline", date = "2026-07-15" },
            horizonHours = 2,
            stepMinutes = 30,
            interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
        });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Wait.ForAsync(() => planner.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(120), $"run {name} to complete");
        return id;
    }
}
