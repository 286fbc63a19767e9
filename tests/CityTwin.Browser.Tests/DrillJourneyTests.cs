using System.Net.Http.Json;
using CityTwin.Accounts;
using CityTwin.Testing;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A drill from start to report, as a supervisor in the control room runs it: the drills button
/// (map controls, top left) opens the catalogue; starting the Yeonsu-gu substation trip puts its
/// critical alarm in the open alarm list with the cue and the DRILL badge; it is acknowledged,
/// assigned and resolved there; after the drill is stopped, the after-action report shows the
/// seconds each step took and who acted. A tour stop with a drill offers the presenter to start it.
/// Screenshots at 1280 × 800 and 390 × 844.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DrillJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_supervisor_injects_a_drill_handles_its_alarm_and_reads_the_times_in_the_after_action_report()
    {
        var supervisor = await fixture.App.CreateUserAsync(Roles.Admin);
        await using var session = await fixture.OpenAsync(width: 1280, height: 800);
        var page = session.Page;
        await session.SignInAsync(supervisor);
        try
        {
            await page.GetByTestId("drills-button").ClickAsync();
            var panel = page.GetByTestId("drills-panel");
            await panel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            var item = panel.Locator("li.drill-item[data-id=yeonsu-substation-trip]");
            await Assertions.Expect(item).ToContainTextAsync("Substation trip in Yeonsu 1-dong");
            await page.GetByTestId("alarm-count").ClickAsync();
            await page.GetByTestId("alarm-panel").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            var cuesBefore = await session.EvalAsync<int>("() => window.cityTwin.alarms.cues()");

            await item.GetByTestId("drill-start").ClickAsync();
            await Assertions.Expect(page.GetByTestId("drill-running-title")).ToHaveTextAsync("Substation trip in Yeonsu 1-dong (Yeonsu-gu)");
            var row = page.Locator("[data-testid=alarm-row][data-severity=critical]", new PageLocatorOptions { Has = page.GetByTestId("alarm-drill"), HasText = "Substation tripped" });
            await row.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await session.WaitForAsync($"() => window.cityTwin.alarms.cues() > {cuesBefore}");
            var alarmId = await row.First.GetAttributeAsync("data-id") ?? "";
            Assert.StartsWith("drill", alarmId, StringComparison.Ordinal);
            // The map marks it as a drill: its marker carries the drill flag the violet ring is drawn from.
            await session.WaitForAsync("async () => ((await window.cityTwin.map.getSource('alarms')?.getData())?.features ?? []).some(f => f.properties.drill === 1)");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("drill-alarm-1280x800.png") });

            await row.First.ClickAsync();
            var detail = page.GetByTestId("alarm-detail");
            await Assertions.Expect(detail.GetByTestId("alarm-detail-drill")).ToBeVisibleAsync();
            await detail.GetByTestId("alarm-note").FillAsync("drill: feeder isolated");
            await detail.GetByTestId("alarm-acknowledge").ClickAsync();
            await Assertions.Expect(detail.GetByTestId("alarm-state")).ToHaveTextAsync("Active, acknowledged");
            await detail.GetByTestId("alarm-assignee").FillAsync("grid crew 2");
            await detail.GetByTestId("alarm-assign").ClickAsync();
            await Assertions.Expect(detail.GetByTestId("alarm-assigned")).ToHaveTextAsync("grid crew 2");
            await detail.GetByTestId("alarm-resolve").ClickAsync();
            await Assertions.Expect(detail.GetByTestId("alarm-state")).ToHaveTextAsync("Closed");

            await page.GetByTestId("alarms-close").ClickAsync();
            await page.GetByTestId("drill-stop").ClickAsync();
            await Assertions.Expect(page.GetByTestId("drill-running")).ToBeHiddenAsync();
            var reportHref = await panel.GetByTestId("drill-run-report").First.GetAttributeAsync("href");
            Assert.StartsWith("drill-report.html?run=drill", reportHref, StringComparison.Ordinal);

            var report = await page.Context.NewPageAsync();
            await report.GotoAsync(reportHref!);
            var line = report.Locator($"[data-testid=report-alarm][data-alarm-id='{alarmId}']");
            await line.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await Assertions.Expect(line.GetByTestId("report-ack")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ s"));
            await Assertions.Expect(line.GetByTestId("report-ack")).ToContainTextAsync(supervisor);
            await Assertions.Expect(line.GetByTestId("report-assign")).ToContainTextAsync("grid crew 2");
            await Assertions.Expect(line.GetByTestId("report-resolve")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ s"));
            await Assertions.Expect(line.GetByTestId("report-result")).ToHaveTextAsync("In time");
            await Assertions.Expect(report.GetByTestId("report-chart")).ToBeVisibleAsync();
            var types = await report.GetByTestId("report-timeline").Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.type)");
            Assert.Equal("started", types[0]);
            Assert.Equal("stopped", types[^1]);
            Assert.Contains("acknowledged", types);
            await report.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("drill-report-1280x800.png"), FullPage = true });
            await report.SetViewportSizeAsync(390, 844);
            await report.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("drill-report-390x844.png") });
            await report.CloseAsync();

            // The field-visit tour's disaster-response stop carries the flood drill: its presenter may start it from the card.
            await page.GetByTestId("drills-close").ClickAsync();
            await page.GetByTestId("tours-button").ClickAsync();
            await page.Locator("[data-testid=tour-item][data-id=songdo-field-visit]").GetByTestId("tour-present").ClickAsync();
            await page.GetByTestId("presenter").WaitForAsync();
            // One stop at a time: a click while the presenter's card is still moving is ignored.
            for (var i = 1; i <= 3; i++)
            {
                await page.GetByTestId("presenter-next").ClickAsync();
                await session.WaitForAsync($"() => window.cityTwin.tours.presenter.stopIndex === {i}");
            }
            await page.GetByTestId("presenter-drill").ClickAsync();
            await Assertions.Expect(page.GetByTestId("drill-running-title")).ToContainTextAsync("Dongchun underpass");
            await page.GetByTestId("drill-stop").ClickAsync();
            await Assertions.Expect(page.GetByTestId("drill-running")).ToBeHiddenAsync();
            await page.GetByTestId("presenter-end").ClickAsync();
            Assert.Empty(session.PageErrors);

            // On a phone the drills open as a bottom sheet.
            await using var phone = await fixture.OpenAsync(width: 390, height: 844, touch: true);
            await phone.Page.GetByTestId("drills-button").ClickAsync();
            var sheet = phone.Page.GetByTestId("drills-panel");
            await sheet.Locator("[data-testid=drill-list] > li").First.WaitForAsync();
            var box = await sheet.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y > 844 * 0.2 && box.Width <= 390.5, $"the sheet is at y {box.Y}, {box.Width} wide");
            Assert.True(await sheet.GetByTestId("drill-start").First.IsDisabledAsync(), "nobody is signed in on the phone: Start is disabled");
            await phone.Page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("drills-390x844.png") });
        }
        finally
        {
            // Never leave a run going for the other browser tests.
            using var api = fixture.App.CreateHttpClient();
            api.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.App.CreateTokenForAsync(supervisor, Roles.Admin));
            foreach (var run in await api.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/drills/runs") ?? [])
                if (run.GetProperty("status").GetString() == "running")
                    await api.PostAsJsonAsync($"/api/drills/runs/{run.GetProperty("runId").GetString()}/stop", new { });
        }
    }
}
