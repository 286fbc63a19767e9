using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>
/// A trainer jumps the clock three hours back and forward again on a real silo: the map's asset
/// frames, the KPIs and the history follow the jump. The clock is paused first, so the simulator
/// runs exactly one tick per jump (a paused clock only ticks when it is set): whatever follows the
/// jump does so with the first tick after it.
/// </summary>
public sealed class TimeJumpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    [Fact]
    public async Task Jumping_back_three_hours_and_forward_again_the_map_kpis_and_history_follow_within_a_tick()
    {
        await using var app = TwinAppFactory.Create(new TwinAppOptions());
        await app.WaitUntilLiveAsync();
        using var trainer = app.CreateClientAs(Roles.Trainer);
        using var reader = app.CreateClient();
        await using var hub = await HubClient.ConnectAsync(app, messagePack: false);
        // Songdo, zoomed in: asset frames flow for what is in view.
        await hub.SubscribeAsync(126.60, 37.36, 126.70, 37.42, 15);
        var light = await FirstStreetlightAsync(reader, "126.60,37.36,126.70,37.42");

        Assert.Equal(HttpStatusCode.OK, (await trainer.PostAsJsonAsync("/api/clock", new { paused = true })).StatusCode);
        // Paused, the simulator finishes the tick in hand (and one at the instant it paused) and then rests.
        var pausedAt = (await reader.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("simTime").GetDateTimeOffset();
        await Wait.ForAsync(() => reader.GetFromJsonAsync<JsonElement>("/api/status"),
            s => s.GetProperty("lastTickSimTime").ValueKind == JsonValueKind.String && s.GetProperty("lastTickSimTime").GetDateTimeOffset() == pausedAt,
            Patience, "the simulator resting on the paused clock", TimeSpan.FromMilliseconds(200));

        // 10:00 on a December morning: daylight, the streetlights are off.
        var ten = new DateTimeOffset(2026, 12, 1, 10, 0, 0, Kst);
        var seven = ten.AddHours(-3); // before sunrise (07:3x): the lights are on
        var atTen = await JumpAsync(trainer, reader, hub, ten, kw => kw == 0);
        Assert.Equal(0, atTen);

        // Three hours back: a new timeline. The dongs take the earlier readings instead of dropping them as late.
        var atSeven = await JumpAsync(trainer, reader, hub, seven, kw => kw > 0);
        Assert.True(atSeven > 0);
        Assert.Contains(hub.AssetFrames.SelectMany(f => f), a => a.Id == light && a.Ts == seven.ToUnixTimeMilliseconds() && a.Values["power_kw"] > 0);

        // History after the jump back holds 07:00 and nothing later: 10:00 belonged to the abandoned timeline.
        var window = $"from={Uri.EscapeDataString(seven.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(ten.AddHours(1).ToString("O"))}&step=1m";
        var cityBack = await HistoryAsync(reader, $"/api/city/history?{window}");
        Assert.Equal([seven], Times(cityBack));
        Assert.True(Kw(cityBack, 0) > 0);
        Assert.Equal([seven], Times(await HistoryAsync(reader, $"/api/assets/{light}/history?{window}")));

        // And forward again: the new timeline's 10:00 follows its 07:00, with the lights off.
        var again = await JumpAsync(trainer, reader, hub, ten, kw => kw == 0);
        Assert.Equal(0, again);
        var cityForward = await HistoryAsync(reader, $"/api/city/history?{window}");
        Assert.Equal([seven, ten], Times(cityForward));
        Assert.True(Kw(cityForward, 0) > 0);
        Assert.Equal(0, Kw(cityForward, 1));
        var district = await HistoryAsync(reader, $"/api/districts/28185/history?{window}");
        Assert.Equal([seven, ten], Times(district));
        Assert.Equal([seven, ten], Times(await HistoryAsync(reader, $"/api/assets/{light}/history?{window}")));

        var clock = await reader.GetFromJsonAsync<JsonElement>("/api/clock");
        Assert.Equal(3, clock.GetProperty("timeline").GetInt32());

        // Replay of 07:00 shows the past (lights on) while the live map is at 10:00 (lights off).
        var replay = await reader.GetFromJsonAsync<JsonElement>($"/api/replay?t={Uri.EscapeDataString(seven.AddMinutes(5).ToString("O"))}&bbox=126.60,37.36,126.70,37.42");
        Assert.Equal(seven.AddMinutes(5), replay.GetProperty("at").GetDateTimeOffset());
        var replayedCity = replay.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("level").GetString() == "city");
        Assert.True(replayedCity.GetProperty("kpis").GetProperty("streetlightKw").GetDouble() > 0);
        Assert.Contains(replay.GetProperty("areas").EnumerateArray(), a => a.GetProperty("code").GetString() == "28185" && a.GetProperty("kpis").GetProperty("streetlightKw").GetDouble() > 0);
        var replayedLight = replay.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("id").GetString() == light);
        Assert.Contains(replayedLight.GetProperty("status").GetString(), new[] { "ok", "warning", "alarm" });
        var liveCity = await reader.GetFromJsonAsync<JsonElement>("/api/city");
        Assert.Equal(0, liveCity.GetProperty("kpis").GetProperty("streetlightKw").GetDouble());
        // Nothing is replayed from before the new timeline's history (08:00 lies in the gap the forward jump left).
        var gap = await reader.GetFromJsonAsync<JsonElement>($"/api/replay?t={Uri.EscapeDataString(seven.AddHours(1).ToString("O"))}");
        Assert.Empty(gap.GetProperty("areas").EnumerateArray());
    }

    /// <summary>
    /// Sets the clock and waits for the map (an asset frame stamped with the new instant) and the city
    /// KPIs to follow; asserts the simulator ran at most two ticks meanwhile. Returns the city's streetlight kW.
    /// </summary>
    private static async Task<double> JumpAsync(HttpClient trainer, HttpClient reader, HubClient hub, DateTimeOffset to, Func<double, bool> lightsAsExpected)
    {
        var ticksBefore = (await reader.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("simulatorTicks").GetInt64();
        hub.AssetFrames.Clear();
        var set = await trainer.PostAsJsonAsync("/api/clock", new { simTime = to });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var ms = to.ToUnixTimeMilliseconds();
        await hub.WaitUntilAsync(() => hub.AssetFrames.Any(f => f.Any(a => a.Ts == ms)), Patience, $"asset frames stamped {to:O}");
        var city = await Wait.ForAsync(
            () => reader.GetFromJsonAsync<JsonElement>("/api/city"),
            c => lightsAsExpected(c.GetProperty("kpis").GetProperty("streetlightKw").GetDouble()),
            Patience, $"city streetlight KPI after the jump to {to:O}", TimeSpan.FromMilliseconds(200));
        var ticks = (await reader.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("simulatorTicks").GetInt64() - ticksBefore;
        Assert.InRange(ticks, 1, 2);
        // The history rows of the new minute settle as the districts report: wait for the city's.
        await Wait.ForAsync(
            () => HistoryAsync(reader, $"/api/city/history?from={Uri.EscapeDataString(to.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}"),
            h => h.GetProperty("points").GetArrayLength() == 1 && lightsAsExpected(Kw(h, 0)),
            Patience, $"city history at {to:O}", TimeSpan.FromMilliseconds(200));
        return city.GetProperty("kpis").GetProperty("streetlightKw").GetDouble();
    }

    private static async Task<string> FirstStreetlightAsync(HttpClient reader, string bbox)
    {
        var geo = await reader.GetFromJsonAsync<JsonElement>($"/api/assets?bbox={bbox}&kind=streetlight&limit=1");
        return geo.GetProperty("features")[0].GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> HistoryAsync(HttpClient reader, string url)
    {
        var response = await reader.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static DateTimeOffset[] Times(JsonElement history) =>
        [.. history.GetProperty("points").EnumerateArray().Select(p => DateTimeOffset.Parse(p.GetProperty("at").GetString()!, CultureInfo.InvariantCulture))];

    private static double Kw(JsonElement history, int point)
    {
        var column = history.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList().IndexOf("streetlightKw");
        return history.GetProperty("points")[point].GetProperty("mean")[column].GetDouble();
    }
}
