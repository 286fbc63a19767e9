using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.StreetlightDimming;

/// <summary>A nightly window of dimmed light output on the targeted circuits.</summary>
internal sealed class StreetlightDimmingRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.StreetlightDimming, "Adaptive streetlight dimming",
        "Dims lit streetlights for part of every night; LED power follows the light output.",
        [
            new("dimPercent", Percent, 50, 10, 90,
                "Cut in light output (and power) while dimmed.",
                "[INTL] EU E-Street project (2013): a 12 h night dimmed to 50 % for 6 h saves 25 % [derived]"),
            new("startHour", "h (local)", 23, 0, 23, "Local hour at which dimming starts.", "[assumed] after the evening traffic", WholeNumber: true),
            new("durationHours", "h", 6, 1, 12, "Hours dimmed each night.", "[INTL] EU E-Street project (2013) example: 6 h", WholeNumber: true),
            CapitalCost("lamp", 150_000, 2_000_000,
                "[estimate] a dimmable driver and a networked lamp controller, fitted to an existing LED lamp"),
            OperatingCost("lamp", 10_000, 200_000,
                "[estimate] the controllers' data link and central management"),
        ],
        AreasAndAssets, ["streetlight"]);

    public override int CatalogueOrder => 50;

    public override string QuantityUnit => "lamps dimmed";

    public override string CostUnit => "lamp";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var window = plan.AddDailyWindow(new HourWindow(
            intervention.Parameter("startHour"), intervention.Parameter("durationHours"), 1 - intervention.Parameter("dimPercent") / 100));
        var lights = plan.Lights;
        for (var j = 0; j < lights.Length; j++)
        {
            if (!intervention.Contains(lights[j].Asset)) continue;
            plan.ApplyWindowToLight(j, window);
            intervention.Assets++;
            intervention.TouchDong(lights[j].Dong);
            intervention.Add(lights[j].Dong, ((StreetlightSpec)plan.City.Assets[lights[j].Asset].Spec).Lamps);
        }
    }
}
