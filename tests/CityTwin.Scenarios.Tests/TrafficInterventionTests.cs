using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Kpis;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

/// <summary>Road closures, bus lanes and congestion charges move traffic, travel time and emissions the expected way.</summary>
public class TrafficInterventionTests
{
    /// <summary>Wednesday 16 July 2025, 17:30: the weekday evening peak.</summary>
    private static readonly DateTimeOffset Peak = Local(2025, 7, 16, 17, 30);

    [Fact]
    public void Closing_a_road_raises_travel_time_on_the_roads_that_take_its_traffic()
    {
        var probe = Runner.Snapshot(At(Peak, 1, 60), Yeonsu, Peak);
        var busiest = probe.Assets
            .Where(a => a.Kind == "road" && City.FindAsset(a.AssetId)!.Spec is RoadSpec { Class: RoadClass.Primary or RoadClass.Secondary })
            .OrderByDescending(a => a.Baseline[0])
            .First();
        var definition = At(Peak, 1, 60, Intervention(InterventionIds.RoadClosure, ScenarioTarget.Assets([busiest.AssetId])));

        var district = Runner.RunDistrict(definition, Yeonsu);
        var diversion = Assert.Single(district.Diversions);
        Assert.Equal(busiest.AssetId, diversion.ClosedAssetId);
        Assert.Equal(6, diversion.Receivers.Count);
        Assert.Equal(1.0, diversion.Receivers.Sum(r => r.Share), 9);
        var closedDong = City.FindAsset(busiest.AssetId)!.DongCode;
        Assert.All(diversion.Receivers, r => Assert.Equal(closedDong, City.FindAsset(r.AssetId)!.DongCode));

        var snapshot = Runner.Snapshot(definition, Yeonsu, Peak);
        var closed = snapshot.Find(busiest.AssetId)!;
        Assert.True(closed.Closed);
        Assert.Empty(closed.Scenario);
        double baseHours = 0, scenarioHours = 0;
        foreach (var r in diversion.Receivers)
        {
            var a = snapshot.Find(r.AssetId)!;
            Assert.True(a.Scenario[0] > a.Baseline[0], $"{r.AssetId} takes traffic");
            Assert.True(a.Scenario[1] <= a.Baseline[1], $"{r.AssetId} is not faster");
            var lengthKm = ((RoadSpec)City.FindAsset(r.AssetId)!.Spec).LengthM / 1000;
            baseHours += lengthKm / a.Baseline[1];
            scenarioHours += lengthKm / a.Scenario[1];
        }
        Assert.True(scenarioHours > baseHours, $"travel time over the receiving roads {baseHours * 3600:0.0} s → {scenarioHours * 3600:0.0} s");

        var receivers = diversion.Receivers.Select(r => r.AssetId).Append(busiest.AssetId).ToHashSet();
        Assert.All(snapshot.Assets.Where(a => a.Kind is "road" or "traffic" && !receivers.Contains(a.AssetId)),
            a => Assert.Equal(a.Baseline, a.Scenario));
    }

    [Fact]
    public void A_closed_road_whose_trips_are_not_rerouted_takes_its_vehicle_km_off_the_dong()
    {
        var road = AssetsOf(Yeonsu, AssetKind.RoadSegment).Where(IsVehicleRoad)
            .OrderByDescending(a => ((RoadSpec)a.Spec).CapacityVph * ((RoadSpec)a.Spec).LengthM).First();
        var definition = At(Peak, 2, 30, Intervention(InterventionIds.RoadClosure, ScenarioTarget.Assets([road.Id]), ("reroutedPercent", 0)));
        var district = Runner.RunDistrict(definition, Yeonsu);

        Assert.Empty(Assert.Single(district.Diversions).Receivers);
        var dong = district.Dongs.Single(d => d.Code == road.DongCode);
        var (baseVkm, scenarioVkm) = dong.Totals(ScenarioKpiIds.VehicleKm);
        Assert.True(scenarioVkm < baseVkm);
        Assert.All(district.Dongs.Where(d => d.Code != road.DongCode), d => Assert.True(d.Scenario.SameAs(d.Baseline)));
    }

    [Fact]
    public void A_congestion_charge_cuts_traffic_and_PM25_in_the_zone_only()
    {
        var definition = At(Local(2025, 7, 16, 7), 4, 10,
            Intervention(InterventionIds.CongestionCharge, ScenarioTarget.Gu(Yeonsu), ("demandReductionPercent", 20)));
        var zone = Runner.RunDistrict(definition, Yeonsu);
        var outside = Runner.RunDistrict(definition, Namdong);

        foreach (var dong in zone.Dongs)
        {
            Assert.True(dong.Total(ScenarioKpiIds.VehicleKm).Outcome == KpiOutcome.Better, $"vehicle-km in {dong.Code}");
            Assert.True(dong.Total(ScenarioKpiIds.Pm25Mean).Outcome == KpiOutcome.Better, $"PM2.5 in {dong.Code}");
            Assert.True(dong.Total(ScenarioKpiIds.No2Mean).Outcome == KpiOutcome.Better, $"NO2 in {dong.Code}");
            Assert.True(dong.Total(ScenarioKpiIds.Co2TrafficTonnes).Outcome == KpiOutcome.Better, $"traffic CO2 in {dong.Code}");
        }
        // Every road of the gu carries 20 % less, so its vehicle-km fall 20 % (to the 0.1 veh/h rounding of flows).
        Assert.InRange(zone.District.Total(ScenarioKpiIds.VehicleKm).DeltaPercent!.Value, -20.1, -19.9);
        Assert.NotEqual(KpiOutcome.Worse, zone.District.Total(ScenarioKpiIds.CongestionHours).Outcome);
        Assert.True(zone.District.Totals(ScenarioKpiIds.TravelTimeIndex).Scenario < zone.District.Totals(ScenarioKpiIds.TravelTimeIndex).Baseline);
        Assert.True(outside.District.Scenario.SameAs(outside.District.Baseline));
    }

    [Fact]
    public void A_bus_lane_that_takes_a_lane_slows_the_corridor_and_cuts_car_emissions()
    {
        var corridor = Corridor();
        var definition = At(Local(2025, 7, 16, 17), 2, 10, Intervention(InterventionIds.BusLane, ScenarioTarget.Assets(corridor)));
        var snapshot = Runner.Snapshot(definition, Yeonsu, Peak);
        double baseHours = 0, scenarioHours = 0;
        foreach (var id in corridor)
        {
            var a = snapshot.Find(id)!;
            Assert.True(a.Scenario[2] > a.Baseline[2], $"v/c of {id} rises with a lane fewer");
            var lengthKm = ((RoadSpec)City.FindAsset(id)!.Spec).LengthM / 1000;
            baseHours += lengthKm / a.Baseline[1];
            scenarioHours += lengthKm / a.Scenario[1];
        }
        Assert.True(scenarioHours > baseHours, "car travel time along the corridor rises");

        var district = Runner.RunDistrict(definition, Yeonsu);
        Assert.Equal(KpiOutcome.Better, district.District.Total(ScenarioKpiIds.Co2TrafficTonnes).Outcome);
        Assert.Equal(KpiOutcome.Better, district.District.Total(ScenarioKpiIds.VehicleKm).Outcome);
        Assert.Equal(KpiOutcome.Worse, district.District.Total(ScenarioKpiIds.TravelTimeIndex).Outcome);
    }

    [Fact]
    public void Bus_priority_without_losing_a_lane_speeds_the_corridor_up()
    {
        var corridor = Corridor();
        var definition = At(Local(2025, 7, 16, 17), 2, 10,
            Intervention(InterventionIds.BusLane, ScenarioTarget.Assets(corridor), ("lanesConverted", 0), ("carTripsShiftedPercent", 10)));
        var snapshot = Runner.Snapshot(definition, Yeonsu, Peak);
        foreach (var id in corridor)
        {
            var a = snapshot.Find(id)!;
            Assert.True(a.Scenario[0] < a.Baseline[0], $"fewer cars on {id}");
            Assert.True(a.Scenario[1] >= a.Baseline[1], $"{id} is not slower");
        }
        var district = Runner.RunDistrict(definition, Yeonsu);
        Assert.Equal(KpiOutcome.Better, district.District.Total(ScenarioKpiIds.TravelTimeIndex).Outcome);
        Assert.Equal(KpiOutcome.Better, district.District.Total(ScenarioKpiIds.Co2TrafficTonnes).Outcome);
    }

    /// <summary>Songdo's primary roads with at least two lanes: the arterial a BRT would run on.</summary>
    private static string[] Corridor() =>
        [.. AssetsOf(Yeonsu, AssetKind.RoadSegment)
            .Where(a => a.Spec is RoadSpec { Class: RoadClass.Primary, Lanes: >= 2 })
            .Select(a => a.Id)];
}
