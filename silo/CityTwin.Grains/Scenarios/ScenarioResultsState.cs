using CityTwin.Abstractions.Scenarios.Results;

namespace CityTwin.Grains.Scenarios;

/// <summary>Stored results of a completed scenario: the API's results document.</summary>
[GenerateSerializer, Alias("CityTwin.ScenarioResultsState")]
public sealed class ScenarioResultsState
{
    [Id(0)] public ScenarioResultsDocument? Document { get; set; }
}
