using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Economics;
using CityTwin.Scenarios.Uncertainty;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Model.City;
using CityTwin.Scenarios.Kpis;
using CityTwin.Scenarios.Results;

namespace CityTwin.Grains.Scenarios;

/// <summary>
/// Turns the districts' outcomes into the results document: the city is combined with the engine's
/// own combiner (districts in code order, so the numbers do not depend on which finished first).
/// </summary>
public static class ScenarioResultsBuilder
{
    /// <summary>
    /// The results of a whole run: the first seed's document with its costs and payback and, when
    /// the run repeated over several seeds, the bands over all of them.
    /// </summary>
    /// <param name="perSeed">The districts' outcomes of each seed, in the order of <see cref="ScenarioDefinition.SeedList"/>.</param>
    public static ScenarioResultsDocument BuildRun(string id, ScenarioDefinition definition, CityCatalog city, IReadOnlyList<IReadOnlyList<PartitionOutcome>> perSeed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(perSeed);
        var seeds = definition.SeedList();
        if (perSeed.Count != seeds.Count) throw new ArgumentException($"{perSeed.Count} seeds of outcomes for {seeds.Count} seeds", nameof(perSeed));
        var assumptions = EconomicAssumptions.Resolve(city.Pack.Economics, definition.Economics);
        var documents = new List<ScenarioResultsDocument>(seeds.Count);
        var money = new List<EconomicsResult>(seeds.Count);
        for (var i = 0; i < seeds.Count; i++)
        {
            var document = Build(id, definition.Name, seeds[i], city, perSeed[i]);
            documents.Add(document);
            if (assumptions is not null)
                money.Add(EconomicsCalculator.Compute(document, definition, [.. perSeed[i].SelectMany(o => o.Costs)], city, assumptions));
        }
        return documents[0] with
        {
            Economics = assumptions is null ? null : money[0],
            Uncertainty = seeds.Count > 1 ? UncertaintyBuilder.Build(seeds, documents, assumptions is null ? null : money) : null,
        };
    }

    public static ScenarioResultsDocument Build(string id, string name, int seed, CityCatalog city, IReadOnlyList<PartitionOutcome> outcomes)
    {
        var districts = outcomes.Select(o => ToDistrict(o, city)).ToList();
        var combined = ScenarioCombiner.Combine(name, city, districts);
        var catalog = ScenarioKpiCatalog.Default;

        var kpis = combined.City.Compare(catalog).Select(c =>
        {
            var kpi = catalog.Find(c.KpiId)!;
            return new KpiRow(kpi.Id, kpi.Name, kpi.TotalUnit, kpi.Better == KpiDirection.LowerIsBetter ? "lower" : "higher",
                kpi.Definition, kpi.IsoTheme, c.Baseline, c.Scenario, c.Delta, c.DeltaPercent, c.Outcome.ToString().ToLowerInvariant());
        }).ToList();

        var series = new Dictionary<string, SeriesPair>(StringComparer.Ordinal);
        foreach (var row in kpis)
        {
            var s = combined.City.Series(row.Id, catalog);
            series[row.Id] = new SeriesPair(s.Unit, s.Baseline, s.Scenario);
        }

        var dongs = outcomes.SelectMany(o => o.Dongs).OrderBy(d => d.Code, StringComparer.Ordinal).Select(d =>
        {
            var info = city.FindDong(d.Code);
            var values = new Dictionary<string, Comparison>(StringComparer.Ordinal);
            for (var i = 0; i < d.KpiIds.Length; i++) values[d.KpiIds[i]] = Comparison.Of(d.Baseline[i], d.Scenario[i]);
            return new AreaRow(d.Code, info?.NameEn ?? d.Code, info?.NameKo ?? d.Code, values);
        }).ToList();

        var scopes = outcomes.SelectMany(o => o.Scopes).GroupBy(s => s.Index).OrderBy(g => g.Key).Select(g =>
            new ScopeTotals(g.Key, g.First().Type, g.Sum(s => s.Assets), g.Sum(s => s.Dongs), g.Sum(s => s.Quantity), g.First().QuantityUnit,
                g.Sum(s => s.CostUnits), g.First().CostUnit)).ToList();

        return new ScenarioResultsDocument(
            id,
            name,
            combined.Start,
            combined.Step.TotalMinutes,
            seed,
            [.. Enumerable.Range(0, combined.Steps).Select(combined.City.At)],
            kpis,
            [.. combined.Districts.Select(d => new AreaRow(d.Code, d.NameEn, d.NameKo,
                d.Compare(catalog).ToDictionary(c => c.KpiId, c => Comparison.Of(c.Baseline, c.Scenario), StringComparer.Ordinal)))],
            dongs,
            series,
            scopes,
            [.. outcomes.OrderBy(o => o.GuCode, StringComparer.Ordinal).SelectMany(o => o.Notes).Distinct()]);
    }

    private static DistrictResult ToDistrict(PartitionOutcome o, CityCatalog city)
    {
        var gu = city.FindDistrict(o.GuCode) ?? throw new InvalidOperationException($"unknown gu {o.GuCode}");
        var i = o.Inventory;
        var inventory = new AreaInventory(i[0], i[1], i[2], i[3], i[4], i[5], i[6]);
        var area = new AreaResult(AreaLevel.Gu, gu.Code, gu.NameEn, gu.NameKo, o.Start, o.Step, inventory,
            new ChannelSeries(o.Steps, o.Baseline), new ChannelSeries(o.Steps, o.Scenario))
        { GridTonnesCo2PerMwh = city.Pack.Facts.GridTonnesCo2PerMwh };
        // Dong series stay with the partitions (their totals travel in the outcome).
        return new DistrictResult(o.GuCode, o.Start, o.Step, o.Steps, area, [],
            [.. o.Scopes.Select(s => new InterventionScope(s.Index, s.Type, s.Assets, s.Dongs, s.Quantity, s.QuantityUnit))], [], o.Notes);
    }
}
