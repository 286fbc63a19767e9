using CityTwin.Scenarios.Catalog;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.CongestionCharge;

/// <summary>A charged zone: every road in it carries the given share less traffic (a flow factor).</summary>
internal sealed class CongestionChargeRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.CongestionCharge, "Congestion charge zone",
        "Charges vehicles entering a zone: traffic on its roads falls by the given share, and with it local traffic PM2.5, NO2 and CO2.",
        [
            new("demandReductionPercent", Percent, 15, 0, 40,
                "Cut in vehicle traffic on the zone's roads.",
                "[INTL] London −15 % traffic in the zone in the first year (TfL annual report, 2004), Stockholm ≈ −20 % over the 2006 trial (Eliasson et al., Transp. Res. A 43(3), 2009); up to London's −36 % cars entering (TfL 4th monitoring report, 2006)"),
            CapitalCost("km", 200_000_000, 5_000_000_000,
                "[estimate] cameras at the cordon and a charging back office, spread over the zone's km of road; no Korean scheme to cost it against"),
            OperatingCost("km", 100_000_000, 5_000_000_000,
                "[estimate] collection and enforcement, spread the same way; the charge's revenue is not counted as a saving"),
        ],
        [ScenarioTargetKind.Polygon, ScenarioTargetKind.Gu, ScenarioTargetKind.Dong], Roads);

    public override int CatalogueOrder => 30;

    public override string QuantityUnit => "km of road in the zone";

    public override string CostUnit => "km";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var cut = intervention.Parameter("demandReductionPercent") / 100;
        var roads = plan.Roads;
        for (var j = 0; j < roads.Length; j++)
        {
            ref var r = ref roads[j];
            if (!intervention.Contains(r.Asset)) continue;
            r.FlowFactor *= 1 - cut;
            intervention.Assets++;
            intervention.TouchDong(r.Dong);
            intervention.Add(r.Dong, r.LengthKm);
        }
    }
}
