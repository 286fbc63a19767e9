using CityTwin.Abstractions.Assets;
using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.RooftopSolar;

/// <summary>
/// Panels on a share of the targeted buildings that have none: each chosen building gets the kWp
/// of its usable roof; the plan nets their output off its dong's substation load.
/// </summary>
internal sealed class RooftopSolarRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.RooftopSolar, "Rooftop solar",
        "Puts PV panels on a share of the mapped buildings that have none; their output is netted off the substation load.",
        [
            new("buildingSharePercent", Percent, 30, 0, 100,
                "Share of the target's buildings without panels that get them.",
                "[assumed] today about 15 % of mapped roofs carry PV (generator)"),
            new("usableRoofPercent", Percent, 50, 10, 90,
                "Share of each roof covered by panels (0.18 kWp per m² of panel).",
                "[assumed] the generator's sizing of today's rooftop PV; yield ≈1,300 kWh/kWp·yr [derived] from 3.54–3.79 h/day of Korean rooftop PV in 2021 (enlighten.kr)"),
            CapitalCost("kWp", 1_400_000, 10_000_000,
                "[estimate] Korean rooftop PV of 100 kW and more installed for about 1.2–1.6 million won per kW; no official figure was found"),
            OperatingCost("kWp", 20_000, 200_000,
                "[estimate] cleaning, inspection and an inverter reserve, about 1.5 % of the capital cost a year"),
        ],
        AreasAndAssets, ["building"]);

    public override int CatalogueOrder => 60;

    public override string QuantityUnit => "kWp added";

    public override string CostUnit => "kWp";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var share = intervention.Parameter("buildingSharePercent") / 100;
        var roof = intervention.Parameter("usableRoofPercent") / 100;
        var city = plan.City;
        var buildings = plan.Buildings;
        for (var j = 0; j < buildings.Length; j++)
        {
            ref var b = ref buildings[j];
            var asset = city.Assets[b.Asset];
            var spec = (BuildingSpec)asset.Spec;
            if (spec.PvKwp > 0 || !intervention.Target.Contains(asset)) continue;
            // The same buildings are chosen for the same share whatever the seed and the run:
            // a larger share adds buildings, it never swaps them.
            if (SelectionDraw(city.Seed, InterventionIds.RooftopSolar, asset.Id) >= share) continue;
            var kwp = spec.FootprintM2 * roof * plan.Facts.PvKwpPerM2;
            if (kwp <= b.AddedKwp) continue;
            if (b.AddedKwp == 0) intervention.Assets++;
            intervention.Add(b.Dong, kwp - b.AddedKwp);
            b.AddedKwp = kwp;
            intervention.TouchDong(b.Dong);
        }
        var withoutBuildings = plan.Dongs.Count(d => intervention.Target.ContainsDong(d) && !city.AssetsInDong(d.Code).Any(a => a.Kind == AssetKind.Building));
        if (withoutBuildings > 0)
            plan.AddNote($"{intervention.Type.Id} (intervention {intervention.Index}) in {plan.District.NameEn}: {withoutBuildings} dong(s) of the target have no mapped buildings, so no panels were added there.");
    }
}
