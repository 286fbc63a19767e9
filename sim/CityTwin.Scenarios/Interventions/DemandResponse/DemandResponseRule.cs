using CityTwin.Model.Specs;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using static CityTwin.Scenarios.Interventions.CatalogueParts;

namespace CityTwin.Scenarios.Interventions.DemandResponse;

/// <summary>A daily window in which the targeted substations' load is cut by the shed share.</summary>
internal sealed class DemandResponseRule : InterventionRule
{
    public override InterventionType Entry { get; } = new(InterventionIds.DemandResponse, "Peak demand response",
        "Sheds a share of the load on the target's substations for a few hours every day.",
        [
            new("shavePercent", Percent, 5, 0, 20,
                "Share of the load shed while the event runs.",
                "[KR] 4.65 GW registered ≈5 % of the summer peak (MOTIE, 2021); [INTL] commercial buildings shed 12 % on average (LBNL/USGBC, 2013)"),
            new("startHour", "h (local)", 17, 0, 23, "Local hour at which the event starts.",
                "[KR] the summer peak moved to 17–19 h (KPX)", WholeNumber: true),
            new("durationHours", "h", 3, 1, 8, "Hours the event lasts.",
                "[KR] first KPX dispatch, 18 Dec 2014: −1.66 GW for 3 h", WholeNumber: true),
            CapitalCost("MW", 20_000_000, 1_000_000_000,
                "[estimate] metering and control links for the customers who shed, per MW they shed (the substation's capacity × the shed share)"),
            OperatingCost("MW", 40_000_000, 1_000_000_000,
                "[estimate] a capacity payment to those customers of the order of 40 thousand won per kW a year"),
        ],
        AreasAndAssets, ["substation"]);

    public override int CatalogueOrder => 100;

    public override string QuantityUnit => "residents served";

    public override string CostUnit => "MW";

    internal override void Apply(InterventionApplication intervention, DistrictPlanBuilder plan)
    {
        var window = plan.AddDailyWindow(new HourWindow(
            intervention.Parameter("startHour"), intervention.Parameter("durationHours"), 1 - intervention.Parameter("shavePercent") / 100));
        var substations = plan.Substations;
        for (var j = 0; j < substations.Length; j++)
        {
            if (!intervention.Contains(substations[j].Asset)) continue;
            plan.ApplyWindowToSubstation(j, window);
            intervention.Assets++;
            intervention.TouchDong(substations[j].Dong);
            var spec = (SubstationSpec)plan.City.Assets[substations[j].Asset].Spec;
            intervention.Quantity += spec.ServedPopulation;
            intervention.AddCostUnits(substations[j].Dong, spec.CapacityMw * intervention.Parameter("shavePercent") / 100);
        }
    }
}
