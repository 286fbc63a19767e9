using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Kpis;
using CityTwin.Web.Scenarios;

namespace CityTwin.Web.Tests;

/// <summary>
/// The conditions a planner gets without touching a parameter must exercise the interventions they
/// pair with in the default city: a storm that floods nothing makes every drainage measure look useless.
/// </summary>
public sealed class ScenarioConditionDefaultsTests
{
    private static readonly Lazy<ScenarioEngine> Engine = new(() => new ScenarioEngine(CityPackLoader.Load(CityPackLocator.Find("incheon"))));

    private static double Default(string condition, string parameter) =>
        ConditionCatalog.Find(condition)!.Parameters.Single(p => p.Name == parameter).Default;

    private static ScenarioDefinition Day(DateOnly date, double horizonHours, ScenarioConditions conditions, params ScenarioIntervention[] interventions) =>
        new("defaults", null, ScenarioStart.BaselineDay(date), TimeSpan.FromHours(horizonHours), TimeSpan.FromMinutes(10), 20240624, conditions, interventions);

    [Fact]
    public void The_default_storm_makes_flood_sensors_alarm_and_green_roofs_reduce_the_alarms()
    {
        var storm = new HeavyRainCondition(
            Default(ConditionCatalog.HeavyRain, "startHours"),
            Default(ConditionCatalog.HeavyRain, "durationHours"),
            Default(ConditionCatalog.HeavyRain, "rainMmH"));
        // Long enough for the ponds to fill and drain after the rain stops.
        var hours = Math.Ceiling(storm.StartHours + storm.DurationHours + 3);
        var greenRoofs = new ScenarioIntervention(InterventionIds.GreenRoofs, null, ScenarioTarget.City());
        var city = Engine.Value.Run(Day(new DateOnly(2025, 9, 10), hours, new ScenarioConditions(HeavyRain: storm), greenRoofs)).City;

        var alarms = city.Total(ScenarioKpiIds.FloodAlarmHours);
        Assert.True(alarms.Baseline > 0, $"{storm.RainMmH} mm/h for {storm.DurationHours} h floods no low point");
        Assert.Equal(KpiOutcome.Better, alarms.Outcome);
    }

    [Fact]
    public void The_default_heatwave_overloads_substations_on_a_summer_day()
    {
        var heat = new HeatwaveCondition(
            Default(ConditionCatalog.Heatwave, "startHours"),
            Default(ConditionCatalog.Heatwave, "durationHours"),
            Default(ConditionCatalog.Heatwave, "peakC"));
        var city = Engine.Value.Run(Day(new DateOnly(2025, 8, 6), Math.Ceiling(heat.StartHours + heat.DurationHours), new ScenarioConditions(Heatwave: heat))).City;
        Assert.True(city.Total(ScenarioKpiIds.SubstationOverloadHours).Baseline > 0);
        Assert.True(city.Total(ScenarioKpiIds.HeatExposurePersonHours).Baseline > 0);
    }
}
