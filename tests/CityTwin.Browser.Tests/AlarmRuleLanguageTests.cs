using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Model.City;
using CityTwin.Testing;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// The default rules' names come from the city pack in every UI language: a page in Korean shows
/// the alarm list and the rule book with the Korean names, at desktop and phone size.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AlarmRuleLanguageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_alarm_list_and_the_rule_book_show_the_rule_names_in_the_page_language(int width, int height)
    {
        using var packFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(CityPackLocator.Find("incheon"), "alarm-rules.json")));
        var korean = packFile.RootElement.GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("names").GetProperty("ko").GetString()!);

        // An open alarm of a pack rule, near the top of the list (worst first).
        using var anyone = fixture.App.CreateClient();
        var page1 = await Wait.ForAsync(() => anyone.GetFromJsonAsync<JsonElement>("/api/alarms?state=open&pageSize=50"),
            p => p.GetProperty("items").EnumerateArray().Any(a => !a.GetProperty("isGroup").GetBoolean() && korean.ContainsKey(a.GetProperty("ruleId").GetString()!)),
            TimeSpan.FromSeconds(90), "an open alarm of a default rule");
        var alarm = page1.GetProperty("items").EnumerateArray().First(a => !a.GetProperty("isGroup").GetBoolean() && korean.ContainsKey(a.GetProperty("ruleId").GetString()!));
        var expected = korean[alarm.GetProperty("ruleId").GetString()!];
        Assert.NotEqual(alarm.GetProperty("ruleName").GetString(), expected);

        // A Korean browser: the page takes its language (the phone layout keeps the language menu folded away).
        await using var session = await fixture.OpenAsync(locale: "ko-KR", width: width, height: height, touch: width < 500);
        var page = session.Page;
        await session.WaitForAsync("() => document.documentElement.lang === 'ko'");
        await page.GetByTestId("alarm-count").ClickAsync();
        await page.GetByTestId("alarm-panel").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await page.Locator($"[data-testid=alarm-row][data-id='{alarm.GetProperty("id").GetString()}'] .alarm-name")
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Locator($"[data-testid=alarm-row][data-id='{alarm.GetProperty("id").GetString()}'] .alarm-name"))
            .ToHaveTextAsync(expected, new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath($"alarms-ko-{width}x{height}.png") });

        await page.GetByTestId("alarm-rules-button").ClickAsync();
        var flood = page.Locator(".rule-row[data-id='flood-level-cm-high'] .alarm-name");
        await Assertions.Expect(flood).ToHaveTextAsync(korean["flood-level-cm-high"], new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath($"alarm-rules-ko-{width}x{height}.png") });
        Assert.Empty(session.PageErrors);
    }
}
