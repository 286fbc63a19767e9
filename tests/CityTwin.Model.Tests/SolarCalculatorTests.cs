using CityTwin.Model.Physics;

namespace CityTwin.Model.Tests;

public class SolarCalculatorTests
{
    // NOAA Solar Calculator (gml.noaa.gov/grad/solcalc) figures for the Seoul–Incheon area, as
    // published approximate NOAA times; Incheon proper (126.705 °E) is about a minute later than Seoul.
    [Theory]
    [InlineData(2024, 6, 21, "05:11", "19:56")]
    [InlineData(2024, 12, 21, "07:44", "17:20")]
    public void Sunrise_and_sunset_match_NOAA_within_three_minutes(int year, int month, int day, string rise, string set)
    {
        var sun = TestCity.SunTimes(new DateOnly(year, month, day));

        AssertWithin(sun.Sunrise, rise, 3);
        AssertWithin(sun.Sunset, set, 3);
        Assert.Equal(TimeSpan.FromHours(9), sun.Sunrise.Offset);
    }

    // An independent low-precision algorithm (Astronomical Almanac sun position, bisection on
    // −0.833°) gives these to the second; the NOAA equations must agree within a minute.
    [Theory]
    [InlineData(2024, 6, 21, "05:12:30", "19:57:32")]
    [InlineData(2024, 12, 21, "07:43:57", "17:18:39")]
    [InlineData(2024, 3, 20, "06:36:45", "18:45:03")]
    public void Sunrise_and_sunset_agree_with_an_independent_algorithm(int year, int month, int day, string rise, string set)
    {
        var sun = TestCity.SunTimes(new DateOnly(year, month, day));

        AssertWithin(sun.Sunrise, rise, 1);
        AssertWithin(sun.Sunset, set, 1);
    }

    [Fact]
    public void Elevation_is_at_the_horizon_at_sunrise_and_peaks_at_solar_noon()
    {
        var sun = TestCity.SunTimes(new DateOnly(2024, 6, 21));

        Assert.InRange(TestCity.SunElevationDeg(sun.Sunrise), -0.95, -0.7);
        Assert.InRange(TestCity.SunElevationDeg(sun.Sunset), -0.95, -0.7);
        // Summer solstice noon: 90° − latitude + obliquity = 90 − 37.456 + 23.44.
        Assert.InRange(TestCity.SunElevationDeg(sun.SolarNoon), 75.8, 76.1);
        Assert.True(TestCity.SunElevationDeg(new DateTimeOffset(2024, 6, 21, 0, 0, 0, TestCity.Kst)) < -20);
    }

    [Fact]
    public void Clear_sky_irradiance_is_zero_at_night_and_near_1000_W_at_a_high_sun()
    {
        Assert.Equal(0, SolarCalculator.ClearSkyGhi(-5));
        Assert.InRange(SolarCalculator.ClearSkyGhi(76), 950, 1100);
    }

    private static void AssertWithin(DateTimeOffset actual, string expectedLocal, double minutes)
    {
        var expected = TimeSpan.Parse(expectedLocal, System.Globalization.CultureInfo.InvariantCulture);
        var diff = Math.Abs((actual.TimeOfDay - expected).TotalMinutes);
        Assert.True(diff <= minutes, $"{actual:HH:mm:ss} is {diff:F1} min from {expectedLocal}");
    }
}
