using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.SubstationCapacity;

/// <summary>New transformer capacity, shared over the targeted substations in proportion to their capacity.</summary>
internal sealed class SubstationCapacityRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.SubstationCapacity, "New substation capacity",
        "Adds transformer capacity to the target's substations, shared in proportion to their capacity.",
        [
            new("capacityMw", "MW", 60, 5, 480,
                "Capacity added (MVA taken as MW at unity power factor).",
                "[KR] Incheon's 154 kV Namdong, Dongchun and Obong substations are 240 MVA each (Incheon City, 2016) = 4 × 60 MVA transformers [derived]"),
            CapitalCost("MW", 400_000_000, 5_000_000_000,
                "[estimate] a 60 MVA 154 kV transformer bay with its switchgear for some 20–30 billion won, ≈400 million won per MW; KEPCO's costs were not found"),
            OperatingCost("MW", 4_000_000, 100_000_000,
                "[estimate] about 1 % of the capital cost a year"),
        ],
        [ScenarioTargetKind.Gu, ScenarioTargetKind.Dong, ScenarioTargetKind.Polygon, ScenarioTargetKind.Assets], ["substation"]);

    public override int CatalogueOrder => 110;

    public override string QuantityUnit => "MW added";

    public override string CostUnit => "MW";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        // Shared over the whole target, which may span districts: the denominator is city-wide
        // so every district run gives its substations the same share.
        var city = plan.City;
        var targetCapacity = city.Assets
            .Where(a => a.Spec is SubstationSpec && intervention.Target.Contains(a))
            .Sum(a => ((SubstationSpec)a.Spec).CapacityMw);
        if (targetCapacity <= 0) return;
        var capacity = intervention.Parameter("capacityMw");
        var substations = plan.Substations;
        for (var j = 0; j < substations.Length; j++)
        {
            ref var s = ref substations[j];
            if (!intervention.Contains(s.Asset)) continue;
            var added = capacity * ((SubstationSpec)city.Assets[s.Asset].Spec).CapacityMw / targetCapacity;
            s.ExtraCapacityMw += added;
            intervention.Add(s.Dong, added);
            intervention.Assets++;
            intervention.TouchDong(s.Dong);
        }
    }
}
