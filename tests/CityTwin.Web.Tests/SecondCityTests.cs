using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing;

namespace CityTwin.Web.Tests;

/// <summary>
/// The whole app runs another city from its pack alone: a made-up city in Pacific/Auckland (southern
/// hemisphere, daylight saving) is live, describes itself from its manifest, shows its own sun and
/// runs a scenario over its own districts.
/// </summary>
public sealed class SecondCityTests(SecondCityHost host) : IClassFixture<SecondCityHost>
{
    private readonly HttpClient _client = host.App.CreateClientAs(Roles.Admin);

    [Fact]
    public async Task The_second_city_is_live_and_describes_itself_from_its_pack()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("live", health.GetProperty("status").GetString());
        Assert.Equal(SyntheticCityPack.Id, health.GetProperty("city").GetString());

        var city = await _client.GetFromJsonAsync<JsonElement>("/api/city");
        Assert.Equal(SyntheticCityPack.Id, city.GetProperty("id").GetString());
        Assert.Equal("Pacific/Auckland", city.GetProperty("timeZone").GetString());
        Assert.Equal("en-NZ", city.GetProperty("locale").GetString());
        Assert.Equal(SyntheticCityPack.EnglishName, city.GetProperty("names").GetProperty("en").GetString());
        Assert.Equal("Саутбэй", city.GetProperty("names").GetProperty("ru").GetString());
        Assert.Equal(2, city.GetProperty("districtCount").GetInt32());
        Assert.Equal(4, city.GetProperty("dongCount").GetInt32());
        Assert.Equal(["Southbay test geography: generated for the tests"], city.GetProperty("attribution").EnumerateArray().Select(a => a.GetString()));
        var center = city.GetProperty("center");
        Assert.InRange(center[1].GetDouble(), SyntheticCityPack.Latitude - 0.02, SyntheticCityPack.Latitude + 0.02);
    }

    [Fact]
    public async Task The_clock_shows_southern_summer_and_winter_sun_on_the_citys_civil_time()
    {
        // Long summer days on daylight time (UTC+13), short winter days on standard time (UTC+12).
        var summer = await SetClockAsync("2026-01-15T00:00:00Z");
        var summerRise = DateTimeOffset.Parse(summer.GetProperty("sunrise").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var summerSet = DateTimeOffset.Parse(summer.GetProperty("sunset").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(13), summerRise.Offset);
        Assert.InRange(summerRise.TimeOfDay, new TimeSpan(6, 0, 0), new TimeSpan(6, 35, 0));
        Assert.InRange(summerSet.TimeOfDay, new TimeSpan(20, 25, 0), new TimeSpan(21, 0, 0));

        var winter = await SetClockAsync("2026-06-21T00:00:00Z");
        var winterRise = DateTimeOffset.Parse(winter.GetProperty("sunrise").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var winterSet = DateTimeOffset.Parse(winter.GetProperty("sunset").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(12), winterRise.Offset);
        Assert.InRange(winterRise.TimeOfDay, new TimeSpan(7, 15, 0), new TimeSpan(7, 50, 0));
        Assert.InRange(winterSet.TimeOfDay, new TimeSpan(16, 55, 0), new TimeSpan(17, 30, 0));
        Assert.True(summerSet - summerRise > winterSet - winterRise + TimeSpan.FromHours(4));
    }

    [Fact]
    public async Task A_scenario_runs_over_the_second_citys_districts_and_dongs()
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", new
        {
            name = "southbay-led",
            start = new { kind = "baseline", date = "2026-01-15" },
            horizonHours = 6,
            stepMinutes = 15,
            seed = 5,
            interventions = new[] { new { type = "led-retrofit", parameters = new Dictionary<string, double>(), target = new { kind = "city" } } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await TwinAppFactory.PollAsync<JsonElement>(_client, $"/api/scenarios/{id}", s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(120));

        var results = await _client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
        Assert.Equal(SyntheticCityPack.GuCodes, results.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Order());
        Assert.Equal(SyntheticCityPack.DongCodes, results.GetProperty("dongs").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Order());
        var light = results.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "streetlightEnergyMwh");
        Assert.True(light.GetProperty("scenario").GetDouble() < light.GetProperty("baseline").GetDouble());

        // The first step is local midnight of the chosen date on the city's clock (NZDT, UTC+13).
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.FromHours(13)), results.GetProperty("start").GetDateTimeOffset());
        var brief = await _client.GetStringAsync($"/api/scenarios/{id}/brief");
        Assert.Contains("2026-01-15 00:00 UTC+13:00 (Pacific/Auckland)", brief);
        Assert.Contains(SyntheticCityPack.EnglishName, brief);
    }

    private async Task<JsonElement> SetClockAsync(string simTime)
    {
        var response = await _client.PostAsJsonAsync("/api/clock", new { simTime, paused = true });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
