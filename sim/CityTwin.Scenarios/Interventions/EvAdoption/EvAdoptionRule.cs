using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.EvAdoption;

/// <summary>
/// Sets the electric share of the fleet in the targeted dongs. The plan turns the shares into EVs
/// added, charging load and exhaust factors per dong; the EVs added are reported once all are known.
/// </summary>
internal sealed class EvAdoptionRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.EvAdoption, "EV adoption",
        "Raises the electric share of the vehicle fleet: exhaust CO2 and NO2 fall with the combustion vehicle-km, charging adds load (mostly overnight).",
        [
            new("evSharePercent", Percent, 20, 0, 100,
                "Electric share of the vehicle fleet in the target (today ≈2.3 %).",
                "[KR] 40,397 EVs of 1,730,839 vehicles in Incheon at end-2023 (MOLIT)"),
        ],
        Areas, []);

    public override int CatalogueOrder => 70;

    public override string QuantityUnit => "EVs added";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var share = intervention.Parameter("evSharePercent") / 100;
        for (var d = 0; d < plan.Dongs.Length; d++)
        {
            if (!intervention.Target.ContainsDong(plan.Dongs[d])) continue;
            plan.EvShare[d] = share;
            intervention.TouchDong(d);
        }
    }

    /// <summary>
    /// The EVs added over the whole district, after every EV adoption of the definition: where two
    /// overlap the later share holds, so neither one's own count would be right.
    /// </summary>
    internal override void Complete(InterventionApplication intervention, DistrictPlanBuilder plan) =>
        intervention.Quantity = plan.EvAddedTotal;
}
