using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Kpis;
using CityTwin.Scenarios.Results;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

public class CatalogAndKpiTests
{
    [Fact]
    public void The_catalogue_offers_every_required_intervention_with_consistent_ranges()
    {
        var catalog = InterventionCatalog.Default;
        string[] required =
        [
            InterventionIds.RoadClosure, InterventionIds.BusLane, InterventionIds.CongestionCharge, InterventionIds.LedRetrofit,
            InterventionIds.StreetlightDimming, InterventionIds.RooftopSolar, InterventionIds.EvAdoption, InterventionIds.GreenRoofs,
            InterventionIds.PermeablePaving, InterventionIds.DemandResponse, InterventionIds.SubstationCapacity,
        ];
        Assert.Equal(required.Order(), catalog.Types.Select(t => t.Id).Order());
        foreach (var type in catalog.Types)
        {
            Assert.False(string.IsNullOrWhiteSpace(type.Name));
            Assert.False(string.IsNullOrWhiteSpace(type.Description));
            Assert.NotEmpty(type.Targets);
            Assert.NotEmpty(type.Parameters);
            Assert.Equal(type.Targets.Contains(ScenarioTargetKind.Assets), type.AssetKinds.Count > 0 && type.Targets.Contains(ScenarioTargetKind.Assets));
            foreach (var p in type.Parameters)
            {
                Assert.InRange(p.Default, p.Min, p.Max);
                Assert.False(string.IsNullOrWhiteSpace(p.Unit), $"{type.Id}.{p.Name} has a unit");
                Assert.False(string.IsNullOrWhiteSpace(p.Source), $"{type.Id}.{p.Name} says where its default comes from");
            }
        }
    }

    [Fact]
    public void Every_KPI_is_defined_computable_and_has_a_theme()
    {
        var result = Runner.RunDistrict(At(Local(2025, 8, 6, 12), 2, 30), Bupyeong);
        foreach (var kpi in ScenarioKpiCatalog.Default.Kpis)
        {
            Assert.False(string.IsNullOrWhiteSpace(kpi.Definition));
            Assert.False(string.IsNullOrWhiteSpace(kpi.IsoTheme));
            var series = result.District.Series(kpi.Id);
            Assert.True(series.Available, kpi.Id);
            Assert.Equal(4, series.Baseline.Length);
            Assert.All(series.Baseline, v => Assert.True(double.IsFinite(v), kpi.Id));
        }
        Assert.Equal(ScenarioKpiCatalog.Default.Kpis.Count, ScenarioKpiCatalog.Default.Kpis.Select(k => k.Id).Distinct().Count());
    }

    [Fact]
    public void The_comparison_gives_delta_percent_and_the_outcome_by_direction()
    {
        var lower = ScenarioKpiCatalog.Default.Find(ScenarioKpiIds.PeakLoadMw)!;
        var higher = ScenarioKpiCatalog.Default.Find(ScenarioKpiIds.RenewableSharePercent)!;

        var cut = KpiComparison.Compare(lower, 200, 150);
        Assert.Equal(-50, cut.Delta);
        Assert.Equal(-25, cut.DeltaPercent);
        Assert.Equal(KpiOutcome.Better, cut.Outcome);
        Assert.Equal(KpiOutcome.Worse, KpiComparison.Compare(higher, 10, 8).Outcome);
        Assert.Equal(KpiOutcome.Unchanged, KpiComparison.Compare(lower, 5, 5).Outcome);
        Assert.Null(KpiComparison.Compare(lower, 0, 3).DeltaPercent);
    }

    [Fact]
    public void KPI_totals_follow_their_rules()
    {
        var area = Runner.RunDistrict(At(Local(2025, 8, 6, 0), 24, 60), Bupyeong).District;
        var load = area.Series(ScenarioKpiIds.PeakLoadMw).Baseline;
        Assert.Equal(load.Max(), area.Totals(ScenarioKpiIds.PeakLoadMw).Baseline);
        Assert.Equal(load.Sum(), area.Totals(ScenarioKpiIds.GridEnergyMwh).Baseline, 6);
        Assert.Equal(load.Sum() * Runner.Facts.GridTonnesCo2PerMwh, area.Totals(ScenarioKpiIds.Co2ElectricityTonnes).Baseline, 6);
        var pm = area.Series(ScenarioKpiIds.Pm25Mean).Baseline;
        Assert.Equal(pm.Average(), area.Totals(ScenarioKpiIds.Pm25Mean).Baseline, 9);
        Assert.Equal(area.Totals(ScenarioKpiIds.Co2ElectricityTonnes).Baseline + area.Totals(ScenarioKpiIds.Co2TrafficTonnes).Baseline,
            area.Totals(ScenarioKpiIds.Co2Tonnes).Baseline, 6);
    }

    [Fact]
    public void A_gu_is_the_sum_of_its_dongs_and_the_city_the_sum_of_its_gu()
    {
        var definition = At(Local(2025, 8, 6, 17), 2, 30, Intervention(InterventionIds.EvAdoption, ScenarioTarget.City()));
        var result = Runner.Run(definition);
        Assert.True(result.Complete);
        Assert.Equal(City.Dongs.Count, result.Dongs.Count);
        foreach (var gu in result.Districts)
        {
            var dongs = result.Dongs.Where(d => City.FindDong(d.Code)!.GuCode == gu.Code).ToList();
            Assert.True(ChannelSeries.Sum(gu.Steps, dongs.Select(d => d.Scenario)).SameAs(gu.Scenario), gu.Code);
            Assert.Equal(dongs.Sum(d => d.Inventory.Population), gu.Inventory.Population);
        }
        Assert.True(ChannelSeries.Sum(result.Steps, result.Districts.Select(d => d.Scenario)).SameAs(result.City.Scenario));
        Assert.InRange(result.City.Inventory.Population, City.Districts.Sum(d => d.Population) - 200, City.Districts.Sum(d => d.Population)); // dongs split each gu evenly, rounding down

        var partial = ScenarioCombiner.Combine("part", City, [Runner.RunDistrict(definition, JungGu)]);
        Assert.False(partial.Complete);
    }

    [Fact]
    public void Intervention_scopes_add_up_across_districts()
    {
        var definition = At(Local(2025, 8, 6, 17), 1, 60,
            Intervention(InterventionIds.DemandResponse, ScenarioTarget.City()),
            Intervention(InterventionIds.LedRetrofit, ScenarioTarget.City()));
        var result = Runner.Run(definition);
        var substations = City.Assets.Where(a => a.Spec is Model.Specs.SubstationSpec).ToList();
        Assert.Equal(substations.Count, result.Scopes[0].Assets);
        Assert.Equal(substations.Sum(a => ((Model.Specs.SubstationSpec)a.Spec).ServedPopulation), result.Scopes[0].Quantity);
        var sodiumLamps = City.Assets.Select(a => a.Spec).OfType<Model.Specs.StreetlightSpec>().Sum(l => l.Lamps * (1 - l.LedShare));
        Assert.Equal(sodiumLamps, result.Scopes[1].Quantity, 6);
    }
}
