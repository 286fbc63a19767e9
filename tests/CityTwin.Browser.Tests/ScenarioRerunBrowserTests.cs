using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Model.City;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A planner takes an Incheon scenario to an imported city: the run's definition is saved in Incheon
/// (the export a planner downloads), then, on a twin running the imported city, chosen in the planner;
/// the report shows what carries over and what is left out and why before anything runs, and the
/// run completes there. Desktop and phone screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScenarioRerunBrowserTests(BrowserFixture fixture) : IDisposable
{
    private readonly ImportFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_planner_reruns_an_incheon_scenario_on_an_imported_city_after_seeing_what_carries_over()
    {
        // In Incheon: a run, and its definition saved as a file.
        using var incheonPlanner = await fixture.App.CreateClientAsAsync(Roles.Planner);
        var started = await incheonPlanner.PostAsJsonAsync("/api/scenarios", IncheonScenarioFile.Request());
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var definitionFile = _files.PathOf("incheon-scenario.json");
        await File.WriteAllBytesAsync(definitionFile, await incheonPlanner.GetByteArrayAsync($"/api/scenarios/{runId}/export/definition.json"));

        // A twin running the imported city.
        var pack = _files.WritePack(_files.PathOf("installed"), "harbourton", "Harbourton", CityPackLocator.Find("incheon"));
        await using var harbourton = TwinAppFactory.Create(new TwinAppOptions { Kestrel = true, Settings = new Dictionary<string, string> { ["City:Path"] = pack } });
        var address = harbourton.Start();
        await harbourton.WaitUntilLiveAsync();
        var planner = await harbourton.CreateUserAsync(Roles.Planner);

        foreach (var (width, height, phone) in new[] { (1280, 800, false), (390, 844, true) })
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                HasTouch = phone, IsMobile = phone, Locale = "en-US", BaseURL = address.ToString(),
            });
            await using var session = new MapSession(context, await context.NewPageAsync(), fixture);
            await session.GotoAsync();
            var page = session.Page;
            await session.SignInAsync(planner);

            await page.GetByTestId("planner-button").ClickAsync();
            await page.GetByTestId("planner-tab-runs").ClickAsync();
            await page.Locator("[data-testid=rerun] summary").ClickAsync();
            await page.GetByTestId("rerun-file").SetInputFilesAsync(definitionFile);
            await session.WaitForAsync("() => document.querySelector('[data-testid=rerun-status]')?.dataset.state === 'ok'");

            var status = await page.GetByTestId("rerun-status").InnerTextAsync();
            Assert.True(status.Contains("made in incheon: 2 interventions carry over to Harbourton, 3 are left out", StringComparison.Ordinal), status);
            var kept = await page.GetByTestId("rerun-kept").InnerTextAsync();
            Assert.Contains("whole city", kept, StringComparison.Ordinal);
            var dropped = await page.GetByTestId("rerun-dropped").InnerTextAsync();
            Assert.Contains($"unknown gu '{IncheonScenarioFile.Yeonsu}'", dropped, StringComparison.Ordinal);
            Assert.Contains($"unknown dong '{IncheonScenarioFile.Songdo1}'", dropped, StringComparison.Ordinal);
            Assert.Contains("the polygon lies outside Harbourton", dropped, StringComparison.Ordinal);
            await page.GetByTestId("rerun-run").ScrollIntoViewIfNeededAsync();
            await session.ScreenshotAsync($"scenario-rerun-{width}x{height}.png");

            if (phone) continue;
            // Only now does anything run: the fitted definition, on this city, to completion.
            await page.GetByTestId("rerun-run").ClickAsync();
            await session.WaitForAsync("() => window.cityTwin.planner.lastRunId && window.cityTwin.planner.runs.some(r => r.id === window.cityTwin.planner.lastRunId && r.status === 'completed')");
            var id = await session.EvalAsync<string>("() => window.cityTwin.planner.lastRunId");
            using var api = await harbourton.CreateClientAsAsync(Roles.Planner);
            var run = await api.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
            Assert.Equal(["led-retrofit", "rooftop-solar"], run.GetProperty("definition").GetProperty("interventions").EnumerateArray().Select(i => i.GetProperty("type").GetString()));
            Assert.Empty(session.PageErrors);
        }
    }
}
