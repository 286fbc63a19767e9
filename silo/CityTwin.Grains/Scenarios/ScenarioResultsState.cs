namespace CityTwin.Grains.Scenarios;

/// <summary>Stored results of a completed scenario: the API's results document, as JSON.</summary>
[GenerateSerializer, Alias("CityTwin.ScenarioResultsState")]
public sealed class ScenarioResultsState
{
    [Id(0)] public string? Json { get; set; }
}
