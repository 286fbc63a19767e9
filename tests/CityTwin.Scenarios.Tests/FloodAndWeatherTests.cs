using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Kpis;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

/// <summary>Conditions (heat, offsets, storms) and the interventions against flooding.</summary>
public class FloodAndWeatherTests
{
    /// <summary>80 mm/h for three hours from the first hour: above Incheon's 77–90 mm/h design storms (2015 sewer plan; 1-h target 85 → 90 mm).</summary>
    private static readonly ScenarioConditions Storm = new(HeavyRain: new HeavyRainCondition(1, 3, 80));

    private static ScenarioDefinition StormDay(params ScenarioIntervention[] interventions) =>
        At(Local(2025, 9, 10, 10), 6, 10, interventions) with { Conditions = Storm };

    [Fact]
    public void Heavy_rain_raises_flood_alarms_and_slows_traffic_and_washes_out_particles()
    {
        var area = Runner.RunDistrict(StormDay(), Bupyeong).District;
        Assert.True(area.Totals(ScenarioKpiIds.FloodAlarmHours).Scenario > area.Totals(ScenarioKpiIds.FloodAlarmHours).Baseline);
        Assert.True(area.Totals(ScenarioKpiIds.FloodedPopulation).Scenario > 0);
        Assert.Equal(KpiOutcome.Worse, area.Total(ScenarioKpiIds.TravelTimeIndex).Outcome);
        Assert.Equal(KpiOutcome.Better, area.Total(ScenarioKpiIds.Pm25Mean).Outcome);
        Assert.NotEqual(KpiOutcome.Better, area.Total(ScenarioKpiIds.RenewableSharePercent).Outcome); // storm clouds
    }

    [Theory]
    [InlineData(InterventionIds.GreenRoofs)]
    [InlineData(InterventionIds.PermeablePaving)]
    public void Green_roofs_and_permeable_paving_cut_flood_alarm_hours_under_heavy_rain(string type)
    {
        var definition = StormDay(Intervention(type, ScenarioTarget.City(), ("areaSharePercent", 50))) with { ConditionsInBaseline = true };
        var area = Runner.RunDistrict(definition, Bupyeong).District;
        var alarms = area.Total(ScenarioKpiIds.FloodAlarmHours);
        Assert.True(alarms.Baseline > 0, "the storm floods low points");
        Assert.Equal(KpiOutcome.Better, alarms.Outcome);
        Assert.NotEqual(KpiOutcome.Worse, area.Total(ScenarioKpiIds.FloodedPopulation).Outcome);
        Assert.Equal(KpiOutcome.Unchanged, area.Total(ScenarioKpiIds.TravelTimeIndex).Outcome);
    }

    [Fact]
    public void A_heatwave_raises_peak_load_and_heat_exposure()
    {
        var definition = At(Local(2025, 8, 6, 0), 24, 30) with { Conditions = new ScenarioConditions(Heatwave: new HeatwaveCondition(0, 24, 5)) };
        var area = Runner.RunDistrict(definition, Bupyeong).District;
        Assert.Equal(KpiOutcome.Worse, area.Total(ScenarioKpiIds.PeakLoadMw).Outcome);
        Assert.Equal(KpiOutcome.Worse, area.Total(ScenarioKpiIds.GridEnergyMwh).Outcome);
        var heat = area.Total(ScenarioKpiIds.HeatExposurePersonHours);
        Assert.True(heat.Scenario > heat.Baseline, $"heat exposure {heat.Baseline:0} → {heat.Scenario:0} person-h");
    }

    [Fact]
    public void A_warmer_summer_and_a_colder_winter_both_raise_electricity_use()
    {
        var summer = At(Local(2025, 7, 16, 0), 24, 60) with { Conditions = new ScenarioConditions([new TemperatureOffsetPoint(0, 3)]) };
        var winter = At(Local(2025, 1, 15, 0), 24, 60) with { Conditions = new ScenarioConditions([new TemperatureOffsetPoint(0, -5)]) };
        Assert.Equal(KpiOutcome.Worse, Runner.RunDistrict(summer, JungGu).District.Total(ScenarioKpiIds.GridEnergyMwh).Outcome);
        Assert.Equal(KpiOutcome.Worse, Runner.RunDistrict(winter, JungGu).District.Total(ScenarioKpiIds.GridEnergyMwh).Outcome);
    }

    [Fact]
    public void Conditions_in_the_baseline_leave_only_the_interventions_in_the_difference()
    {
        var definition = StormDay() with { ConditionsInBaseline = true };
        var area = Runner.RunDistrict(definition, Bupyeong).District;
        Assert.True(area.Scenario.SameAs(area.Baseline));
    }
}
