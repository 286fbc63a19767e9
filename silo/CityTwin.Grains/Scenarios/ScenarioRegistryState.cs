using CityTwin.Abstractions.Scenarios;

namespace CityTwin.Grains.Scenarios;

/// <summary>Stored state of <see cref="ScenarioRegistryGrain"/>.</summary>
[GenerateSerializer, Alias("CityTwin.ScenarioRegistryState")]
public sealed class ScenarioRegistryState
{
    [Id(0)] public Dictionary<string, ScenarioSummary> Scenarios { get; set; } = new(StringComparer.Ordinal);
}
