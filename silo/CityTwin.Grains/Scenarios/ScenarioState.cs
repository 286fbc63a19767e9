using CityTwin.Abstractions.Scenarios;

namespace CityTwin.Grains.Scenarios;

/// <summary>Stored state of a scenario: its summary and the definition as the planner sent it.</summary>
[GenerateSerializer, Alias("CityTwin.ScenarioState")]
public sealed class ScenarioState
{
    [Id(0)] public ScenarioSummary? Summary { get; set; }
    [Id(1)] public string? DefinitionJson { get; set; }
}
