using CityTwin.Model.Generation;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;

namespace CityTwin.Scenarios.Interventions;

/// <summary>
/// One kind of intervention, whole: its catalogue entry (what planners see and the validator checks)
/// and how it folds into a district plan before any step runs. A rule only sets per-asset and
/// per-dong factors on the plan being built; the step loop reads those arrays and never calls a rule,
/// so a new intervention costs nothing per step. <see cref="InterventionRegistry"/> finds every rule
/// of this assembly: adding an intervention means adding one folder under Interventions/.
/// </summary>
public abstract class InterventionRule
{
    /// <summary>The catalogue entry: id, name, parameters with unit, default, range and source, allowed targets.</summary>
    public abstract InterventionType Entry { get; }

    /// <summary>Where the entry sits in the catalogue (ascending); planners see the catalogue in this order.</summary>
    public abstract int CatalogueOrder { get; }

    /// <summary>Unit of the headline quantity the rule reports as touched (km closed, lamps converted…).</summary>
    public abstract string QuantityUnit { get; }

    /// <summary>
    /// The unit the intervention's costs are counted in (lamp, kWp, km, charger, m², MW…): its
    /// <see cref="CostParameters"/> are per this unit, and <see cref="Apply"/> tallies the units per dong.
    /// </summary>
    public abstract string CostUnit { get; }

    /// <summary>
    /// Folds one intervention into the plan of one district: changes the factors of the assets or
    /// dongs it targets and tallies what it touched on <paramref name="intervention"/>.
    /// </summary>
    internal abstract void Apply(InterventionApplication intervention, DistrictPlanBuilder plan);

    /// <summary>
    /// Called for every intervention once all of them are folded in, for tallies that depend on the
    /// combined result (the EVs added follow the final fleet share of each dong). Nothing by default.
    /// </summary>
    internal virtual void Complete(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
    }

    /// <summary>
    /// A uniform draw in [0, 1) that picks the assets of a share-based intervention. It depends on the
    /// city's generation seed and the asset id only, so the weather seed never changes which assets are
    /// picked, and a larger share adds assets without swapping any.
    /// </summary>
    protected static double SelectionDraw(int citySeed, string interventionType, string assetId) =>
        StableSeed.Derive(citySeed, interventionType + "/" + assetId) / 2147483648.0;
}
