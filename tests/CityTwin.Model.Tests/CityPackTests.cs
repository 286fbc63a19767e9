using CityTwin.Model.City;
using CityTwin.Model.Physics;
using CityTwin.Model.Telemetry;
using CityTwin.Testing;

namespace CityTwin.Model.Tests;

/// <summary>
/// A second city, in another hemisphere and time zone with daylight saving, loads from its pack and
/// runs with its own clock, sun and climate; broken manifests are refused naming file and field.
/// </summary>
public sealed class CityPackTests : IDisposable
{
    private readonly SyntheticCityPack _pack = new();

    public void Dispose() => _pack.Dispose();

    [Fact]
    public void The_second_city_loads_with_its_names_zone_and_areas()
    {
        var city = CityPackLoader.Load(_pack.Directory);
        Assert.Equal(SyntheticCityPack.Id, city.Id);
        Assert.Equal("Pacific/Auckland", city.Pack.TimeZoneId);
        Assert.Equal("en-NZ", city.Pack.Locale);
        Assert.Equal("사우스베이", city.Pack.Names["ko"]);
        Assert.Equal(CityPack.Languages.Order(), city.Pack.Names.Keys.Order());
        Assert.Equal(SyntheticCityPack.GuCodes, city.Districts.Select(d => d.Code));
        Assert.Equal(SyntheticCityPack.DongCodes, city.Dongs.Select(d => d.Code));
        Assert.Equal(2, city.Sites.Count);
        Assert.All(city.Assets, a => Assert.Contains(a.DongCode, SyntheticCityPack.DongCodes));
        Assert.True(city.Assets.Count > 100, $"{city.Assets.Count} assets");
    }

    [Fact]
    public void The_clock_follows_daylight_saving()
    {
        var clock = CityManifestReader.Read(_pack.Directory).Clock;
        // New Zealand: NZDT (UTC+13) in the southern summer, NZST (UTC+12) in winter.
        Assert.Equal(TimeSpan.FromHours(13), clock.OffsetAt(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(12), clock.OffsetAt(new DateTimeOffset(2025, 7, 15, 0, 0, 0, TimeSpan.Zero)));

        // Clocks went back at 03:00 NZDT on 6 April 2025 (14:00 UTC on the 5th): local time repeats an hour.
        var before = new DateTimeOffset(2025, 4, 5, 13, 30, 0, TimeSpan.Zero);
        Assert.Equal(2.5, clock.LocalHour(before), 9);
        Assert.Equal(2.5, clock.LocalHour(before.AddHours(1)), 9);
        Assert.Equal(CityClock.LocalDayIndex(new DateOnly(2025, 4, 6)), clock.LocalDayIndex(before));

        // Local midnight of a summer and a winter day, and a wall time skipped by the spring change.
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.FromHours(13)), clock.AtLocal(CityClock.LocalDayIndex(new DateOnly(2025, 1, 15)), 0));
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 0, 0, 0, TimeSpan.FromHours(12)), clock.AtLocal(CityClock.LocalDayIndex(new DateOnly(2025, 7, 15)), 0));
        var skipped = clock.AtLocal(CityClock.LocalDayIndex(new DateOnly(2025, 9, 28)), 2.5);
        Assert.Equal(new DateTimeOffset(2025, 9, 28, 2, 30, 0, TimeSpan.FromHours(12)), skipped);
    }

    [Fact]
    public void Sun_times_fit_the_southern_summer_and_winter()
    {
        var pack = CityManifestReader.Read(_pack.Directory);
        // Auckland (NOAA solar calculator): 15 Jan sunrise ≈ 06:17, sunset ≈ 20:42 NZDT; 21 Jun ≈ 07:33 and 17:11 NZST.
        var summer = SolarCalculator.SunTimes(new DateOnly(2025, 1, 15), pack.Location, pack.Clock);
        Assert.Equal(TimeSpan.FromHours(13), summer.Sunrise.Offset);
        Assert.InRange(summer.Sunrise.TimeOfDay, new TimeSpan(6, 5, 0), new TimeSpan(6, 30, 0));
        Assert.InRange(summer.Sunset.TimeOfDay, new TimeSpan(20, 30, 0), new TimeSpan(20, 55, 0));
        var winter = SolarCalculator.SunTimes(new DateOnly(2025, 6, 21), pack.Location, pack.Clock);
        Assert.Equal(TimeSpan.FromHours(12), winter.Sunrise.Offset);
        Assert.InRange(winter.Sunrise.TimeOfDay, new TimeSpan(7, 20, 0), new TimeSpan(7, 45, 0));
        Assert.InRange(winter.Sunset.TimeOfDay, new TimeSpan(17, 0, 0), new TimeSpan(17, 25, 0));
        Assert.True(summer.DayLength > winter.DayLength + TimeSpan.FromHours(4));
    }

    [Fact]
    public void Weather_follows_the_packs_climate_not_the_northern_seasons()
    {
        var city = CityPackLoader.Load(_pack.Directory);
        var generator = new TelemetryGenerator(city, 3);
        double MeanAt(int month)
        {
            var sum = 0.0;
            for (var day = 1; day <= 28; day++)
                sum += generator.ConditionsAt(new DateTimeOffset(2025, month, day, 3, 0, 0, TimeSpan.Zero)).Weather.TemperatureC;
            return sum / 28;
        }

        var january = MeanAt(1);
        var july = MeanAt(7);
        Assert.InRange(january, 15, 26);
        Assert.InRange(july, 5, 16);
        Assert.True(january > july + 5, $"January {january:F1} °C, July {july:F1} °C");
        // Winter-high NO2 peaks in mid-July here, not in January.
        Assert.Equal(196, city.Pack.Climate.MidwinterDayOfYear);
        Assert.True(AirQualityModel.No2Season(new DateTimeOffset(2025, 7, 15, 12, 0, 0, TimeSpan.FromHours(12)), city.Pack.Climate.MidwinterDayOfYear)
            > AirQualityModel.No2Season(new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.FromHours(13)), city.Pack.Climate.MidwinterDayOfYear));
        // At 15:00 UTC it is 04:00 local in January: dark, and the conditions say so on the city's clock.
        var night = generator.ConditionsAt(new DateTimeOffset(2025, 1, 15, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(4, night.LocalHour, 9);
        Assert.True(night.IsDark);
    }

    [Fact]
    public void The_default_pack_names_the_city_in_every_language_with_sources()
    {
        var incheon = CityManifestReader.Read(CityPackLocator.Find("incheon"));
        Assert.Equal("Asia/Seoul", incheon.TimeZoneId);
        Assert.All(CityPack.Languages, language => Assert.False(string.IsNullOrWhiteSpace(incheon.Names[language])));
        Assert.Equal(TimeSpan.FromHours(9), incheon.Clock.OffsetAt(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.NotEmpty(incheon.Attribution);
        Assert.Equal(15, incheon.Climate.MidwinterDayOfYear);
    }

    [Theory]
    [InlineData("timeZone", "missing")]
    [InlineData("climate", "missing")]
    [InlineData("names", "missing")]
    public void A_missing_field_is_named(string field, string problem)
    {
        _pack.Manifest.Remove(field);
        _pack.WriteManifest();
        var error = Assert.Throws<CityPackException>(() => CityManifestReader.Read(_pack.Directory));
        Assert.Equal(_pack.ManifestPath, error.File);
        Assert.Equal(field, error.Feature);
        Assert.Contains(problem, error.Message);
        Assert.Contains($"city.json, field {field}:", error.Message);
    }

    [Fact]
    public void Bad_values_are_named_by_field()
    {
        string Refused(Action<System.Text.Json.Nodes.JsonObject> edit)
        {
            _pack.ResetManifest();
            edit(_pack.Manifest);
            _pack.WriteManifest();
            var error = Assert.Throws<CityPackException>(() => CityManifestReader.Read(_pack.Directory));
            return error.Message;
        }

        Assert.Contains("field timeZone: unknown time zone 'Mars/Olympus_Mons'", Refused(m => m["timeZone"] = "Mars/Olympus_Mons"));
        Assert.Contains("field climate.windMs.monthly: must be 12 numbers", Refused(m => m["climate"]!["windMs"]!["monthly"]!.AsArray().RemoveAt(11)));
        Assert.Contains("field location.latitude: 123 is out of range", Refused(m => m["location"]!["latitude"] = 123));
        Assert.Contains("field fleet.registeredVehicles.source: missing", Refused(m => m["fleet"]!["registeredVehicles"]!.AsObject().Remove("source")));
        Assert.Contains("field names.mn: missing", Refused(m => m["names"]!.AsObject().Remove("mn")));
        Assert.Contains("field climate.cloudCover.monthly[2]: 1.5 is out of range", Refused(m => m["climate"]!["cloudCover"]!["monthly"]![2] = 1.5));
        Assert.Contains("field fleet.electricVehicles: ", Refused(m => m["fleet"]!["electricVehicles"]!["value"] = 1e8));
    }

    [Fact]
    public void A_pack_without_a_manifest_or_with_broken_json_is_refused()
    {
        File.WriteAllText(_pack.ManifestPath, "{ \"id\": ");
        Assert.Contains("not valid JSON", Assert.Throws<CityPackException>(() => CityPackLoader.Load(_pack.Directory)).Message);
        File.Delete(_pack.ManifestPath);
        Assert.Contains("city.json", Assert.Throws<CityPackException>(() => CityPackLoader.Load(_pack.Directory)).Message);
    }
}
