using CityTwin.Model.Physics;

namespace CityTwin.Model.Tests;

public class ClimateAndDemandTests
{
    [Fact]
    public void Traffic_profile_reproduces_the_MOLIT_survey_shape()
    {
        var p = TrafficDemand.WeekdayProfile;
        Assert.Equal(1.0, p.Average(), 3);
        var daytime = 0.0;
        for (var h = 7; h < 19; h++) daytime += p[h];
        Assert.Equal(0.764, daytime / p.Sum(), 3);
        Assert.Equal(1.76, p[17]);
        Assert.Equal(0.12, p[3]);
        Assert.Equal(1.0, TrafficDemand.WeekendProfile.Average(), 6);
    }

    [Fact]
    public void Traffic_demand_is_smooth_and_follows_the_calendar()
    {
        // Wednesday 2025-05-14 and Friday 2025-05-16.
        Assert.Equal(1.76, TrafficDemand.At(TestCity.Local(2025, 5, 14, 17, 30)), 6);
        Assert.Equal(0.12, TrafficDemand.At(TestCity.Local(2025, 5, 14, 3, 30)), 6);
        Assert.Equal(1.07 * 1.76, TrafficDemand.At(TestCity.Local(2025, 5, 16, 17, 30)), 6);
        Assert.True(TrafficDemand.At(TestCity.Local(2025, 5, 17, 8, 30)) < TrafficDemand.At(TestCity.Local(2025, 5, 14, 8, 30)));
        var previous = TrafficDemand.At(TestCity.Local(2025, 5, 14, 0));
        for (var m = 1; m < 48 * 60; m++)
        {
            var value = TrafficDemand.At(TestCity.Local(2025, 5, 14, 0).AddMinutes(m));
            Assert.True(Math.Abs(value - previous) < 0.02, $"jump at minute {m}"); // steepest slope: 0.70 per hour at 06–07 h
            previous = value;
        }
    }

    [Fact]
    public void Seeded_year_has_Incheon_temperatures_and_rainfall()
    {
        var weather = new WeatherModel(TestCity.Pack, 20240624);
        var start = TestCity.Local(2025, 1, 1, 0);
        double sum = 0, rain = 0, maxRain = 0;
        var monthly = new double[12];
        var counts = new int[12];
        var n = 0;
        for (var q = 0; q < 365 * 24 * 4; q++)
        {
            var t = start.AddMinutes(15 * q);
            var w = weather.At(t);
            sum += w.TemperatureC;
            rain += w.RainMmH / 4;
            maxRain = Math.Max(maxRain, w.RainMmH);
            monthly[t.Month - 1] += w.TemperatureC;
            counts[t.Month - 1]++;
            n++;
            Assert.InRange(w.CloudCover, 0, 1);
            Assert.InRange(w.RelativeHumidity, 0, 100);
            Assert.True(w.WindMs > 0);
        }
        Assert.InRange(sum / n, 11.8, 13.2);
        Assert.InRange(monthly[0] / counts[0], -5, 1);
        Assert.InRange(monthly[7] / counts[7], 23.5, 28);
        Assert.InRange(rain, 800, 1800);
        Assert.InRange(maxRain, 20, 100);
    }

    [Fact]
    public void Temperature_peaks_in_the_afternoon_and_bottoms_out_near_sunrise()
    {
        var weather = new WeatherModel(TestCity.Pack, 1);
        double afternoon = 0, dawn = 0;
        for (var d = 0; d < 60; d++)
        {
            var day = TestCity.Local(2025, 4, 1, 0).AddDays(d);
            afternoon += weather.At(day.AddHours(15)).TemperatureC;
            dawn += weather.At(day.AddHours(6)).TemperatureC;
        }
        Assert.True(afternoon > dawn + 4 * 60, $"afternoon {afternoon / 60:F1} vs dawn {dawn / 60:F1}");
    }

    [Fact]
    public void Temperature_is_continuous_across_midnight()
    {
        var weather = new WeatherModel(TestCity.Pack, 2);
        for (var d = 0; d < 100; d++)
        {
            var midnight = TestCity.Local(2025, 1, 1, 0).AddDays(d);
            var before = weather.At(midnight.AddSeconds(-1)).TemperatureC;
            var after = weather.At(midnight.AddSeconds(1)).TemperatureC;
            Assert.True(Math.Abs(after - before) < 0.3, $"{midnight:yyyy-MM-dd}: {before:F2} → {after:F2}");
        }
    }

    [Fact]
    public void Summer_has_more_and_heavier_rain_than_winter()
    {
        double summer = 0, winter = 0;
        for (var seed = 0; seed < 5; seed++)
        {
            var weather = new WeatherModel(TestCity.Pack, seed);
            for (var h = 0; h < 31 * 24; h++)
            {
                summer += weather.RainAt(TestCity.Local(2025, 7, 1, 0).AddHours(h));
                winter += weather.RainAt(TestCity.Local(2025, 1, 1, 0).AddHours(h));
            }
        }
        Assert.True(summer > 5 * winter, $"July {summer / 5:F0} mm vs January {winter / 5:F0} mm");
    }
}
