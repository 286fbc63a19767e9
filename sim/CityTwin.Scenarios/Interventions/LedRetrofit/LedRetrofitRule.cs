using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.LedRetrofit;

/// <summary>
/// Converts a share of the sodium lamps left on each targeted circuit to LED; the circuit's watt
/// factor is its new draw over its draw before the scenario (LED lamps already fitted are unchanged).
/// </summary>
internal sealed class LedRetrofitRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.LedRetrofit, "LED streetlight retrofit",
        "Replaces the remaining sodium streetlight lamps with LEDs that give the same light for fewer watts.",
        [
            new("sharePercent", Percent, 100, 0, 100,
                "Share of the target's sodium lamps replaced (lamps already LED are unchanged).",
                "[KR] Incheon plans all-LED by 2030; 77 % of road lights were LED in Jan 2023 (Incheon City, 2023)"),
            new("savingPercent", Percent, 62.5, 30, 80,
                "Power saved per replaced lamp.",
                "[KR] 400 W sodium → 150 W LED = −62.5 % [derived]; Incheon quotes ≈30 % on the bill (Incheon City, 2019); [INTL] retrofits save 40–60 % (MDPI Sensors 24(18):5942, 2024); Jeju 150 → 50 W"),
            CapitalCost("lamp", 600_000, 5_000_000,
                "[estimate] a 150 W LED road luminaire fitted in place of a 400 W sodium lantern: about 500 thousand won for the luminaire and 100 thousand for the crew; Incheon's contract prices were not found"),
            OperatingCost("lamp", 0, 200_000,
                "[assumed] an LED lamp costs no more to run than the sodium lamp it replaces; its lower maintenance is not counted"),
        ],
        AreasAndAssets, ["streetlight"]);

    public override int CatalogueOrder => 40;

    public override string QuantityUnit => "lamps converted";

    public override string CostUnit => "lamp";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var lights = plan.Lights;
        var sodium = plan.RuleState(() => new SodiumLamps(lights.Length));
        var share = intervention.Parameter("sharePercent");
        var saving = intervention.Parameter("savingPercent");
        for (var j = 0; j < lights.Length; j++)
        {
            if (!intervention.Contains(lights[j].Asset)) continue;
            var spec = (StreetlightSpec)plan.City.Assets[lights[j].Asset].Spec;
            if (spec.LedShare >= 1) continue;
            // Each retrofit converts a share of the sodium lamps still left.
            var converted = sodium.Left[j] * share / 100;
            sodium.Left[j] -= converted;
            sodium.Watts[j] -= converted * saving / 100;
            intervention.Add(lights[j].Dong, spec.Lamps * (1 - spec.LedShare) * converted);
            intervention.Assets++;
            intervention.TouchDong(lights[j].Dong);

            var before = spec.LedShare * spec.LedLampW + (1 - spec.LedShare) * spec.SodiumLampW;
            var after = spec.LedShare * spec.LedLampW + (1 - spec.LedShare) * spec.SodiumLampW * sodium.Watts[j];
            lights[j].WattFactor = before > 0 ? after / before : 1;
        }
    }
}
