using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;

namespace CityTwin.Grains.Scenarios;

/// <summary>Stored state of a scenario: its summary and its definition.</summary>
[GenerateSerializer, Alias("CityTwin.ScenarioState")]
public sealed class ScenarioState
{
    [Id(0)] public ScenarioSummary? Summary { get; set; }
    [Id(1)] public ScenarioDefinition? Definition { get; set; }
}
