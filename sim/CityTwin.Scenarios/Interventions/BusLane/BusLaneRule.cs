using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.BusLane;

/// <summary>
/// A bus lane or BRT corridor: fewer cars on each corridor segment (a flow factor) and, where the
/// segment has lanes to spare, one general lane fewer (a capacity factor).
/// </summary>
internal sealed class BusLaneRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.BusLane, "Bus lane / BRT corridor",
        "Gives a general lane of each corridor segment to buses and shifts a share of car trips on the corridor to the bus.",
        [
            new("carTripsShiftedPercent", Percent, 3, 0, 30,
                "Share of the corridor's car traffic that moves to the bus.",
                "[assumed] Seoul's median bus lanes raised bus ridership 2.7 % (5.6 → 5.75 M/day) (Choi et al., VTI/ERPUG); no Korean measurement of the car-traffic cut was found"),
            new("lanesConverted", "lanes", 1, 0, 2,
                "General lanes per segment given to buses; a segment with no more lanes than this keeps its lanes (buses run in mixed traffic).",
                "[assumed] one lane, as on Seoul's median bus corridors", WholeNumber: true),
            CapitalCost("km", 1_500_000_000, 30_000_000_000,
                "[estimate] markings, signals, median stops and shelters of a median bus lane, of the order of 1–2 billion won a km; no Korean unit cost was found"),
            OperatingCost("km", 50_000_000, 1_000_000_000,
                "[estimate] enforcement cameras, cleaning and upkeep of the stops"),
        ],
        [ScenarioTargetKind.Assets, ScenarioTargetKind.Polygon], Roads);

    public override int CatalogueOrder => 20;

    public override string QuantityUnit => "km of corridor";

    public override string CostUnit => "km";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var shift = intervention.Parameter("carTripsShiftedPercent") / 100;
        var lanes = (int)intervention.Parameter("lanesConverted");
        var tooNarrow = 0;
        var roads = plan.Roads;
        for (var j = 0; j < roads.Length; j++)
        {
            ref var r = ref roads[j];
            if (!intervention.Contains(r.Asset)) continue;
            r.FlowFactor *= 1 - shift;
            var spec = (RoadSpec)plan.City.Assets[r.Asset].Spec;
            if (lanes > 0 && spec.Lanes > lanes) r.CapacityFactor *= (double)(spec.Lanes - lanes) / spec.Lanes;
            else if (lanes > 0) tooNarrow++;
            intervention.Assets++;
            intervention.TouchDong(r.Dong);
            intervention.Add(r.Dong, r.LengthKm);
        }
        if (tooNarrow > 0)
            plan.AddNote($"{intervention.Type.Id} (intervention {intervention.Index}) in {plan.District.NameEn}: {tooNarrow} segments have no more than {lanes} lane(s); they keep their lanes and buses run in mixed traffic there.");
    }
}
