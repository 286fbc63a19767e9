using System.Text.Json.Serialization;
using CityTwin.Abstractions.Scenarios.Results;

namespace CityTwin.Grains.Scenarios;

/// <summary>Stored results of a completed scenario: the API's results document.</summary>
[GenerateSerializer, Alias("CityTwin.ScenarioResultsState")]
public sealed class ScenarioResultsState
{
    [Id(0)] public ScenarioResultsDocument? Document { get; set; }

    /// <summary>
    /// The results document as earlier versions stored it: the API's JSON as a string under
    /// <c>Json</c>. Only ever read from the durable store, so runs completed before the state was
    /// typed keep their results; <see cref="ScenarioGrain"/> turns it into <see cref="Document"/> on
    /// activation and the record is stored again without it.
    /// </summary>
    [Id(1), JsonPropertyName("Json"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LegacyJson { get; set; }
}
