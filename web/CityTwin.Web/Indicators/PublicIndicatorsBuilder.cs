using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Indicators;
using CityTwin.Abstractions.Kpis;
using CityTwin.Model.City;
using CityTwin.Web.Indicators.Public;

namespace CityTwin.Web.Indicators;

/// <summary>
/// Puts the public view together: each district's current KPIs and history turned into the pack's
/// indicators, the city from the sum of its districts, every figure scored against its target, and
/// the published scenarios.
/// </summary>
public sealed class PublicIndicatorsBuilder(
    CityCatalog city, IndicatorCatalog indicators, IGrainFactory grains, IIndicatorHistory history, PublicScenarios scenarios, TimeProvider time)
{
    public async Task<PublicIndicatorsResponse> BuildAsync()
    {
        var cityGrain = grains.GetGrain<ICityGrain>(city.Id);
        var clock = await cityGrain.GetClockAsync();
        var targets = await TargetsAsync();
        var districts = city.Districts;
        var current = await Task.WhenAll(districts.Select(d => grains.GetGrain<IDistrictGrain>(d.Code).GetKpisAsync()));
        var trends = await Task.WhenAll(districts.Select(async d => TrendWindow.Resample(await history.DistrictAsync(d.Code))));

        var districtAreas = districts.Select((d, i) => Area(d.Code, "gu", d.NameEn, d.NameKo, new AreaFacts(d.Population, d.AreaKm2), current[i], trends[i], targets, clock.SimTime)).ToList();
        var cityFacts = new AreaFacts(districts.Sum(d => d.Population), districts.Sum(d => d.AreaKm2));
        var cityArea = Area(city.Id, "city", city.NameEn, city.NameKo, cityFacts, KpiSet.Sum(current), TrendWindow.Combine(trends), targets, clock.SimTime);

        return new PublicIndicatorsResponse(
            city.Id, city.Pack.Names, city.Pack.TimeZoneId, clock.SimTime, time.GetUtcNow(), PerformanceIndex.ScoreCap,
            [.. indicators.Indicators.Select(i => Info(i, targets.GetValueOrDefault(i.Id)))],
            cityArea, districtAreas, indicators.ProfileSource, await scenarios.ListAsync());
    }

    /// <summary>The targets the city set, over the pack's defaults.</summary>
    public async Task<IReadOnlyDictionary<string, IndicatorTarget>> TargetsAsync() =>
        indicators.Indicators.Count == 0 ? new Dictionary<string, IndicatorTarget>() : await grains.GetGrain<IIndicatorTargetsGrain>(city.Id).GetAllAsync();

    public static PublicIndicatorInfo Info(IndicatorDefinition i, IndicatorTarget? set) => new(
        i.Id, i.Standard, i.Number, i.Name, i.Names, i.Definition, i.Unit, i.Better == IndicatorDirection.LowerIsBetter ? "lower" : "higher",
        i.Synthetic, i.DataSource, set?.Value ?? i.DefaultTarget,
        set is null ? i.DefaultTargetSource : "Set by the city", set?.SetAt, i.MinTarget, i.MaxTarget);

    private PublicArea Area(string code, string level, string nameEn, string nameKo, AreaFacts facts, KpiSet now, IReadOnlyList<KpiSample> trend,
        IReadOnlyDictionary<string, IndicatorTarget> targets, DateTimeOffset asOf)
    {
        var grid = city.Pack.Facts.GridTonnesCo2PerMwh;
        var figures = new List<PublicFigure>();
        foreach (var i in indicators.Indicators)
        {
            var points = trend
                .Select(s => (s.At, Value: IndicatorMeasures.Compute(i.Measure, s.Kpis, facts, grid)))
                .Where(p => p.Value is { } v && double.IsFinite(v))
                .Select(p => new PublicTrendPoint(p.At, Round(p.Value!.Value)))
                .ToList();
            var latest = IndicatorMeasures.Compute(i.Measure, now, facts, grid) is { } l && double.IsFinite(l) ? Round(l) : (double?)null;
            var value = points.Count > 0 ? Round(points.Average(p => p.Value)) : latest;
            var target = targets.GetValueOrDefault(i.Id)?.Value ?? i.DefaultTarget;
            var score = value is { } v2 ? PerformanceIndex.Score(v2, target, i.Better) : (double?)null;
            figures.Add(new PublicFigure(i.Id, value, latest, score, asOf, points));
        }
        return new PublicArea(code, level, nameEn, nameKo, facts.Population, Math.Round(facts.AreaKm2, 2),
            facts.AreaKm2 > 0 ? Math.Round(facts.Population / facts.AreaKm2, 1) : 0,
            PerformanceIndex.Of(figures.Where(f => f.Score is not null).Select(f => f.Score!.Value)), figures);
    }

    /// <summary>Four significant digits: enough for a chart and a table, without float noise.</summary>
    private static double Round(double v) => v == 0 ? 0 : Math.Round(v, Math.Clamp(3 - (int)Math.Floor(Math.Log10(Math.Abs(v))), 0, 15));
}
