using CityTwin.Abstractions.Assets;
using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Interventions;
using CityTwin.Scenarios.Kpis;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

/// <summary>
/// The rules behind the catalogue: one rule per entry and one entry per rule, sound parameters, and
/// for every rule a headline effect that goes the expected way. A new rule without a row in
/// <see cref="Directions"/> fails <see cref="Every_rule_has_an_effect_direction_test"/>.
/// </summary>
public class InterventionRuleTests
{
    private static readonly string[] SourceTags = ["[KR]", "[INTL]", "[derived]", "[assumed]", "[estimate]"];

    /// <summary>Wednesday 16 July 2025, 17:30: the weekday evening peak.</summary>
    private static readonly DateTimeOffset Peak = Local(2025, 7, 16, 17, 30);

    private static readonly ScenarioConditions Storm = new(HeavyRain: new HeavyRainCondition(1, 3, 80));

    /// <summary>The gu whose substations a 6 °C heatwave overloads most: found once, it needs every district.</summary>
    private static readonly Lazy<string> OverloadedGu = new(() => City.Districts
        .Select(d => Runner.RunDistrict(Heatwave(), d.Code).District)
        .OrderByDescending(d => d.Totals(ScenarioKpiIds.SubstationOverloadHours).Baseline)
        .First().Code);

    private static ScenarioDefinition Heatwave(params ScenarioIntervention[] interventions) =>
        At(Local(2025, 8, 6, 0), 24, 30, interventions) with
        {
            Conditions = new ScenarioConditions(Heatwave: new HeatwaveCondition(0, 24, 6)),
        };

    private static string BusiestYeonsuRoad() => AssetsOf(Yeonsu, AssetKind.RoadSegment).Where(IsVehicleRoad)
        .OrderByDescending(a => ((RoadSpec)a.Spec).CapacityVph * ((RoadSpec)a.Spec).LengthM).First().Id;

    private static string[] SongdoCorridor() =>
        [.. AssetsOf(Yeonsu, AssetKind.RoadSegment).Where(a => a.Spec is RoadSpec { Class: RoadClass.Primary, Lanes: >= 2 }).Select(a => a.Id)];

    /// <summary>One headline effect per intervention id, each on a short run.</summary>
    public static readonly IReadOnlyDictionary<string, EffectDirection> Directions = new Dictionary<string, EffectDirection>
    {
        [InterventionIds.RoadClosure] = new(
            () => At(Peak, 2, 30, Intervention(InterventionIds.RoadClosure, ScenarioTarget.Assets([BusiestYeonsuRoad()]), ("reroutedPercent", 0))),
            () => Yeonsu, ScenarioKpiIds.VehicleKm, KpiOutcome.Better),
        [InterventionIds.BusLane] = new(
            () => At(Local(2025, 7, 16, 17), 2, 10, Intervention(InterventionIds.BusLane, ScenarioTarget.Assets(SongdoCorridor()))),
            () => Yeonsu, ScenarioKpiIds.TravelTimeIndex, KpiOutcome.Worse),
        [InterventionIds.CongestionCharge] = new(
            () => At(Local(2025, 7, 16, 7), 2, 10, Intervention(InterventionIds.CongestionCharge, ScenarioTarget.Gu(Yeonsu))),
            () => Yeonsu, ScenarioKpiIds.Pm25Mean, KpiOutcome.Better),
        [InterventionIds.LedRetrofit] = new(
            () => At(Local(2025, 7, 16, 18), 12, 30, Intervention(InterventionIds.LedRetrofit, ScenarioTarget.City())),
            () => Namdong, ScenarioKpiIds.StreetlightEnergyMwh, KpiOutcome.Better),
        [InterventionIds.StreetlightDimming] = new(
            () => At(Local(2025, 7, 16, 18), 12, 30, Intervention(InterventionIds.StreetlightDimming, ScenarioTarget.Gu(Yeonsu))),
            () => Yeonsu, ScenarioKpiIds.StreetlightEnergyMwh, KpiOutcome.Better),
        [InterventionIds.RooftopSolar] = new(
            () => At(Local(2025, 5, 14, 6), 12, 60, Intervention(InterventionIds.RooftopSolar, ScenarioTarget.City())),
            () => Yeonsu, ScenarioKpiIds.RenewableSharePercent, KpiOutcome.Better),
        [InterventionIds.EvAdoption] = new(
            () => At(Local(2025, 5, 14, 0), 6, 60, Intervention(InterventionIds.EvAdoption, ScenarioTarget.City())),
            () => Namdong, ScenarioKpiIds.Co2TrafficTonnes, KpiOutcome.Better),
        [InterventionIds.GreenRoofs] = new(
            () => At(Local(2025, 9, 10, 10), 6, 10, Intervention(InterventionIds.GreenRoofs, ScenarioTarget.City(), ("areaSharePercent", 50))) with { Conditions = Storm },
            () => Bupyeong, ScenarioKpiIds.FloodAlarmHours, KpiOutcome.Better),
        [InterventionIds.PermeablePaving] = new(
            () => At(Local(2025, 9, 10, 10), 6, 10, Intervention(InterventionIds.PermeablePaving, ScenarioTarget.City(), ("areaSharePercent", 50))) with { Conditions = Storm },
            () => Bupyeong, ScenarioKpiIds.FloodAlarmHours, KpiOutcome.Better),
        [InterventionIds.DemandResponse] = new(
            () => At(Local(2025, 8, 6, 12), 12, 30, Intervention(InterventionIds.DemandResponse, ScenarioTarget.City())),
            () => Bupyeong, ScenarioKpiIds.PeakLoadMw, KpiOutcome.Better),
        [InterventionIds.SubstationCapacity] = new(
            () => Heatwave(Intervention(InterventionIds.SubstationCapacity, ScenarioTarget.Gu(OverloadedGu.Value), ("capacityMw", 480))),
            () => OverloadedGu.Value, ScenarioKpiIds.SubstationOverloadHours, KpiOutcome.Better),
    };

    public static TheoryData<string> DirectionIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Directions.Keys) data.Add(id);
        return data;
    }

    [Fact]
    public void Every_catalogue_entry_is_a_rules_entry_and_every_rule_is_in_the_catalogue()
    {
        var rules = InterventionRegistry.Rules;
        var types = InterventionCatalog.Default.Types;
        Assert.Equal(rules.Count, types.Count);
        for (var i = 0; i < rules.Count; i++) Assert.Same(rules[i].Entry, types[i]);
        foreach (var type in types) Assert.Same(type, InterventionRegistry.Find(type.Id)!.Entry);
        Assert.Null(InterventionRegistry.Find("no-such-intervention"));
    }

    [Fact]
    public void Intervention_ids_and_catalogue_positions_are_unique()
    {
        var rules = InterventionRegistry.Rules;
        Assert.Equal(rules.Count, rules.Select(r => r.Entry.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(rules.Count, rules.Select(r => r.CatalogueOrder).Distinct().Count());
        Assert.Equal(rules.Select(r => r.CatalogueOrder).Order(), rules.Select(r => r.CatalogueOrder));
        Assert.All(rules, r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Entry.Id));
    }

    [Fact]
    public void Every_rule_parameter_has_a_unit_a_sound_range_and_a_tagged_source()
    {
        var wireNames = AssetKinds.All.Select(k => k.WireName).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in InterventionRegistry.Rules)
        {
            var entry = rule.Entry;
            Assert.False(string.IsNullOrWhiteSpace(rule.QuantityUnit), $"{entry.Id} names the unit of what it touched");
            Assert.NotEmpty(entry.Targets);
            Assert.All(entry.AssetKinds, k => Assert.Contains(k, wireNames));
            Assert.NotEmpty(entry.Parameters);
            Assert.Equal(entry.Parameters.Count, entry.Parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
            foreach (var p in entry.Parameters)
            {
                var name = $"{entry.Id}.{p.Name}";
                Assert.False(string.IsNullOrWhiteSpace(p.Unit), $"{name} has a unit");
                Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{name} is described");
                Assert.True(p.Min < p.Max, $"{name}: {p.Min} < {p.Max}");
                Assert.InRange(p.Default, p.Min, p.Max);
                if (p.WholeNumber)
                    Assert.All(new[] { p.Min, p.Max, p.Default }, v => Assert.Equal(Math.Floor(v), v));
                Assert.True(SourceTags.Any(p.Source.Contains), $"{name} tags its source: {p.Source}");
                Assert.DoesNotContain("model-facts", p.Source, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Every_rule_has_an_effect_direction_test()
    {
        Assert.Equal(InterventionRegistry.Rules.Select(r => r.Entry.Id).Order(StringComparer.Ordinal), Directions.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DirectionIds))]
    public void Each_intervention_moves_its_headline_KPI_the_expected_way(string id)
    {
        var direction = Directions[id];
        var gu = direction.Gu();
        var result = Runner.RunDistrict(direction.Definition(), gu);
        var scope = Assert.Single(result.Scopes);
        Assert.Equal(id, scope.Type);
        Assert.True(scope.Dongs > 0, $"{id} touches some dong of {gu}");
        var kpi = result.District.Total(direction.Kpi);
        Assert.True(kpi.Outcome == direction.Expected, $"{id}: {direction.Kpi} {kpi.Baseline} → {kpi.Scenario} is {kpi.Outcome}, expected {direction.Expected}");
    }

    [Fact]
    public void A_catalogue_entry_without_a_rule_cannot_run()
    {
        var orphan = new InterventionType("orphan", "Orphan", "An entry no rule implements.",
            [new InterventionParameter("sharePercent", "%", 10, 0, 100, "A share.", "[assumed] for the test")],
            [ScenarioTargetKind.City], ["streetlight"]);
        var engine = new ScenarioEngine(City, new InterventionCatalog([.. InterventionCatalog.Default.Types, orphan]));
        var definition = At(Local(2025, 7, 16, 18), 1, 60, Intervention("orphan", ScenarioTarget.City()));
        Assert.True(engine.Validate(definition).IsValid);
        var error = Assert.Throws<ArgumentException>(() => engine.RunDistrict(definition, Yeonsu));
        Assert.Contains("has no engine rule", error.Message);
    }

    [Fact]
    public void A_custom_catalogue_default_is_what_the_rule_applies()
    {
        // The rule reads its parameters through the catalogue the engine was given, so a deployment
        // that changes a default changes the result without touching the rule.
        var led = InterventionCatalog.Default.Find(InterventionIds.LedRetrofit)!;
        var halfShare = led with { Parameters = [.. led.Parameters.Select(p => p.Name == "sharePercent" ? p with { Default = 50 } : p)] };
        var custom = new ScenarioEngine(City, new InterventionCatalog([.. InterventionCatalog.Default.Types.Select(t => t.Id == led.Id ? halfShare : t)]));
        var byDefault = At(Local(2025, 7, 16, 18), 1, 60, Intervention(InterventionIds.LedRetrofit, ScenarioTarget.Gu(Yeonsu)));
        var explicitHalf = At(Local(2025, 7, 16, 18), 1, 60, Intervention(InterventionIds.LedRetrofit, ScenarioTarget.Gu(Yeonsu), ("sharePercent", 50)));

        var custom50 = custom.RunDistrict(byDefault, Yeonsu).Scopes[0].Quantity;
        Assert.Equal(Runner.RunDistrict(explicitHalf, Yeonsu).Scopes[0].Quantity, custom50);
        Assert.Equal(2 * custom50, Runner.RunDistrict(byDefault, Yeonsu).Scopes[0].Quantity, 6);
    }
}
