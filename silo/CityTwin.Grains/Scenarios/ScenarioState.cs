using System.Text.Json.Serialization;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;

namespace CityTwin.Grains.Scenarios;

/// <summary>Stored state of a scenario: its summary and its definition.</summary>
[GenerateSerializer, Alias("CityTwin.ScenarioState")]
public sealed class ScenarioState
{
    [Id(0)] public ScenarioSummary? Summary { get; set; }
    [Id(1)] public ScenarioDefinition? Definition { get; set; }

    /// <summary>
    /// The definition as earlier versions stored it: the planner's JSON as a string under
    /// <c>DefinitionJson</c>. Only ever read from the durable store, so scenarios created before the
    /// state was typed keep their definition; <see cref="ScenarioGrain"/> turns it into
    /// <see cref="Definition"/> on activation and the record is stored again without it.
    /// </summary>
    [Id(2), JsonPropertyName("DefinitionJson"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LegacyDefinitionJson { get; set; }
}
