using CityTwin.Scenarios.Catalog;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.RoadClosure;

/// <summary>
/// Closes road segments. The closed roads only get a flag and their rerouted share here; where
/// their traffic goes is planned once every intervention is in (<see cref="RoadDiversionPlanner"/>),
/// because a bus lane elsewhere in the definition changes the capacity of the receiving roads.
/// </summary>
internal sealed class RoadClosureRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.RoadClosure, "Road closure",
        "Closes road segments to vehicles; their traffic moves to the nearest open roads of the same dong in proportion to capacity ÷ distance.",
        [
            new("reroutedPercent", Percent, 100, 0, 100,
                "Share of the closed roads' traffic that reroutes; the rest of the trips are not made.",
                "[assumed] all trips still made; no Korean measurement of traffic evaporation was found"),
            CapitalCost("km", 30_000_000, 1_000_000_000,
                "[estimate] barriers, signs and signal changes for a closed street, of the order of 30 million won a km; no Korean unit cost was found"),
            OperatingCost("km", 2_000_000, 100_000_000,
                "[estimate] upkeep of the barriers and signs"),
        ],
        [ScenarioTargetKind.Assets, ScenarioTargetKind.Polygon], Roads);

    public override int CatalogueOrder => 10;

    public override string QuantityUnit => "km closed";

    public override string CostUnit => "km";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var rerouted = intervention.Parameter("reroutedPercent") / 100;
        var roads = plan.Roads;
        for (var j = 0; j < roads.Length; j++)
        {
            ref var r = ref roads[j];
            if (!intervention.Contains(r.Asset)) continue;
            r.Closed = true;
            r.Rerouted = Math.Max(r.Rerouted, rerouted);
            intervention.Assets++;
            intervention.TouchDong(r.Dong);
            intervention.Add(r.Dong, r.LengthKm);
        }
    }
}
