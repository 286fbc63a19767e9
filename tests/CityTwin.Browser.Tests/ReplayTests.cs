using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Accounts;
using CityTwin.Testing;

namespace CityTwin.Browser.Tests;

/// <summary>
/// A trainer jumps the clock from the clock panel (07:00 with the streetlights on, then 10:00 with
/// them off); replay then shows the 07:00 map while live frames of 10:00 keep arriving and leave it
/// alone, and "back to live" brings the live map back. Desktop and phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReplayTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private const string Yeonsu = "28185";

    [Fact]
    public async Task A_trainer_jumps_the_clock_and_replay_shows_the_past_until_back_to_live()
    {
        var app = fixture.App;
        using var api = await app.CreateClientAsAsync(Roles.Trainer);
        var seven = new DateTimeOffset(2026, 12, 1, 7, 0, 0, Kst);
        var ten = seven.AddHours(3);
        try
        {
            await PauseAsync(api);
            var trainer = await app.CreateUserAsync(Roles.Trainer);
            await using (var session = await fixture.OpenAsync(width: 1280, height: 800))
            {
                var page = session.Page;
                await session.SignInAsync(trainer);

                // The clock panel: presets and a date and time in the city's zone.
                await page.GetByTestId("clock-jump").ClickAsync();
                await page.GetByTestId("jump-panel").WaitForAsync();
                Assert.Contains("Morning rush", await page.GetByTestId("jump-morningRush").InnerTextAsync());
                await page.GetByTestId("jump-date").FillAsync("2026-12-01");
                await page.GetByTestId("jump-time").FillAsync("07:00");
                await session.ScreenshotAsync("history-01-jump-desktop.png");
                await page.GetByTestId("jump-go").ClickAsync();
                await WaitForCityLightsAsync(api, seven, on: true);

                await page.GetByTestId("clock-jump").ClickAsync();
                await page.GetByTestId("jump-time").FillAsync("10:00");
                await page.GetByTestId("jump-go").ClickAsync();
                await WaitForCityLightsAsync(api, ten, on: false);
                await session.WaitForAsync(LightsInPage(on: false));

                // Replay 07:05: the map shows the lights of the past.
                await page.GetByTestId("replay-button").ClickAsync();
                await SeekAsync(session, seven.AddMinutes(5));
                await session.WaitForAsync(LightsInPage(on: true));
                Assert.Equal("true", await page.EvalOnSelectorAsync<string>("body", "b => b.dataset.replay"));

                // Live frames keep coming (the clock moves on to 10:10) but leave the replayed map alone.
                var before = await session.StatAsync("districtUpdates");
                Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/clock", new { simTime = ten.AddMinutes(10) })).StatusCode);
                await Wait.ForAsync(() => session.StatAsync("districtUpdates"), n => n > before + 20, Patience, $"area frames after the clock moved on (before: {before})", TimeSpan.FromMilliseconds(200));
                Assert.True(await session.EvalAsync<bool>(LightsInPage(on: true)));
                await session.WaitForIdleAsync();
                await session.ScreenshotAsync("history-02-replay-desktop.png");

                // Back to live: the live state of 10:10 returns.
                await page.GetByTestId("replay-live").ClickAsync();
                await session.WaitForAsync(LightsInPage(on: false));
                Assert.Null(await page.EvalOnSelectorAsync<string?>("body", "b => b.dataset.replay ?? null"));
                Assert.Empty(session.PageErrors);
            }

            await using (var phone = await fixture.OpenAsync(width: 390, height: 844, touch: true))
            {
                await phone.Page.GetByTestId("replay-button").ClickAsync();
                await SeekAsync(phone, seven.AddMinutes(5));
                await phone.WaitForAsync(LightsInPage(on: true));
                await phone.WaitForIdleAsync();
                await phone.ScreenshotAsync("history-03-replay-phone.png");
                await phone.Page.GetByTestId("replay-live").ClickAsync();
                await phone.WaitForAsync(LightsInPage(on: false));
                Assert.Empty(phone.PageErrors);
            }
        }
        finally
        {
            await api.PostAsJsonAsync("/api/clock", new { paused = false, speed = 60 });
        }
    }

    /// <summary>Yeonsu-gu's streetlight load as the page's map holds it (feature state of the district).</summary>
    private static string LightsInPage(bool on) =>
        $"() => {{ const s = window.cityTwin.map.getFeatureState({{ source: 'districts', id: '{Yeonsu}' }}); return typeof s.streetlightKw === 'number' && (s.streetlightKw > 0) === {(on ? "true" : "false")}; }}";

    private static async Task SeekAsync(MapSession session, DateTimeOffset at)
    {
        await session.Page.GetByTestId("replay-slider").WaitForAsync();
        await session.EvalAsync<bool>($"() => {{ const s = document.querySelector('[data-testid=replay-slider]'); s.value = String({at.ToUnixTimeMilliseconds()}); s.dispatchEvent(new Event('input')); return true; }}");
        var minute = at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:00.000Z");
        try
        {
            await session.WaitForAsync($"() => document.querySelector('[data-testid=replay-bar]').dataset.shown === '{minute}'");
        }
        catch (TimeoutException)
        {
            var state = await session.EvalAsync<string>("() => JSON.stringify({ shown: document.querySelector('[data-testid=replay-bar]').dataset.shown, t: document.querySelector('[data-testid=replay-time]').dataset.t, value: document.querySelector('[data-testid=replay-slider]').value, min: document.querySelector('[data-testid=replay-slider]').min, max: document.querySelector('[data-testid=replay-slider]').max })");
            throw new TimeoutException($"replay did not show {minute}: {state}; page errors: {string.Join(" | ", session.PageErrors)}");
        }
    }

    /// <summary>Pauses the clock and waits until the simulator rests on it: from then on it ticks only when the clock is set.</summary>
    private static async Task PauseAsync(HttpClient api)
    {
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/clock", new { paused = true })).StatusCode);
        var pausedAt = (await api.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("simTime").GetDateTimeOffset();
        await Wait.ForAsync(() => api.GetFromJsonAsync<JsonElement>("/api/status"),
            s => s.GetProperty("lastTickSimTime").ValueKind == JsonValueKind.String && s.GetProperty("lastTickSimTime").GetDateTimeOffset() == pausedAt,
            Patience, "the simulator resting on the paused clock", TimeSpan.FromMilliseconds(200));
    }

    /// <summary>The clock stands at <paramref name="at"/> and the city's streetlight KPI and its history row there show the lights on or off.</summary>
    private static async Task WaitForCityLightsAsync(HttpClient api, DateTimeOffset at, bool on)
    {
        await Wait.ForAsync(() => api.GetFromJsonAsync<JsonElement>("/api/clock"),
            c => c.GetProperty("simTime").GetDateTimeOffset() == at, Patience, $"the clock at {at:O}", TimeSpan.FromMilliseconds(200));
        var stamp = Uri.EscapeDataString(at.ToString("O"));
        await Wait.ForAsync(() => api.GetFromJsonAsync<JsonElement>($"/api/city/history?from={stamp}&to={stamp}"),
            h =>
            {
                if (h.GetProperty("points").GetArrayLength() != 1) return false;
                var column = h.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList().IndexOf("streetlightKw");
                return h.GetProperty("points")[0].GetProperty("mean")[column].GetDouble() > 0 == on;
            },
            Patience, $"city history at {at:O} with the lights {(on ? "on" : "off")}", TimeSpan.FromMilliseconds(200));
    }
}
