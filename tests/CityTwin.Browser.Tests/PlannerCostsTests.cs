using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Accounts;
using CityTwin.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A planner sets costs and prices, runs over five seeds, reads the band and the payback, and takes
/// three runs side by side to the meeting as one brief; at desktop and phone sizes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlannerCostsTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const float RunTimeout = 180_000;

    [Fact]
    public async Task A_planner_sets_costs_runs_five_seeds_sees_the_band_and_payback_and_opens_the_three_run_brief()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 800);
        var planner = await fixture.App.CreateUserAsync(Roles.Planner);
        await session.SignInAsync(planner);
        await PlannerTests.OpenPlannerAsync(session);

        var name = $"Solar, 5 seeds {DateTime.UtcNow:HHmmss}";
        await page.GetByTestId("scenario-name").FillAsync(name);
        await page.GetByTestId("scenario-horizon").FillAsync("24");
        await page.GetByTestId("scenario-step").FillAsync("60");
        await page.GetByTestId("scenario-seed-count").FillAsync("5");
        // The city's tariff is offered with its source; this run is appraised at 200 per kWh.
        Assert.Equal("166", await page.GetByTestId("money-tariffPerKwh").InputValueAsync());
        await page.GetByTestId("money-tariffPerKwh").FillAsync("200");
        await page.GetByTestId("add-intervention").SelectOptionAsync("rooftop-solar");
        await page.GetByTestId("add-intervention-button").ClickAsync();
        var card = page.GetByTestId("intervention-card").First;
        await card.Locator("[data-testid=param-input][data-param=capitalCost]").FillAsync("1200000");
        await card.Locator("[data-testid=param-input][data-param=operatingCost]").FillAsync("15000");
        await PlannerTests.TargetWholeCityAsync(card);
        // Costs are checked like any parameter: a negative one blocks the run.
        await card.Locator("[data-testid=param-input][data-param=capitalCost]").FillAsync("-1");
        await session.WaitForAsync("() => document.querySelector('[data-testid=run-scenario]').disabled");
        await card.Locator("[data-testid=param-input][data-param=capitalCost]").FillAsync("1200000");
        await session.WaitForAsync("() => !document.querySelector('[data-testid=run-scenario]').disabled");

        await page.GetByTestId("run-scenario").ClickAsync();
        await session.WaitForAsync("() => !!window.cityTwin.planner.lastRunId");
        var id = await session.EvalAsync<string>("() => window.cityTwin.planner.lastRunId");
        output.WriteLine($"run {id}");

        // Two more runs to compare with, posted as the same planner would.
        using var api = await fixture.App.CreateClientAsAsync(Roles.Planner);
        var others = new List<string>();
        foreach (var (type, label) in new[] { ("led-retrofit", "LED retrofit"), ("streetlight-dimming", "Night dimming") })
        {
            var response = await api.PostAsJsonAsync("/api/scenarios", new
            {
                name = $"{label} {DateTime.UtcNow:HHmmss}",
                start = new { kind = "baseline", date = "2026-07-15" },
                horizonHours = 24,
                stepMinutes = 60,
                seed = 42,
                interventions = new[] { new { type, target = new { kind = "city" } } },
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            others.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var row = page.Locator($"[data-testid=scenario-run][data-run-id=\"{id}\"]");
        await page.WaitForFunctionAsync("ids => ids.every(id => document.querySelector(`[data-testid=scenario-run][data-run-id=\"${CSS.escape(id)}\"]`)?.dataset.status === 'completed')",
            new[] { id }.Concat(others).ToArray(), new PageWaitForFunctionOptions { Timeout = RunTimeout, PollingInterval = 200 });
        await row.GetByTestId("open-run").ClickAsync();
        await session.WaitForAsync("() => document.querySelectorAll('[data-testid=kpi-table] [data-testid=kpi-row]').length > 0");

        // The band: stated above the table, a column of medians and 5th–95th percentiles, drawn on the chart.
        var note = await page.GetByTestId("band-note").InnerTextAsync();
        output.WriteLine(note);
        Assert.Contains("5 seeds", note, StringComparison.Ordinal);
        Assert.Contains("[", await page.Locator("[data-testid=kpi-band]").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByTestId("scenario-kpi-select").SelectOptionAsync("gridEnergyMwh");
        await session.WaitForAsync("() => document.querySelector('[data-testid=scenario-chart] canvas') !== null && window.cityTwin.planner.chartBands === 1");
        var legend = await page.Locator("[data-testid=scenario-chart] .u-legend").InnerTextAsync();
        Assert.Contains("5th percentile (5 seeds)", legend, StringComparison.Ordinal);
        Assert.Contains("95th percentile (5 seeds)", legend, StringComparison.Ordinal);

        // The money: payback in years with its band, NPV, and the cumulative cash flow with titled axes.
        var money = page.Locator($"[data-testid=money-card][data-run-id=\"{id}\"]");
        var payback = await money.GetByTestId("money-payback").InnerTextAsync();
        output.WriteLine($"payback: {payback.ReplaceLineEndings(" ")}; NPV: {(await money.GetByTestId("money-npv").InnerTextAsync()).ReplaceLineEndings(" ")}");
        Assert.Matches(@"\d+(\.\d)? years|never", payback);
        Assert.Contains("90 % band, 5 seeds", await money.GetByTestId("money-npv-band").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("× 365", await page.GetByTestId("money-note").InnerTextAsync(), StringComparison.Ordinal);
        await session.WaitForAsync("() => window.cityTwin.planner.cashflowAxes.length === 2");
        var axes = await session.EvalAsync<string[]>("() => window.cityTwin.planner.cashflowAxes");
        Assert.Equal("Years after the investment", axes[0]);
        Assert.Equal("Cumulative cash flow (million KRW)", axes[1]);
        var results = await api.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
        Assert.Equal(200, results.GetProperty("economics").GetProperty("tariffPerKwh").GetDouble());
        Assert.Equal(1_200_000, results.GetProperty("economics").GetProperty("interventions")[0].GetProperty("capexPerUnit").GetDouble());

        await page.GetByTestId("money-section").ScrollIntoViewIfNeededAsync();
        await session.WaitForIdleAsync();
        output.WriteLine($"screenshot: {fixture.ScreenshotPath("10-planner-costs-desktop.png")}");
        await session.ScreenshotAsync("10-planner-costs-desktop.png");

        // Three runs side by side, then their brief.
        await page.GetByTestId("planner-tab-runs").ClickAsync();
        foreach (var run in new[] { id }.Concat(others))
            await page.Locator($"[data-testid=scenario-run][data-run-id=\"{run}\"] [data-testid=compare-run]").CheckAsync();
        await page.GetByTestId("compare-runs").ClickAsync();
        await session.WaitForAsync("() => window.cityTwin.planner.results.length === 3 && document.querySelectorAll('[data-testid=money-card]').length === 3");
        var briefLink = page.GetByTestId("export-compare-brief");
        Assert.Equal("Brief of the 3 runs", (await briefLink.InnerTextAsync()).Replace("↗", "", StringComparison.Ordinal).Trim());
        var popupTask = page.Context.WaitForPageAsync();
        await briefLink.ClickAsync();
        var brief = await popupTask;
        await brief.WaitForLoadStateAsync(LoadState.Load);
        var text = await brief.Locator("body").InnerTextAsync();
        Assert.Contains("3 scenarios compared", text, StringComparison.Ordinal);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Equal(3, await brief.Locator("table.money tr[data-run]").CountAsync());
        Assert.Equal(3, await brief.Locator("svg polyline").CountAsync());
        await brief.SetViewportSizeAsync(900, 1200);
        await brief.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("11-brief-three-runs.png"), FullPage = true });
        output.WriteLine($"screenshot: {fixture.ScreenshotPath("11-brief-three-runs.png")}");
        await brief.CloseAsync();

        // Phone: the money cards stack and the cash flow still reads.
        await page.SetViewportSizeAsync(390, 844);
        await page.GetByTestId("money-section").ScrollIntoViewIfNeededAsync();
        await session.WaitForIdleAsync();
        await session.ScreenshotAsync("12-planner-costs-phone.png");
        output.WriteLine($"screenshot: {fixture.ScreenshotPath("12-planner-costs-phone.png")}");
        var overflow = await session.EvalAsync<bool>("() => { const m = document.querySelector('[data-testid=money-section]'); return m.scrollWidth > m.clientWidth + 1; }");
        Assert.False(overflow, "the money section is wider than the phone");
        Assert.Empty(session.PageErrors);
    }
}
