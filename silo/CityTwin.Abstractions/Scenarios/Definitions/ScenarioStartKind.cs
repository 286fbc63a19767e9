namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>Where a scenario starts: a whole baseline day, or a fork of the live twin at an instant.</summary>
public enum ScenarioStartKind
{
    BaselineDay = 0,
    ForkLive = 1,
}
