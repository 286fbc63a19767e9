using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.Telemetry;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Results;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

public class DeterminismTests
{
    /// <summary>A bit of everything, so every code path takes part.</summary>
    private static ScenarioDefinition Busy() =>
        At(Local(2025, 8, 6, 15), 6, 10,
            Intervention(InterventionIds.CongestionCharge, ScenarioTarget.Gu(Yeonsu)),
            Intervention(InterventionIds.RoadClosure, ScenarioTarget.Assets([AssetsOf(Yeonsu, Abstractions.Assets.AssetKind.RoadSegment).First(IsVehicleRoad).Id])),
            Intervention(InterventionIds.RooftopSolar, ScenarioTarget.City()),
            Intervention(InterventionIds.EvAdoption, ScenarioTarget.City()),
            Intervention(InterventionIds.DemandResponse, ScenarioTarget.City()),
            Intervention(InterventionIds.StreetlightDimming, ScenarioTarget.City()),
            Intervention(InterventionIds.GreenRoofs, ScenarioTarget.City()))
        with
        {
            Conditions = new ScenarioConditions([new TemperatureOffsetPoint(0, 1), new TemperatureOffsetPoint(6, 2)],
                new HeatwaveCondition(1, 4, 3), new HeavyRainCondition(2, 2, 70)),
        };

    [Fact]
    public void The_same_definition_gives_the_same_bits_twice()
    {
        var a = new ScenarioEngine(City).Run(Busy());
        var b = new ScenarioEngine(City).Run(Busy());
        Assert.True(a.City.Baseline.SameAs(b.City.Baseline));
        Assert.True(a.City.Scenario.SameAs(b.City.Scenario));
        Assert.All(a.Dongs.Zip(b.Dongs), p => Assert.True(p.First.Scenario.SameAs(p.Second.Scenario)));
    }

    [Fact]
    public async Task District_order_and_thread_count_do_not_change_a_bit()
    {
        var definition = Busy();
        var serial = new ScenarioEngine(City, options: new ScenarioEngineOptions { MaxDegreeOfParallelism = 1 });
        var forward = City.Districts.Select(d => serial.RunDistrict(definition, d.Code)).ToList();

        var parallel = new ScenarioEngine(City, options: new ScenarioEngineOptions { MaxDegreeOfParallelism = 4 });
        var reversed = City.Districts.Reverse()
            .Select(d => Task.Run(() => parallel.RunDistrict(definition, d.Code)))
            .ToArray();
        var done = await Task.WhenAll(reversed);

        var one = ScenarioCombiner.Combine("a", City, forward);
        var two = ScenarioCombiner.Combine("b", City, done);
        Assert.True(one.City.Baseline.SameAs(two.City.Baseline));
        Assert.True(one.City.Scenario.SameAs(two.City.Scenario));
        Assert.All(one.Districts.Zip(two.Districts), p => Assert.True(p.First.Scenario.SameAs(p.Second.Scenario), p.First.Code));
    }

    [Fact]
    public void A_scenario_without_conditions_or_interventions_is_its_baseline()
    {
        var result = Runner.RunDistrict(At(Local(2025, 3, 12, 6), 6, 15), Yeonsu);
        Assert.True(result.District.Scenario.SameAs(result.District.Baseline));
        Assert.All(result.District.Compare(), c => Assert.Equal(0, c.Delta));
    }

    [Fact]
    public void The_baseline_of_a_fork_reproduces_the_live_twin_at_that_instant()
    {
        var instant = Local(2025, 7, 16, 17, 30);
        var snapshot = Runner.Snapshot(At(instant, 1, 60), Yeonsu, instant);
        var live = new TelemetryGenerator(City, Seed, outageShare: 0);
        var conditions = live.ConditionsAt(instant);
        var readings = City.DongsOf(Yeonsu)
            .SelectMany(d => live.GenerateDong(d.Code, conditions).Readings)
            .ToDictionary(r => r.AssetId, r => r.Values);

        Assert.True(snapshot.Assets.Count > 5000);
        foreach (var a in snapshot.Assets)
            Assert.True(readings[a.AssetId].AsSpan().SequenceEqual(a.Baseline), $"{a.AssetId}: live {string.Join(",", readings[a.AssetId])} scenario baseline {string.Join(",", a.Baseline)}");
    }
}
