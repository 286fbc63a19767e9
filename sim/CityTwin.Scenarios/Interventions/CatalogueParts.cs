using CityTwin.Scenarios.Catalog;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Scenarios.Definitions;

namespace CityTwin.Scenarios.Interventions;

/// <summary>Units, target sets and asset kinds several catalogue entries share, spelled once.</summary>
internal static class CatalogueParts
{
    public const string Percent = "%";

    /// <summary>Areas only: the intervention acts on dongs (their residents), not on assets.</summary>
    public static readonly ScenarioTargetKind[] Areas =
        [ScenarioTargetKind.City, ScenarioTargetKind.Gu, ScenarioTargetKind.Dong, ScenarioTargetKind.Polygon];

    public static readonly ScenarioTargetKind[] AreasAndAssets =
        [ScenarioTargetKind.City, ScenarioTargetKind.Gu, ScenarioTargetKind.Dong, ScenarioTargetKind.Polygon, ScenarioTargetKind.Assets];

    /// <summary>Asset kinds (wire names) of the vehicle road network: segments and the detectors on them.</summary>
    public static readonly string[] Roads = ["road", "traffic"];

    /// <summary>The currency of the catalogue's cost defaults (Korean unit costs, in won).</summary>
    public const string Currency = "KRW";

    /// <summary>
    /// The capital cost of one unit the intervention pays for (a lamp, a kWp, a km…), bought and
    /// installed. Every rule has one, so planners set costs the way they set any other parameter.
    /// </summary>
    public static InterventionParameter CapitalCost(string unit, double value, double max, string source) =>
        new(CostParameters.Capital, $"{Currency}/{unit}", value, 0, max, $"Capital cost per {unit}, bought and installed.", source);

    /// <summary>The yearly cost of running and maintaining one unit (over what it replaces).</summary>
    public static InterventionParameter OperatingCost(string unit, double value, double max, string source) =>
        new(CostParameters.Operating, $"{Currency}/{unit}/yr", value, 0, max, $"Operating and maintenance cost per {unit} a year.", source);
}
