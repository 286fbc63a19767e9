using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Accounts;
using CityTwin.Testing;

namespace CityTwin.Browser.Tests;

/// <summary>Language switcher (remembered) and the simulation clock controls.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageAndClockTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Switching_to_Korean_translates_the_interface_and_is_remembered()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        Assert.Equal("Legend", await page.Locator("#legend-title").InnerTextAsync());

        await page.GetByTestId("lang-select").SelectOptionAsync("ko");
        await session.WaitForAsync("() => document.documentElement.lang === 'ko'");
        Assert.Equal("범례", await page.Locator("#legend-title").InnerTextAsync());
        Assert.Contains("교통", await page.GetByTestId("kpi-select").InnerTextAsync());
        Assert.Matches("[가-힣]", await page.GetByTestId("pause-button").InnerTextAsync());
        await session.WaitForIdleAsync();
        await session.ScreenshotAsync("05-korean.png");

        await page.ReloadAsync();
        await session.WaitForAsync("() => window.cityTwin && window.cityTwin.ready === true");
        Assert.Equal("ko", await page.GetByTestId("lang-select").InputValueAsync());
        Assert.Equal("범례", await page.Locator("#legend-title").InnerTextAsync());

        await page.GetByTestId("lang-select").SelectOptionAsync("id");
        await session.WaitForAsync("() => document.documentElement.lang === 'id'");
        Assert.Equal("Legenda", await page.Locator("#legend-title").InnerTextAsync());
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Browser_language_sets_the_default()
    {
        await using var session = await fixture.OpenAsync("ko-KR");
        Assert.Equal("ko", await session.Page.GetByTestId("lang-select").InputValueAsync());
    }

    [Theory]
    [InlineData("kk-KZ", "kk", "kk-KZ", "1 234,5", "Шартты белгілер")]
    [InlineData("mn-MN", "mn", "mn-MN", "1,234.5", "Тайлбар")]
    [InlineData("ru-KZ", "ru", "ru-RU", "1 234,5", "Легенда")] // Russian as used in Kazakhstan: the region does not matter
    public async Task A_Cyrillic_browser_gets_its_language_with_the_city_named_in_it(string browserLocale, string language, string tag, string number, string legend)
    {
        await using var session = await fixture.OpenAsync(browserLocale);
        var page = session.Page;
        await session.WaitForAsync($"() => document.documentElement.lang === '{language}'");
        Assert.Equal(language, await page.GetByTestId("lang-select").InputValueAsync());
        Assert.Equal(legend, await page.Locator("#legend-title").InnerTextAsync());
        Assert.Matches(@"\p{IsCyrillic}", await page.GetByTestId("pause-button").InnerTextAsync());
        Assert.Matches(@"\p{IsCyrillic}", await page.GetByTestId("kpi-select").InnerTextAsync());

        // The header and the tab name the city in the language, from the city's names.
        var city = await session.EvalAsync<JsonElement>("async () => (await fetch('/api/city')).json()");
        var name = city.GetProperty("names").GetProperty(language).GetString()!;
        Assert.Matches(@"\p{IsCyrillic}", name);
        await session.WaitForAsync("() => document.getElementById('city-name').textContent !== ''");
        Assert.Equal(name, await page.GetByTestId("city-name").InnerTextAsync());
        Assert.Contains(name, await page.TitleAsync());

        // Numbers and dates follow the language's conventions (CLDR), even where Chromium's reduced
        // ICU data lacks the locale: separators as the language writes them, no English month or day.
        Assert.Equal(tag, await session.EvalAsync<string>("async () => (await import('/js/core/i18n.js')).locale()"));
        var formatted = await session.EvalAsync<string>("async () => (await import('/js/core/format.js')).formatNumber(1234.5, 1)");
        Assert.Equal(number, System.Text.RegularExpressions.Regex.Replace(formatted, @"\s", " "));
        await session.WaitForAsync("() => document.getElementById('clock-date').textContent !== ''");
        var date = await page.Locator("#clock-date").InnerTextAsync();
        Assert.DoesNotMatch("[A-Za-z]", date);
        Assert.Matches("[0-9]{4}", date);
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task The_clock_and_the_title_follow_the_city_from_the_server()
    {
        // A viewer in another zone (UTC here) still sees the city's own clock, named by its offset.
        await using var session = await fixture.OpenAsync();
        var city = await session.EvalAsync<System.Text.Json.JsonElement>("async () => (await fetch('/api/city')).json()");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(city.GetProperty("timeZone").GetString()!);
        await session.WaitForAsync("() => document.getElementById('clock-tz').textContent !== ''");
        var offset = zone.GetUtcOffset(DateTime.UtcNow);
        var expected = offset == TimeSpan.Zero ? "UTC" : $"GMT{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours)}{(offset.Minutes != 0 ? $":{Math.Abs(offset.Minutes):00}" : "")}";
        Assert.Equal(expected, await session.Page.Locator("#clock-tz").InnerTextAsync());

        // The clock's hour is the city's hour of the simulated time the page runs on.
        var shown = await session.EvalAsync<string[]>(
            "() => [document.getElementById('clock-time').dateTime, document.getElementById('clock-time').textContent]");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(shown[0], System.Globalization.CultureInfo.InvariantCulture), zone);
        Assert.Equal(local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), shown[1][..5]);

        // The name comes from the city's names per language.
        var english = city.GetProperty("names").GetProperty("en").GetString()!;
        Assert.Equal(english, await session.Page.GetByTestId("city-name").InnerTextAsync());
        Assert.Contains(english, await session.Page.TitleAsync());
    }

    [Fact]
    public async Task Pause_and_speed_controls_change_the_simulation_clock()
    {
        // Setting the city's clock is a trainer's (the restore below acts as one too).
        using var http = await fixture.App.CreateClientAsAsync(Roles.Trainer);
        var original = await http.GetFromJsonAsync<JsonElement>("api/clock");
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        try
        {
            await session.SignInAsync(await fixture.App.CreateUserAsync(Roles.Trainer));
            await session.WaitForAsync("() => !document.querySelector('[data-testid=pause-button]').disabled");
            await page.GetByTestId("pause-button").ClickAsync();
            await session.WaitForAsync("() => document.querySelector('[data-testid=pause-button]').dataset.paused === 'true'");
            var clock = await http.GetFromJsonAsync<JsonElement>("api/clock");
            Assert.True(clock.GetProperty("paused").GetBoolean());
            var shown = await page.GetByTestId("clock").Locator("time").InnerTextAsync();
            await Task.Delay(1500);
            Assert.Equal(shown, await page.GetByTestId("clock").Locator("time").InnerTextAsync());

            await page.GetByTestId("speed-select").SelectOptionAsync("10");
            await WaitForClockAsync(http, c => c.GetProperty("speed").GetDouble() == 10);

            await page.GetByTestId("pause-button").ClickAsync();
            await session.WaitForAsync("() => document.querySelector('[data-testid=pause-button]').dataset.paused === 'false'");
            Assert.Equal("10", await page.GetByTestId("speed-select").InputValueAsync());
            Assert.Empty(session.PageErrors);
        }
        finally
        {
            await http.PostAsJsonAsync("api/clock", new
            {
                speed = original.GetProperty("speed").GetDouble(),
                paused = original.GetProperty("paused").GetBoolean(),
            });
        }
    }

    private static async Task WaitForClockAsync(HttpClient http, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var clock = await http.GetFromJsonAsync<JsonElement>("api/clock");
            if (condition(clock)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Clock never matched: {clock}");
            await Task.Delay(200);
        }
    }
}
