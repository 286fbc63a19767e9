using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using CityTwin.Web.Indicators;

namespace CityTwin.Web.Tests;

/// <summary>The index formula, the trend window and the pack file's checks, without a host.</summary>
public sealed class PerformanceIndexTests
{
    [Theory]
    [InlineData(15, 15, IndicatorDirection.LowerIsBetter, 1.0)]
    [InlineData(30, 15, IndicatorDirection.LowerIsBetter, 0.5)]
    [InlineData(10, 15, IndicatorDirection.LowerIsBetter, 1.5)]
    [InlineData(1, 15, IndicatorDirection.LowerIsBetter, 2.0)]
    [InlineData(0, 15, IndicatorDirection.LowerIsBetter, 2.0)]
    [InlineData(0.25, 0.25, IndicatorDirection.HigherIsBetter, 1.0)]
    [InlineData(0.125, 0.25, IndicatorDirection.HigherIsBetter, 0.5)]
    [InlineData(5, 0.25, IndicatorDirection.HigherIsBetter, 2.0)]
    [InlineData(0, 0.25, IndicatorDirection.HigherIsBetter, 0.0)]
    public void A_score_is_1_on_target_better_above_and_capped(double value, double target, IndicatorDirection better, double expected) =>
        Assert.Equal(expected, PerformanceIndex.Score(value, target, better), 3);

    [Fact]
    public void The_index_is_the_mean_of_the_scores_and_null_without_any() 
    {
        Assert.Equal(1.25, PerformanceIndex.Of([0.5, 2.0]));
        Assert.Null(PerformanceIndex.Of([]));
    }

    [Fact]
    public void The_city_trend_has_only_the_half_hours_every_district_reported()
    {
        var t0 = new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);
        KpiSample At(int minutes, double load) => new(t0.AddMinutes(minutes), KpiSet.Empty with { ElectricLoadMw = load });
        var a = TrendWindow.Resample([At(1, 1), At(29, 2), At(31, 3), At(61, 4)]);
        var b = TrendWindow.Resample([At(5, 10), At(40, 20)]);
        // The latest sample of each half hour, stamped with the half hour's start.
        Assert.Equal([t0, t0.AddMinutes(30), t0.AddMinutes(60)], a.Select(s => s.At));
        Assert.Equal([2.0, 3.0, 4.0], a.Select(s => s.Kpis.ElectricLoadMw));
        var city = TrendWindow.Combine([a, b]);
        Assert.Equal([t0, t0.AddMinutes(30)], city.Select(s => s.At));
        Assert.Equal([12.0, 23.0], city.Select(s => s.Kpis.ElectricLoadMw));
    }

    [Fact]
    public void The_trend_keeps_the_last_24_simulated_hours()
    {
        var t0 = new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);
        var history = Enumerable.Range(0, 48 * 60).Select(m => new KpiSample(t0.AddMinutes(m), KpiSet.Empty)).ToList();
        var trend = TrendWindow.Resample(history);
        Assert.Equal(48, trend.Count);
        Assert.True(trend[0].At > history[^1].At - TimeSpan.FromHours(24.5));
    }

    [Fact]
    public void The_shipped_pack_maps_its_indicators_and_a_broken_file_names_the_field()
    {
        var incheon = IndicatorPackReader.Read(CityPackLocator.Find("incheon"));
        Assert.Equal(["pm25", "electricityPerCapita", "electricityCo2PerCapita", "airMonitoringDensity"], incheon.Indicators.Select(i => i.Id));
        Assert.All(incheon.Indicators, i => Assert.InRange(i.DefaultTarget, i.MinTarget, i.MaxTarget));

        var dir = Directory.CreateTempSubdirectory("citytwin-pack-").FullName;
        try
        {
            Assert.Empty(IndicatorPackReader.Read(dir).Indicators);
            var text = File.ReadAllText(Path.Combine(CityPackLocator.Find("incheon"), IndicatorPackReader.FileName))
                .Replace("\"measure\": \"pm25Mean\"", "\"measure\": \"happiness\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, IndicatorPackReader.FileName), text);
            var e = Assert.Throws<CityPackException>(() => IndicatorPackReader.Read(dir));
            Assert.Contains("indicators[0].measure", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
