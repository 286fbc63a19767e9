using CityTwin.Model.Specs;
using CityTwin.Scenarios.Engine;

namespace CityTwin.Scenarios.Interventions;

/// <summary>
/// Interventions that retain part of the rain on a share of the impervious catchment of each
/// targeted flood sensor (green roofs, permeable paving): the sensor's runoff is cut by
/// share × retention. They differ only in their catalogue entries.
/// </summary>
internal abstract class RunoffRetentionRule : InterventionRule
{
    public override string QuantityUnit => "residents of the dongs drained";

    public override string CostUnit => "m²";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var reduction = intervention.Parameter("areaSharePercent") / 100 * intervention.Parameter("retentionPercent") / 100;
        var floods = plan.Floods;
        for (var j = 0; j < floods.Length; j++)
        {
            ref var f = ref floods[j];
            if (!intervention.Contains(f.Asset)) continue;
            f.RunoffFactor *= 1 - reduction;
            intervention.Assets++;
            if (intervention.TouchDong(f.Dong)) intervention.Quantity += plan.Dongs[f.Dong].Population;
            // The area paid for: each sensor drains an equal part of its dong (the pack has no
            // catchments), of which the impervious share is what the intervention converts.
            var dong = plan.Dongs[f.Dong];
            var sensors = plan.FloodSensorsIn(f.Dong);
            var spec = (FloodSensorSpec)plan.City.Assets[f.Asset].Spec;
            intervention.AddCostUnits(f.Dong, dong.AreaKm2 * 1e6 / sensors * spec.ImperviousShare * intervention.Parameter("areaSharePercent") / 100);
        }
    }
}
