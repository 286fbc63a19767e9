using System.Net;
using System.Net.Http.Json;
using CityTwin.Abstractions.Assets;
using CityTwin.Accounts;
using CityTwin.Model.City;
using CityTwin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// The control room's journey: an operator has the alarm list open when a critical alarm is
/// raised; it appears with its cue (the header flashes, the cue counter rises), and the operator
/// acknowledges, assigns and resolves it from the list, each step shown in its timeline. Also at
/// phone size: the list opens as a bottom sheet.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AlarmJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_new_critical_alarm_appears_with_its_cue_and_is_acknowledged_assigned_and_resolved_from_the_list()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Operator);
        await using var session = await fixture.OpenAsync(width: 1280, height: 800);
        var page = session.Page;
        await session.SignInAsync(user);
        await page.GetByTestId("alarm-count").ClickAsync();
        await page.GetByTestId("alarm-panel").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var cuesBefore = await session.EvalAsync<int>("() => window.cityTwin.alarms.cues()");

        // A rule that holds at once, for one dong's substation: one new critical alarm.
        var catalog = fixture.App.Services.GetRequiredService<CityCatalog>();
        var dong = catalog.Dongs.Where(d => catalog.AssetsInDong(d.Code).Count(a => a.Kind == AssetKind.Substation) == 1).Skip(5).First().Code;
        using var op = await fixture.App.CreateClientAsAsync(Roles.Operator);
        var created = await op.PostAsJsonAsync("/api/alarm-rules", new
        {
            name = "Journey: substation overload", type = "threshold", kind = "substation", channel = "loading_pct",
            limit = -1, areaCode = dong, severity = "critical", service = "disaster",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var row = page.Locator("[data-testid=alarm-row][data-severity=critical]", new PageLocatorOptions { HasText = "Journey: substation overload" });
        await row.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await session.WaitForAsync($"() => window.cityTwin.alarms.cues() > {cuesBefore}");
        Assert.Contains("alarm-cue", await page.GetByTestId("alarm-count").GetAttributeAsync("class") ?? "");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("alarms-1280x800.png") });

        await row.First.ClickAsync();
        var detail = page.GetByTestId("alarm-detail");
        await detail.GetByTestId("alarm-note").FillAsync("crew informed");
        await detail.GetByTestId("alarm-acknowledge").ClickAsync();
        await Assertions.Expect(detail.GetByTestId("alarm-state")).ToHaveTextAsync("Active, acknowledged");
        await detail.GetByTestId("alarm-assignee").FillAsync("kim");
        await detail.GetByTestId("alarm-assign").ClickAsync();
        await Assertions.Expect(detail.GetByTestId("alarm-assigned")).ToHaveTextAsync("kim");
        await detail.GetByTestId("alarm-note").FillAsync("breaker reset");
        await detail.GetByTestId("alarm-resolve").ClickAsync();
        await Assertions.Expect(detail.GetByTestId("alarm-state")).ToHaveTextAsync("Closed");
        var steps = await detail.GetByTestId("alarm-timeline").Locator("li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.type)");
        Assert.Equal(["raised", "acknowledged", "assigned", "resolved"], steps);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("alarms-detail-1280x800.png") });
        Assert.Empty(session.PageErrors);

        // On a phone the list is a bottom sheet over the lower part of the map.
        await using var phone = await fixture.OpenAsync(width: 390, height: 844, touch: true);
        await phone.Page.GetByTestId("alarm-count").ClickAsync();
        var panel = phone.Page.GetByTestId("alarm-panel");
        await panel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var box = await panel.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y > 844 * 0.3 && box.Width <= 390.5, $"the sheet is at y {box.Y}, {box.Width} wide");
        await phone.Page.GetByTestId("alarm-filter-state").SelectOptionAsync("closed");
        await phone.Page.Locator("[data-testid=alarm-row][data-state=closed]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await phone.Page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("alarms-390x844.png") });
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/alarm-rules/{(await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()}")).StatusCode);
    }
}
