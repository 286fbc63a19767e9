using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Kpis;
using CityTwin.Scenarios.Results;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

/// <summary>
/// The grid balance (docs/models.md §16.1): a change in any end use reaches grid energy, peak load
/// and electricity CO2 exactly once, so the carbon account follows the energy account.
/// </summary>
public class EnergyBalanceTests
{
    private static readonly double Factor = Runner.Facts.GridTonnesCo2PerMwh;

    /// <summary>
    /// Each substation's load is rounded to 1 kW on the wire in both runs, so over the horizon the grid
    /// energy may differ from the end use's own by at most 1 kW × substations × hours.
    /// </summary>
    private static double RoundingMwh(double hours) =>
        0.001 * City.Assets.Count(a => a.Kind == AssetKind.Substation) * hours;

    [Fact]
    public void A_citywide_led_retrofit_cuts_grid_energy_and_electricity_co2_by_what_the_streetlights_save()
    {
        const double hours = 6;
        var city = Runner.Run(At(Local(2025, 8, 6, 0), hours, 10, Intervention(InterventionIds.LedRetrofit, ScenarioTarget.City()))).City;
        var lights = city.Total(ScenarioKpiIds.StreetlightEnergyMwh).Delta;
        var grid = city.Total(ScenarioKpiIds.GridEnergyMwh).Delta;
        var electricityCo2 = city.Total(ScenarioKpiIds.Co2ElectricityTonnes).Delta;

        Assert.True(lights < -10, $"the retrofit saves streetlight energy ({lights:0.0} MWh)");
        Assert.InRange(grid, lights - RoundingMwh(hours), lights + RoundingMwh(hours));
        Assert.Equal(grid * Factor, electricityCo2, 1e-9 * Math.Abs(electricityCo2));
        Assert.InRange(electricityCo2, (lights - RoundingMwh(hours)) * Factor, (lights + RoundingMwh(hours)) * Factor);
        // Road traffic does not change, so total CO2 moves by exactly the electricity part.
        Assert.Equal(electricityCo2, city.Total(ScenarioKpiIds.Co2Tonnes).Delta, 1e-9 * Math.Abs(electricityCo2));
        Assert.Equal(KpiOutcome.Better, city.Total(ScenarioKpiIds.PeakLoadMw).Outcome);
    }

    [Fact]
    public void Rooftop_solar_is_a_negative_load_in_grid_energy_and_electricity_co2()
    {
        const double hours = 6;
        var definition = At(Local(2025, 8, 6, 10), hours, 10, Intervention(InterventionIds.RooftopSolar, ScenarioTarget.City()));
        var city = Runner.Run(definition).City;
        var pv = ChannelDelta(city, ScenarioChannel.PvMw) * definition.Step.TotalHours;
        var grid = city.Total(ScenarioKpiIds.GridEnergyMwh).Delta;
        var electricityCo2 = city.Total(ScenarioKpiIds.Co2ElectricityTonnes).Delta;

        Assert.True(pv > 1, $"new panels produce ({pv:0.0} MWh)");
        Assert.InRange(grid, -pv - RoundingMwh(hours), -pv + RoundingMwh(hours));
        Assert.Equal(grid * Factor, electricityCo2, 1e-9 * Math.Abs(electricityCo2));
        Assert.InRange(electricityCo2, (-pv - RoundingMwh(hours)) * Factor, (-pv + RoundingMwh(hours)) * Factor);
    }

    [Fact]
    public void Streetlight_changes_in_a_dong_without_a_substation_still_reach_its_grid_energy()
    {
        // Every Incheon dong has a substation, so move those of one dong with streetlights to a
        // neighbour in the same gu (assets keep their index, which the live models rely on).
        var dong = City.Assets.First(a => a.Kind == AssetKind.StreetlightCircuit && a.GuCode == JungGu).DongCode;
        var neighbour = City.Dongs.First(d => d.GuCode == JungGu && d.Code != dong).Code;
        var assets = City.Assets.Select(a => a.Kind == AssetKind.Substation && a.DongCode == dong ? a with { DongCode = neighbour } : a).ToList();
        var city = new CityCatalog(City.Pack, City.Outline, City.Seed, City.Districts, City.Dongs, City.Sites,
            assets, [.. Enumerable.Range(0, assets.Count).Select(City.ShapeOf)]);
        var engine = new ScenarioEngine(city);
        var definition = At(Local(2025, 8, 6, 0), 3, 10, Intervention(InterventionIds.LedRetrofit, ScenarioTarget.City()));

        var result = engine.RunDistrict(definition, JungGu);
        var area = result.Dongs.Single(d => d.Code == dong);
        var lightsMw = ChannelDelta(area, ScenarioChannel.StreetlightKw) / 1000;
        Assert.Equal(0, area.Inventory.Substations);
        Assert.True(lightsMw < 0, "the retrofit saves energy in the dong");
        // No substation rounds it: the grid takes the lights' change exactly.
        Assert.Equal(lightsMw, ChannelDelta(area, ScenarioChannel.GridLoadMw), 1e-9);
        Assert.Contains(result.Notes, n => n.Contains("no substation", StringComparison.Ordinal));
    }

    private static double ChannelDelta(AreaResult area, ScenarioChannel channel)
    {
        var total = 0.0;
        for (var k = 0; k < area.Steps; k++) total += area.Scenario[channel, k] - area.Baseline[channel, k];
        return total;
    }
}
