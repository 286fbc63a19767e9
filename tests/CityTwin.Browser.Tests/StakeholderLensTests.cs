using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Accounts;
using CityTwin.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A member of the public signs in and comments on a published run for the community; a planner
/// approves it, compares two runs through two lenses and prints their brief, which carries the lens
/// scores and the approved comment; at desktop and phone sizes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StakeholderLensTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const float RunTimeout = 180_000;

    [Fact]
    public async Task A_viewer_comments_a_planner_approves_compares_two_runs_through_two_lenses_and_prints_the_brief()
    {
        // Two published runs, made as a planner would through the API.
        using var api = await fixture.App.CreateClientAsAsync(Roles.Planner);
        var stamp = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var ids = new List<string>();
        foreach (var (type, label) in new[] { ("led-retrofit", "LED retrofit"), ("ev-adoption", "More EVs") })
        {
            var response = await api.PostAsJsonAsync("/api/scenarios", new
            {
                name = $"{label} {stamp}",
                start = new { kind = "baseline", date = "2026-07-15" },
                horizonHours = 6,
                stepMinutes = 60,
                seed = 42,
                interventions = new[] { new { type, target = new { kind = "city" } } },
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        foreach (var id in ids)
        {
            await Wait.ForAsync(() => api.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}"),
                s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(RunTimeout / 1000), $"run {id}");
            Assert.True((await api.PostAsJsonAsync($"/api/scenarios/{id}/publish", new { published = true })).IsSuccessStatusCode);
        }
        var comment = $"Cooler, brighter streets for our children ({stamp}).";

        // A viewer comments on the LED run for the community; it waits for a planner.
        await using (var public1 = await fixture.OpenAsync(width: 1280, height: 800))
        {
            var page = public1.Page;
            await public1.SignInAsync(await fixture.App.CreateUserAsync(Roles.Viewer));
            await PlannerTests.OpenPlannerAsync(public1);
            await page.GetByTestId("planner-tab-runs").ClickAsync();
            await page.Locator($"[data-testid=scenario-run][data-run-id=\"{ids[0]}\"] [data-testid=open-run]").ClickAsync();
            var box = page.Locator($"[data-testid=run-comments][data-run-id=\"{ids[0]}\"]");
            await box.GetByTestId("comment-group").SelectOptionAsync("community");
            await box.GetByTestId("comment-text").FillAsync(comment);
            await box.GetByTestId("comment-send").ClickAsync();
            await box.GetByTestId("comment-sent").WaitForAsync();
            var mine = box.GetByTestId("comment").Filter(new() { HasText = comment });
            Assert.Equal("pending", await mine.GetAttributeAsync("data-status"));
            // No moderation buttons for a viewer.
            Assert.Equal(0, await box.GetByTestId("comment-approve").CountAsync());
            Assert.Empty(public1.PageErrors);
        }

        await using var session = await fixture.OpenAsync(width: 1280, height: 800);
        var p = session.Page;
        await session.SignInAsync(await fixture.App.CreateUserAsync(Roles.Planner));
        await PlannerTests.OpenPlannerAsync(session);
        await p.GetByTestId("planner-tab-runs").ClickAsync();
        foreach (var id in ids)
            await p.Locator($"[data-testid=scenario-run][data-run-id=\"{id}\"] [data-testid=compare-run]").CheckAsync();
        await p.GetByTestId("compare-runs").ClickAsync();
        await session.WaitForAsync("() => window.cityTwin.planner.results.length === 2 && document.querySelector('[data-testid=lens-section]')?.dataset.state === 'ready'");

        // The planner approves the comment.
        var pending = p.Locator($"[data-testid=run-comments][data-run-id=\"{ids[0]}\"] [data-testid=comment]").Filter(new() { HasText = comment });
        await pending.GetByTestId("comment-approve").ClickAsync();
        await p.WaitForFunctionAsync("text => [...document.querySelectorAll('[data-testid=comment]')].some(c => c.textContent.includes(text) && c.dataset.status === 'approved')",
            comment, new PageWaitForFunctionOptions { Timeout = MapSession.Timeout, PollingInterval = 100 });

        // Two lenses: government and community.
        var lenses = p.GetByTestId("lens-section");
        foreach (var other in new[] { "business", "academia", "media" })
        {
            await lenses.Locator($"[data-testid=lens-choice][data-lens={other}]").UncheckAsync();
            await session.WaitForAsync($"() => document.querySelector('[data-testid=lens-section]')?.dataset.state === 'ready' && !document.querySelector('[data-testid=lens-row][data-lens={other}]')");
        }
        Assert.Equal(["government", "community"], await lenses.GetByTestId("lens-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.lens)"));
        Assert.Equal(4, await lenses.GetByTestId("lens-score").CountAsync());
        var scores = await lenses.GetByTestId("lens-score").EvaluateAllAsync<double[]>("bars => bars.map(b => Number(b.dataset.score))");
        output.WriteLine($"scores government LED, EV; community LED, EV: {string.Join(", ", scores)}");
        // The bars are the server's scores.
        var compared = await api.GetFromJsonAsync<JsonElement>($"/api/scenarios/compare?ids={ids[0]},{ids[1]}&lenses=government,community");
        var expected = compared.GetProperty("lenses").GetProperty("lenses").EnumerateArray()
            .SelectMany(l => l.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("score").GetDouble())).ToArray();
        Assert.Equal(expected, scores);
        // Where they disagree is said, or that they agree.
        Assert.True(await lenses.GetByTestId("lens-disagreements").CountAsync() + await lenses.GetByTestId("lens-agree").CountAsync() == 1);
        output.WriteLine($"disagreements: {await lenses.Locator(".lens-disagree").InnerTextAsync()}");

        // A planner adds a lens of their own; a weight out of range is refused next to its KPI.
        await lenses.GetByTestId("lens-edit").ClickAsync();
        var editor = p.GetByTestId("lens-editor");
        await editor.WaitForAsync();
        await editor.GetByTestId("lens-editor-pick").SelectOptionAsync("");
        var lensName = $"Port operators {stamp}";
        await editor.GetByTestId("lens-editor-name").FillAsync(lensName);
        await editor.GetByTestId("lens-editor-group").SelectOptionAsync("business");
        await editor.Locator("[data-testid=lens-editor-weight][data-kpi=travelTimeIndex]").FillAsync("11");
        await editor.GetByTestId("lens-editor-save").ClickAsync();
        await editor.Locator("tr[data-kpi=travelTimeIndex] [data-testid=field-error]").WaitForAsync();
        await editor.Locator("[data-testid=lens-editor-weight][data-kpi=travelTimeIndex]").FillAsync("3");
        await editor.Locator("[data-testid=lens-editor-weight][data-kpi=peakLoadMw]").FillAsync("1");
        await editor.GetByTestId("lens-editor-save").ClickAsync();
        await editor.GetByTestId("lens-editor-status").GetByText("Saved.").WaitForAsync();
        await session.ScreenshotAsync("44-lens-editor.png");
        output.WriteLine($"screenshot: {fixture.ScreenshotPath("44-lens-editor.png")}");
        await p.GetByTestId("lens-editor-close").ClickAsync();
        await lenses.Locator(".lens-chip", new() { HasText = lensName }).WaitForAsync();
        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/lenses")).EnumerateArray().Single(l => l.GetProperty("name").GetProperty("en").GetString() == lensName);
        Assert.Equal([("travelTimeIndex", 3.0), ("peakLoadMw", 1.0)], stored.GetProperty("kpis").EnumerateArray().Select(k => (k.GetProperty("kpi").GetString(), k.GetProperty("weight").GetDouble())));
        // The two chosen lenses are still the ones shown.
        await session.WaitForAsync("() => document.querySelector('[data-testid=lens-section]')?.dataset.state === 'ready'");
        Assert.Equal(["government", "community"], await lenses.GetByTestId("lens-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.lens)"));

        await lenses.ScrollIntoViewIfNeededAsync();
        await session.WaitForIdleAsync();
        await session.ScreenshotAsync("40-lenses-desktop.png");
        output.WriteLine($"screenshot: {fixture.ScreenshotPath("40-lenses-desktop.png")}");

        // The brief through these two lenses, printed.
        var popupTask = p.Context.WaitForPageAsync();
        await lenses.GetByTestId("lens-brief").ClickAsync();
        var brief = await popupTask;
        await brief.WaitForLoadStateAsync(LoadState.Load);
        await brief.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var text = await brief.Locator("body").InnerTextAsync();
        Assert.Contains("Stakeholder lenses", text, StringComparison.Ordinal);
        Assert.Equal(["government", "community"], await brief.Locator("table.lenses tr[data-lens]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.lens)"));
        Assert.Equal(4, await brief.Locator("table.lenses td.lens-score").CountAsync());
        foreach (var s in scores)
            Assert.Contains((s > 0 ? "+" : "") + s.ToString(Math.Abs(s) >= 100 ? "N0" : "0.##", System.Globalization.CultureInfo.InvariantCulture) + " %", text, StringComparison.Ordinal);
        Assert.Contains(comment, text, StringComparison.Ordinal);
        Assert.Equal(1, await brief.Locator("[data-group=community]").CountAsync());
        var pdf = await brief.PdfAsync(new PagePdfOptions { Format = "A4", Path = fixture.ScreenshotPath("41-brief-lenses.pdf") });
        Assert.True(pdf.Length > 10_000, $"the printed brief is {pdf.Length} bytes");
        await brief.SetViewportSizeAsync(900, 1200);
        await brief.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.ScreenshotPath("42-brief-lenses.png"), FullPage = true });
        output.WriteLine($"brief: {fixture.ScreenshotPath("41-brief-lenses.pdf")} ({pdf.Length} bytes), {fixture.ScreenshotPath("42-brief-lenses.png")}");
        await brief.CloseAsync();

        // The public view shows the approved comment under the published run.
        var publicPage = await p.Context.NewPageAsync();
        await publicPage.GotoAsync("/public.html");
        await publicPage.Locator($"[data-testid=public-scenario][data-id=\"{ids[0]}\"] [data-testid=public-comment][data-group=community]").Filter(new() { HasText = comment }).WaitForAsync();
        await publicPage.CloseAsync();

        // Phone: bars and comments fit the width.
        await p.SetViewportSizeAsync(390, 844);
        await lenses.ScrollIntoViewIfNeededAsync();
        await session.WaitForIdleAsync();
        await session.ScreenshotAsync("43-lenses-phone.png");
        output.WriteLine($"screenshot: {fixture.ScreenshotPath("43-lenses-phone.png")}");
        foreach (var part in new[] { "lens-section", "comments-section" })
        {
            var overflow = await session.EvalAsync<bool>($"() => {{ const m = document.querySelector('[data-testid={part}]'); return m.scrollWidth > m.clientWidth + 1; }}");
            Assert.False(overflow, $"{part} is wider than the phone");
        }
        Assert.Empty(session.PageErrors);
    }
}
