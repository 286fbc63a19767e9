using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Kpis;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

/// <summary>Rooftop solar, EVs, demand response and new substation capacity move the grid the expected way.</summary>
public class EnergyInterventionTests
{
    [Fact]
    public void Rooftop_solar_cuts_daytime_net_load_but_not_night_load()
    {
        // Wednesday 14 May 2025 from midnight, half-hour steps: step 4 is 02:00, step 24 is noon.
        var definition = At(Local(2025, 5, 14, 0), 24, 30, Intervention(InterventionIds.RooftopSolar, ScenarioTarget.City()));
        var district = Runner.RunDistrict(definition, Yeonsu);
        var load = district.District.Series(ScenarioKpiIds.PeakLoadMw);

        Assert.Equal(load.Baseline[4], load.Scenario[4]);
        Assert.True(load.Scenario[24] < load.Baseline[24] - 1, $"noon net load {load.Baseline[24]:0.0} → {load.Scenario[24]:0.0} MW");
        Assert.Equal(KpiOutcome.Better, district.District.Total(ScenarioKpiIds.RenewableSharePercent).Outcome);
        Assert.Equal(KpiOutcome.Better, district.District.Total(ScenarioKpiIds.Co2ElectricityTonnes).Outcome);
        var scope = Assert.Single(district.Scopes);
        Assert.True(scope.Quantity > 1000, $"{scope.Quantity:0} kWp added in Yeonsu-gu");
    }

    [Fact]
    public void A_larger_rooftop_share_adds_panels_to_more_buildings()
    {
        double Kwp(double share) => Runner.RunDistrict(
            At(Local(2025, 5, 14, 12), 1, 60, Intervention(InterventionIds.RooftopSolar, ScenarioTarget.Gu(Yeonsu), ("buildingSharePercent", share))),
            Yeonsu).Scopes[0].Quantity;

        var small = Kwp(10);
        var large = Kwp(40);
        Assert.True(small > 0);
        Assert.InRange(large / small, 3, 5);
    }

    [Fact]
    public void EV_adoption_cuts_traffic_CO2_and_NO2_but_raises_electricity_use()
    {
        var definition = At(Local(2025, 5, 14, 0), 24, 30, Intervention(InterventionIds.EvAdoption, ScenarioTarget.City(), ("evSharePercent", 30)));
        var area = Runner.RunDistrict(definition, Namdong).District;

        // Combustion vehicle-km fall from 97.7 % to 70 % of the fleet's.
        Assert.Equal((1 - 0.30) / (1 - Runner.Facts.CurrentEvShare) - 1, area.Total(ScenarioKpiIds.Co2TrafficTonnes).DeltaPercent!.Value / 100, 9);
        Assert.Equal(KpiOutcome.Better, area.Total(ScenarioKpiIds.No2Mean).Outcome);
        Assert.Equal(KpiOutcome.Worse, area.Total(ScenarioKpiIds.GridEnergyMwh).Outcome);
        Assert.Equal(KpiOutcome.Worse, area.Total(ScenarioKpiIds.Co2ElectricityTonnes).Outcome);
        // Tyres, brakes and road dust stay: PM2.5 does not change.
        Assert.Equal(KpiOutcome.Unchanged, area.Total(ScenarioKpiIds.Pm25Mean).Outcome);
        // Home charging is an overnight load: it adds more at 02:00 than at noon.
        var load = area.Series(ScenarioKpiIds.GridEnergyMwh);
        Assert.True(load.Scenario[4] - load.Baseline[4] > load.Scenario[24] - load.Baseline[24]);
    }

    [Fact]
    public void Demand_response_cuts_the_evening_peak_and_leaves_the_night_alone()
    {
        var definition = At(Local(2025, 8, 6, 0), 24, 15, Intervention(InterventionIds.DemandResponse, ScenarioTarget.City()));
        var area = Runner.RunDistrict(definition, Bupyeong).District;

        var peak = area.Total(ScenarioKpiIds.PeakLoadMw);
        Assert.Equal(KpiOutcome.Better, peak.Outcome);
        Assert.InRange(peak.DeltaPercent!.Value, -5.01, -0.5);
        var load = area.Series(ScenarioKpiIds.PeakLoadMw);
        Assert.Equal(load.Baseline[12], load.Scenario[12]); // 03:00
        Assert.InRange(load.Scenario[72] / load.Baseline[72], 0.9495, 0.9505); // 18:00, 5 % shed
    }

    [Fact]
    public void New_substation_capacity_cuts_overload_hours_in_a_heatwave()
    {
        // A 6 °C heatwave in both runs, so the difference is the capacity alone.
        var heat = new ScenarioConditions(Heatwave: new HeatwaveCondition(0, 24, 6));
        var probe = At(Local(2025, 8, 6, 0), 24, 30) with { Conditions = heat };
        var overloaded = City.Districts
            .Select(d => Runner.RunDistrict(probe, d.Code).District)
            .OrderByDescending(d => d.Totals(ScenarioKpiIds.SubstationOverloadHours).Baseline)
            .First();
        Assert.True(overloaded.Totals(ScenarioKpiIds.SubstationOverloadHours).Baseline > 0, "the heatwave overloads some substations");

        var definition = probe with
        {
            Interventions = [Intervention(InterventionIds.SubstationCapacity, ScenarioTarget.Gu(overloaded.Code), ("capacityMw", 480))],
        };
        var area = Runner.RunDistrict(definition, overloaded.Code).District;
        Assert.Equal(KpiOutcome.Better, area.Total(ScenarioKpiIds.SubstationOverloadHours).Outcome);
        Assert.Equal(KpiOutcome.Unchanged, area.Total(ScenarioKpiIds.PeakLoadMw).Outcome);
        Assert.Equal(480, Runner.RunDistrict(definition, overloaded.Code).Scopes[0].Quantity, 6);
    }

    [Fact]
    public void Capacity_added_across_districts_is_shared_once_over_the_whole_target()
    {
        var target = ScenarioTarget.Assets([.. AssetsOf(Yeonsu, Abstractions.Assets.AssetKind.Substation).Take(2).Select(a => a.Id),
            .. AssetsOf(Namdong, Abstractions.Assets.AssetKind.Substation).Take(3).Select(a => a.Id)]);
        var definition = At(Local(2025, 8, 6, 18), 1, 60, Intervention(InterventionIds.SubstationCapacity, target, ("capacityMw", 100)));
        var total = new[] { Yeonsu, Namdong }.Sum(gu => Runner.RunDistrict(definition, gu).Scopes[0].Quantity);
        Assert.Equal(100, total, 9);
    }
}
