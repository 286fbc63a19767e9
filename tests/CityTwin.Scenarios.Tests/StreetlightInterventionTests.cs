using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Kpis;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

public class StreetlightInterventionTests
{
    /// <summary>A summer night, 18:00 to 06:00, ten-minute steps.</summary>
    private static readonly DateTimeOffset Evening = Local(2025, 7, 16, 18);

    [Fact]
    public void LED_retrofit_cuts_the_energy_of_the_converted_circuits_by_40_to_70_percent()
    {
        var sodium = AssetsOf(Yeonsu, AssetKind.StreetlightCircuit).Where(a => ((StreetlightSpec)a.Spec).LedShare == 0).ToList();
        Assert.NotEmpty(sodium);
        var definition = At(Evening, 12, 10, Intervention(InterventionIds.LedRetrofit, ScenarioTarget.Assets([.. sodium.Select(a => a.Id)])));

        var snapshot = Runner.Snapshot(definition, Yeonsu, Local(2025, 7, 16, 23));
        var converted = sodium.Select(a => a.Id).ToHashSet();
        foreach (var light in snapshot.Assets.Where(a => a.Kind == "streetlight"))
        {
            if (converted.Contains(light.AssetId)) Assert.InRange(light.Scenario[0] / light.Baseline[0], 0.30, 0.60);
            else Assert.Equal(light.Baseline[0], light.Scenario[0]);
        }

        // Over the night the gu saves 62.5 % of what its sodium circuits drew (every circuit is lit the same hours).
        var energy = Runner.RunDistrict(definition, Yeonsu).District.Total(ScenarioKpiIds.StreetlightEnergyMwh);
        var lights = AssetsOf(Yeonsu, AssetKind.StreetlightCircuit).ToList();
        var sodiumShare = sodium.Sum(a => ((StreetlightSpec)a.Spec).InstalledKw) / lights.Sum(a => ((StreetlightSpec)a.Spec).InstalledKw);
        Assert.Equal(-62.5 * sodiumShare, energy.DeltaPercent!.Value, 6);
        Assert.Equal(KpiOutcome.Better, energy.Outcome);
    }

    [Fact]
    public void A_citywide_retrofit_of_a_77_percent_LED_network_saves_less_than_converting_sodium_alone()
    {
        var definition = At(Evening, 12, 30, Intervention(InterventionIds.LedRetrofit, ScenarioTarget.City()));
        var energy = Runner.RunDistrict(definition, Namdong).District.Total(ScenarioKpiIds.StreetlightEnergyMwh);
        Assert.InRange(energy.DeltaPercent!.Value, -45, -10);
    }

    [Fact]
    public void Dimming_halves_the_power_in_its_hours_and_cuts_the_night_energy()
    {
        var definition = At(Evening, 12, 10, Intervention(InterventionIds.StreetlightDimming, ScenarioTarget.Gu(Yeonsu)));

        var dimmed = Runner.Snapshot(definition, Yeonsu, Local(2025, 7, 17, 1));
        var full = Runner.Snapshot(definition, Yeonsu, Local(2025, 7, 16, 21));
        foreach (var light in dimmed.Assets.Where(a => a.Kind == "streetlight"))
        {
            Assert.InRange(light.Scenario[0] - light.Baseline[0] / 2, -0.011, 0.011); // both rounded to 0.01 kW
            Assert.Equal(50, light.Scenario[1]);
        }
        Assert.All(full.Assets.Where(a => a.Kind == "streetlight"), l => Assert.Equal(l.Baseline, l.Scenario));

        // 6 of about 9 dark hours at half power: about a third saved.
        var energy = Runner.RunDistrict(definition, Yeonsu).District.Total(ScenarioKpiIds.StreetlightEnergyMwh);
        Assert.InRange(energy.DeltaPercent!.Value, -40, -25);
    }
}
