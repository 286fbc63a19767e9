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
        // The conditions are the weather of both runs, so their effect shows against a dry run.
        var storm = Runner.RunDistrict(StormDay(), Bupyeong).District;
        var dry = Runner.RunDistrict(At(Local(2025, 9, 10, 10), 6, 10), Bupyeong).District;
        Assert.True(storm.Totals(ScenarioKpiIds.FloodAlarmHours).Baseline > dry.Totals(ScenarioKpiIds.FloodAlarmHours).Baseline);
        Assert.True(storm.Totals(ScenarioKpiIds.FloodedPopulation).Baseline > 0);
        Assert.True(storm.Totals(ScenarioKpiIds.TravelTimeIndex).Baseline > dry.Totals(ScenarioKpiIds.TravelTimeIndex).Baseline);
        Assert.True(storm.Totals(ScenarioKpiIds.Pm25Mean).Baseline < dry.Totals(ScenarioKpiIds.Pm25Mean).Baseline);
        Assert.True(storm.Totals(ScenarioKpiIds.RenewableSharePercent).Baseline <= dry.Totals(ScenarioKpiIds.RenewableSharePercent).Baseline); // storm clouds
    }

    [Theory]
    [InlineData(InterventionIds.GreenRoofs)]
    [InlineData(InterventionIds.PermeablePaving)]
    public void Green_roofs_and_permeable_paving_cut_flood_alarm_hours_under_heavy_rain(string type)
    {
        var definition = StormDay(Intervention(type, ScenarioTarget.City(), ("areaSharePercent", 50)));
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
        var normal = At(Local(2025, 8, 6, 0), 24, 30);
        var hot = Runner.RunDistrict(normal with { Conditions = new ScenarioConditions(Heatwave: new HeatwaveCondition(0, 24, 5)) }, Bupyeong).District;
        var area = Runner.RunDistrict(normal, Bupyeong).District;
        Assert.True(hot.Totals(ScenarioKpiIds.PeakLoadMw).Baseline > area.Totals(ScenarioKpiIds.PeakLoadMw).Baseline);
        Assert.True(hot.Totals(ScenarioKpiIds.GridEnergyMwh).Baseline > area.Totals(ScenarioKpiIds.GridEnergyMwh).Baseline);
        var heat = (Normal: area.Totals(ScenarioKpiIds.HeatExposurePersonHours).Baseline, Hot: hot.Totals(ScenarioKpiIds.HeatExposurePersonHours).Baseline);
        Assert.True(heat.Hot > heat.Normal, $"heat exposure {heat.Normal:0} → {heat.Hot:0} person-h");
    }

    [Fact]
    public void A_warmer_summer_and_a_colder_winter_both_raise_electricity_use()
    {
        var summer = At(Local(2025, 7, 16, 0), 24, 60);
        var winter = At(Local(2025, 1, 15, 0), 24, 60);
        Assert.True(GridEnergy(summer with { Conditions = new ScenarioConditions([new TemperatureOffsetPoint(0, 3)]) }) > GridEnergy(summer));
        Assert.True(GridEnergy(winter with { Conditions = new ScenarioConditions([new TemperatureOffsetPoint(0, -5)]) }) > GridEnergy(winter));

        static double GridEnergy(ScenarioDefinition definition) =>
            Runner.RunDistrict(definition, JungGu).District.Totals(ScenarioKpiIds.GridEnergyMwh).Baseline;
    }

    [Theory]
    [InlineData(ScenarioStartKind.BaselineDay)]
    [InlineData(ScenarioStartKind.ForkLive)]
    public void Conditions_without_interventions_change_no_kpi_whatever_the_start(ScenarioStartKind kind)
    {
        var conditions = new ScenarioConditions([new TemperatureOffsetPoint(0, 2)], new HeatwaveCondition(0, 12, 6), new HeavyRainCondition(1, 3, 120));
        var area = Runner.RunDistrict(StartingAs(kind, conditions), Bupyeong).District;
        Assert.True(area.Scenario.SameAs(area.Baseline));
        foreach (var kpi in ScenarioKpiCatalog.Default.Kpis)
        {
            var total = area.Total(kpi.Id);
            Assert.True(total.Delta == 0, $"{kpi.Id}: {total.Baseline} → {total.Scenario}");
            Assert.Equal(KpiOutcome.Unchanged, total.Outcome);
        }
    }

    [Theory]
    [InlineData(ScenarioStartKind.BaselineDay)]
    [InlineData(ScenarioStartKind.ForkLive)]
    public void The_conditions_reach_the_baseline_whatever_the_start(ScenarioStartKind kind)
    {
        var storm = Runner.RunDistrict(StartingAs(kind, new ScenarioConditions(HeavyRain: new HeavyRainCondition(1, 3, 120))), Bupyeong).District;
        var dry = Runner.RunDistrict(StartingAs(kind, null), Bupyeong).District;
        Assert.True(storm.Totals(ScenarioKpiIds.FloodAlarmHours).Baseline > dry.Totals(ScenarioKpiIds.FloodAlarmHours).Baseline,
            $"flood-alarm hours: dry {dry.Totals(ScenarioKpiIds.FloodAlarmHours).Baseline}, storm {storm.Totals(ScenarioKpiIds.FloodAlarmHours).Baseline}");
    }

    [Theory]
    [InlineData(ScenarioStartKind.BaselineDay)]
    [InlineData(ScenarioStartKind.ForkLive)]
    public void Under_a_storm_green_roofs_only_ever_reduce_flooding_whatever_the_start(ScenarioStartKind kind)
    {
        var storm = new ScenarioConditions(HeavyRain: new HeavyRainCondition(1, 3, 120));
        var definition = StartingAs(kind, storm) with { Interventions = [Intervention(InterventionIds.GreenRoofs, ScenarioTarget.City())] };
        var area = Runner.RunDistrict(definition, Bupyeong).District;
        Assert.True(area.Totals(ScenarioKpiIds.FloodAlarmHours).Baseline > 0, "the storm is in the baseline");
        Assert.True(area.Total(ScenarioKpiIds.FloodAlarmHours).Delta <= 0);
        Assert.True(area.Total(ScenarioKpiIds.FloodedPopulation).Delta <= 0);
    }

    /// <summary>Six hours from 10:00 on 10 Sep 2025 at 10-min steps, started either way.</summary>
    private static ScenarioDefinition StartingAs(ScenarioStartKind kind, ScenarioConditions? conditions)
    {
        var fork = At(Local(2025, 9, 10, 10), 6, 10) with { Conditions = conditions };
        // A baseline day starts at local midnight, so its storm comes at the same hour of the day as the fork's.
        return kind == ScenarioStartKind.ForkLive ? fork : fork with
        {
            Start = ScenarioStart.BaselineDay(new DateOnly(2025, 9, 10)),
            Horizon = TimeSpan.FromHours(16),
            Conditions = conditions is null ? null : Shifted(conditions, 10),
        };
    }

    private static ScenarioConditions Shifted(ScenarioConditions c, double hours) => new(
        c.TemperatureOffsets?.Select(p => p with { AtHours = p.AtHours + hours }).ToList(),
        c.Heatwave is { } h ? h with { StartHours = h.StartHours + hours } : null,
        c.HeavyRain is { } r ? r with { StartHours = r.StartHours + hours } : null);
}
