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
}
