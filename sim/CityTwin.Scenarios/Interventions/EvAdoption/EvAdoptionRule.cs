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
            new("evsPerCharger", "EVs", 2, 1, 20,
                "EVs added per public charger installed (the chargers are what the city pays for; the vehicles are bought by their owners).",
                "[estimate] about two EVs per charger, the order of Korea's ratio as reported in the press; not checked against a source at hand"),
            CapitalCost("charger", 7_000_000, 100_000_000,
                "[estimate] nine 7 kW chargers at about 2 million won installed for every 100 kW charger at about 50 million won ≈ 7 million won a charger"),
            OperatingCost("charger", 300_000, 10_000_000,
                "[estimate] maintenance and network fees; the electricity is counted in the grid energy"),
        ],
        Areas, []);

    public override int CatalogueOrder => 70;

    public override string QuantityUnit => "EVs added";

    public override string CostUnit => "charger";

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
    internal override void Complete(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        intervention.Quantity = plan.EvAddedTotal;
        // Chargers follow the EVs added where this intervention set the share (a fleet that shrinks
        // its EV share buys no chargers and sells none).
        var perCharger = intervention.Parameter("evsPerCharger");
        intervention.ClearCostUnits();
        for (var d = 0; d < plan.Dongs.Length; d++)
            if (intervention.Target.ContainsDong(plan.Dongs[d]) && plan.EvAddedVehicles[d] > 0)
                intervention.AddCostUnits(d, plan.EvAddedVehicles[d] / perCharger);
    }
}
