using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// An operator working in Korean names a rule in Korean in the rule book: the list shows the
/// Korean name, the English name stays as it was, at desktop and phone size.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AlarmRuleNamingTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task An_operator_names_a_rule_in_the_page_language(int width, int height)
    {
        var id = $"naming-{width}";
        using var op = await fixture.App.CreateClientAsAsync(Roles.Operator);
        var created = await op.PostAsJsonAsync("/api/alarm-rules", new
        {
            id, name = "Underpass water high", type = "threshold", kind = "flood", channel = "level_cm",
            limit = 500, severity = "minor", service = "disaster",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var user = await fixture.App.CreateUserAsync(Roles.Operator);
        await using var session = await fixture.OpenAsync(locale: "ko-KR", width: width, height: height, touch: width < 500);
        var page = session.Page;
        await session.SignInAsync(user);
        await session.WaitForAsync("() => document.documentElement.lang === 'ko'");
        await page.GetByTestId("alarm-count").ClickAsync();
        await page.GetByTestId("alarm-panel").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await page.GetByTestId("alarm-rules-button").ClickAsync();
        var row = page.Locator($".rule-row[data-id='{id}']");
        await Assertions.Expect(row.Locator(".alarm-name")).ToHaveTextAsync("Underpass water high");

        await row.ClickAsync();
        var local = page.GetByTestId("rule-name-local");
        await Assertions.Expect(local).ToHaveValueAsync("");
        await local.FillAsync("지하차도 수위 높음");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath($"alarm-rule-naming-ko-{width}x{height}.png") });
        await page.GetByTestId("rule-save").ClickAsync();

        await Assertions.Expect(page.Locator($".rule-row[data-id='{id}'] .alarm-name")).ToHaveTextAsync("지하차도 수위 높음");
        var stored = await op.GetFromJsonAsync<JsonElement>($"/api/alarm-rules/{id}");
        Assert.Equal("Underpass water high", stored.GetProperty("name").GetString());
        Assert.Equal("지하차도 수위 높음", stored.GetProperty("names").GetProperty("ko").GetString());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.Empty(session.PageErrors);
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/alarm-rules/{id}")).StatusCode);
    }
}
