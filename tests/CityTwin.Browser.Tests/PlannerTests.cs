using System.Globalization;
using CityTwin.Accounts;
using CityTwin.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>
/// Planner journeys: build a what-if scenario from the server's catalog, run it, follow its
/// progress and read its effect against the baseline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlannerTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Simulated runs take seconds; this leaves room for a busy machine.</summary>
    private const float RunTimeout = 90_000;

    [Fact]
    public async Task A_city_wide_LED_retrofit_runs_to_completion_and_shows_its_effect_against_the_baseline()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await session.SignInAsync(await fixture.App.CreateUserAsync(Roles.Planner));
        await OpenPlannerAsync(session);

        await page.GetByTestId("scenario-name").FillAsync($"LED retrofit, whole city {DateTime.UtcNow:HHmmss}");
        await page.GetByTestId("scenario-horizon").FillAsync("6");
        await page.GetByTestId("scenario-step").FillAsync("15");
        var card = await AddLedLikeInterventionAsync(session, output);
        await TargetWholeCityAsync(card);
        await session.WaitForAsync("() => !document.querySelector('[data-testid=run-scenario]').disabled");

        // Every value the progress bars take from now on, including the row that appears on submit.
        await session.EvalAsync<bool>(
            """
            () => {
              window.__plannerProgress = [];
              const record = (el) => {
                const row = el.closest('[data-testid=scenario-run]');
                if (row) window.__plannerProgress.push({ id: row.dataset.runId, v: Number(el.getAttribute('aria-valuenow')) });
              };
              new MutationObserver(records => {
                for (const m of records) {
                  if (m.type === 'attributes') { if (m.target.dataset?.testid === 'scenario-progress') record(m.target); continue; }
                  for (const n of m.addedNodes) if (n.querySelectorAll) n.querySelectorAll('[data-testid=scenario-progress]').forEach(record);
                }
              }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
              return true;
            }
            """);
        await page.GetByTestId("run-scenario").ClickAsync();
        await session.WaitForAsync(
            "() => document.querySelector('[data-testid=planner-tab-runs]').getAttribute('aria-selected') === 'true' && !!window.cityTwin.planner.lastRunId");
        var id = await session.EvalAsync<string>("() => window.cityTwin.planner.lastRunId");
        output.WriteLine($"run {id}");

        var finished = await page.WaitForFunctionAsync(
            """
            id => {
              const row = document.querySelector(`[data-testid=scenario-run][data-run-id="${CSS.escape(id)}"]`);
              return row && ['completed', 'failed', 'cancelled'].includes(row.dataset.status) ? row.dataset.status : false;
            }
            """, id, new PageWaitForFunctionOptions { Timeout = RunTimeout, PollingInterval = 100 });
        var status = await finished.JsonValueAsync<string>();
        var row = page.Locator($"[data-testid=scenario-run][data-run-id=\"{id}\"]");
        Assert.True(status == "completed", $"run ended {status}: {await row.InnerTextAsync()}");

        var seen = await page.EvaluateAsync<double[]>(
            "id => window.__plannerProgress.filter(p => p.id === id).map(p => p.v)", id);
        output.WriteLine($"progress seen: {string.Join(" → ", seen.Select(v => v.ToString(CultureInfo.InvariantCulture)))}");
        Assert.NotEmpty(seen);
        Assert.True(seen[0] < 100, "the run's bar started full");
        Assert.Equal(100, seen[^1]);
        Assert.True(seen.Distinct().Count() >= 2, "the progress bar never moved");
        Assert.Equal("100", await row.GetByTestId("scenario-progress").GetAttributeAsync("aria-valuenow"));

        await row.GetByTestId("open-run").ClickAsync();
        await session.WaitForAsync("() => document.querySelector('[data-testid=planner-tab-results]').getAttribute('aria-selected') === 'true'");
        await session.WaitForAsync("() => document.querySelectorAll('[data-testid=kpi-table] [data-testid=kpi-row]').length > 0");
        var deltas = await session.EvalAsync<double[]>(
            "() => [...document.querySelectorAll('[data-testid=kpi-table] [data-testid=kpi-row] [data-testid=kpi-delta]')].map(e => e.dataset.delta).filter(v => v !== '').map(Number)");
        output.WriteLine($"city deltas: {string.Join(", ", deltas.Select(d => d.ToString("G4", CultureInfo.InvariantCulture)))}");
        Assert.Contains(deltas, d => Math.Abs(d) > 1e-9);

        // Chart of the chosen KPI, and the per-district change on the map with its legend.
        await session.WaitForAsync("() => document.querySelector('[data-testid=scenario-chart] canvas') !== null");
        // Both axes are titled: the city's time with its zone, and the KPI with its unit.
        var axes = await session.EvalAsync<string[]>("() => window.cityTwin.planner.chartAxes");
        output.WriteLine($"chart axes: {string.Join(" | ", axes)}");
        Assert.Equal(2, axes.Length);
        Assert.Matches(@"^Time \(GMT[+-]\d+\)$", axes[0]);
        // The chart draws a rate per step, so its axis names the KPI's series unit (kW), not the
        // unit of the table's total over the horizon (MWh).
        var seriesUnit = await session.EvalAsync<string>(
            "async () => { const id = document.querySelector('[data-testid=scenario-kpi-select]').value; " +
            "const c = await (await fetch('/api/scenarios/catalog')).json(); return c.kpis.find(k => k.id === id).seriesUnit; }");
        Assert.EndsWith($"({seriesUnit})", axes[1], StringComparison.Ordinal);
        await session.WaitForAsync("() => window.cityTwin.twin.deltaShown && !document.querySelector('[data-testid=delta-legend]').hidden");
        await session.WaitForRenderedAsync("gu-delta");
        await session.WaitForIdleAsync();
        var png = await session.ScreenshotAsync("06-planner-results.png");
        var docs = DocsPath("screenshot-planner.png");
        if (docs is not null) await File.WriteAllBytesAsync(docs, png);
        output.WriteLine($"screenshot: {docs ?? fixture.ScreenshotPath("06-planner-results.png")}");

        // Closing the planner gives the map back to the live choropleth.
        await page.GetByTestId("planner-close").ClickAsync();
        await page.GetByTestId("planner").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.False(await session.EvalAsync<bool>("() => window.cityTwin.twin.deltaShown"));
        Assert.True(await page.GetByTestId("delta-legend").IsHiddenAsync());
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task An_out_of_range_parameter_is_flagged_as_it_is_typed_and_blocks_the_run()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(await fixture.App.CreateUserAsync(Roles.Planner));
        await OpenPlannerAsync(session);
        var card = await AddLedLikeInterventionAsync(session, output);
        await TargetWholeCityAsync(card);
        await session.WaitForAsync("() => !document.querySelector('[data-testid=run-scenario]').disabled");

        // A parameter with a bound (the catalog gives min/max for every parameter).
        var input = card.Locator("[data-testid=param-input][max], [data-testid=param-input][min]").First;
        Assert.True(await input.CountAsync() > 0, "the intervention has no bounded parameter");
        var max = await input.GetAttributeAsync("max");
        var min = await input.GetAttributeAsync("min");
        var bad = max is not null
            ? double.Parse(max, CultureInfo.InvariantCulture) + 1
            : double.Parse(min!, CultureInfo.InvariantCulture) - 1;
        var good = await input.InputValueAsync();

        await input.FillAsync(bad.ToString(CultureInfo.InvariantCulture));
        await session.WaitForAsync("() => document.querySelector('[data-testid=run-scenario]').disabled");
        var messages = await input.EvaluateAsync<string[]>(
            "el => [...el.closest('.plan-param').querySelectorAll('[data-testid=field-error]')].map(e => e.textContent)");
        output.WriteLine($"{bad}: {string.Join(" | ", messages)}");
        Assert.NotEmpty(messages);
        Assert.True(await page.Locator("[data-testid=field-error]").First.IsVisibleAsync());
        Assert.Equal("true", await input.GetAttributeAsync("aria-invalid"));
        Assert.True(await page.GetByTestId("run-scenario").IsDisabledAsync());

        // Fixing the value clears the message and enables Run again.
        await input.FillAsync(good);
        await session.WaitForAsync("() => !document.querySelector('[data-testid=run-scenario]').disabled");
        Assert.Equal(0, await input.EvaluateAsync<int>("el => el.closest('.plan-param').querySelectorAll('[data-testid=field-error]').length"));
        Assert.Empty(session.PageErrors);
    }

    [Fact]
    public async Task Without_the_scenario_service_the_planner_says_so_and_the_map_keeps_working()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await page.RouteAsync("**/api/scenarios**", route => route.FulfillAsync(new() { Status = 404 }));
        await page.GetByTestId("planner-button").ClickAsync();
        await page.GetByTestId("planner-unavailable").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.False(string.IsNullOrWhiteSpace(await page.GetByTestId("planner-unavailable").InnerTextAsync()));
        Assert.Equal("unavailable", await page.GetByTestId("planner").GetAttributeAsync("data-catalog"));

        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("planner").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("false", await page.GetByTestId("planner-button").GetAttributeAsync("aria-expanded"));
        await session.WaitForRenderedAsync("gu-fill");
        Assert.Empty(session.PageErrors);
    }

    internal static async Task OpenPlannerAsync(MapSession session)
    {
        var page = session.Page;
        await page.GetByTestId("planner-button").ClickAsync();
        await page.GetByTestId("planner").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("true", await page.GetByTestId("planner-tab-build").GetAttributeAsync("aria-selected"));
        await session.WaitForAsync("() => ['ready', 'unavailable'].includes(window.cityTwin.planner.catalog)");
        var catalog = await session.EvalAsync<string>("() => window.cityTwin.planner.catalog");
        Assert.True(catalog == "ready", "the planner could not load GET /api/scenarios/catalog");
    }

    /// <summary>Adds the catalog's LED retrofit (type containing "led"), or its first intervention.</summary>
    internal static async Task<ILocator> AddLedLikeInterventionAsync(MapSession session, ITestOutputHelper? output = null)
    {
        var page = session.Page;
        var type = await session.EvalAsync<string?>(
            """
            () => {
              const values = [...document.querySelectorAll('[data-testid=add-intervention] option')].map(o => o.value).filter(Boolean);
              return values.find(v => v.toLowerCase().includes('led')) ?? values[0] ?? null;
            }
            """);
        Assert.False(string.IsNullOrEmpty(type), "the catalog offers no intervention");
        output?.WriteLine($"intervention: {type}");
        var before = await page.GetByTestId("intervention-card").CountAsync();
        await page.GetByTestId("add-intervention").SelectOptionAsync(type!);
        await page.GetByTestId("add-intervention-button").ClickAsync();
        await session.WaitForAsync($"() => document.querySelectorAll('[data-testid=intervention-card]').length === {before + 1}");
        return page.GetByTestId("intervention-card").Nth(before);
    }

    /// <summary>The whole city when the intervention allows it, else the first district.</summary>
    internal static async Task TargetWholeCityAsync(ILocator card)
    {
        var kind = card.GetByTestId("target-kind");
        var kinds = await kind.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        if (kinds.Contains("city"))
        {
            if (await kind.IsEnabledAsync()) await kind.SelectOptionAsync("city");
            return;
        }
        Assert.Contains("gu", kinds);
        await kind.SelectOptionAsync("gu");
        await card.GetByTestId("target-gu").First.CheckAsync();
    }

    /// <summary>docs/ of the repository (found from the test binaries), or null outside a checkout.</summary>
    private static string? DocsPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityTwin.sln")))
            {
                var docs = Path.Combine(dir.FullName, "docs");
                Directory.CreateDirectory(docs);
                return Path.Combine(docs, name);
            }
        }
        return null;
    }
}
