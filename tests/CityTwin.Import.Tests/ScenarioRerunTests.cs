using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.City;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Kpis;
using CityTwin.Testing;
using static CityTwin.Import.Tests.Importing;

namespace CityTwin.Import.Tests;

/// <summary>An Incheon scenario rerun on an imported city: targets by kind carry over, Incheon's areas are reported as missing.</summary>
public sealed class ScenarioRerunTests : IDisposable
{
    private const string Yeonsu = "28185";
    private const string Songdo1 = "2818563000";
    private readonly ImportFixtures _files = new();

    public void Dispose() => _files.Dispose();

    private static ScenarioDefinition IncheonDefinition() => new(
        "LED, solar and a Yeonsu-gu congestion charge", null,
        ScenarioStart.ForkLive(new DateTimeOffset(2025, 8, 6, 15, 0, 0, TimeSpan.FromHours(9))),
        TimeSpan.FromHours(6), TimeSpan.FromMinutes(15), 20240624, null,
        [
            new(InterventionIds.LedRetrofit, null, ScenarioTarget.City()),
            new(InterventionIds.CongestionCharge, null, ScenarioTarget.Gu(Yeonsu)),
            new(InterventionIds.RooftopSolar, null, ScenarioTarget.City()),
            new(InterventionIds.GreenRoofs, null, ScenarioTarget.Dong(Songdo1)),
            new(InterventionIds.StreetlightDimming, null, ScenarioTarget.InPolygon([new(126.69, 37.44), new(126.72, 37.44), new(126.72, 37.47)])),
        ]);

    [Fact]
    public void An_incheon_definition_is_valid_in_incheon()
    {
        var incheon = CityPackLoader.Load(Template);
        var retargeted = ScenarioRetargeter.Retarget(IncheonDefinition(), incheon);
        Assert.Empty(retargeted.Dropped);
        Assert.Equal(5, retargeted.Definition.Interventions!.Count);
    }

    [Fact]
    public void An_incheon_scenario_runs_to_completion_on_an_imported_city_and_reports_the_areas_it_lacks()
    {
        var gu = _files.WriteShapefileZip("gu.zip", "gu", ImportFixtures.GuFeatures(), 5186);
        var dong = _files.WriteGeoPackage("dong.gpkg", "dong", ImportFixtures.DongFeatures(withParent: false), 32652);
        var (_, city, _) = ImportAndLoad(_files, Request(gu, dong));

        var retargeted = ScenarioRetargeter.Retarget(IncheonDefinition(), city);

        Assert.Equal([InterventionIds.LedRetrofit, InterventionIds.RooftopSolar], retargeted.Definition.Interventions!.Select(i => i.Type));
        Assert.Collection(retargeted.Dropped,
            d => Assert.Equal((1, InterventionIds.CongestionCharge, $"unknown gu '{Yeonsu}'"), (d.Index, d.Type, d.Reason)),
            d => Assert.Equal((3, InterventionIds.GreenRoofs, $"unknown dong '{Songdo1}'"), (d.Index, d.Type, d.Reason)),
            d => Assert.Equal((4, InterventionIds.StreetlightDimming, "the polygon lies outside Harbourton"), (d.Index, d.Type, d.Reason)));

        var engine = new ScenarioEngine(city);
        var steps = 0;
        var result = engine.Run(retargeted.Definition, new Progress<int>(n => steps = Math.Max(steps, n)));

        Assert.Equal(city.Districts.Select(d => d.Code).Order(), result.Districts.Select(d => d.Code).Order());
        // City-wide LED retrofit and rooftop solar change the imported city's electricity use.
        var electricity = result.City.Total(ScenarioKpiIds.GridEnergyMwh);
        Assert.True(electricity.Scenario < electricity.Baseline, $"scenario {electricity.Scenario} MWh, baseline {electricity.Baseline} MWh");
    }
}
