namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>What an intervention applies to.</summary>
public enum ScenarioTargetKind
{
    City = 0,
    Gu = 1,
    Dong = 2,
    Polygon = 3,
    Assets = 4,
}
