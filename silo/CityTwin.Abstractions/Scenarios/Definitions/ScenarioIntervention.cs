namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>
/// One intervention: a catalogue <paramref name="Type"/> id, its parameters by name (missing ones
/// take the catalogue default) and where it applies.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioIntervention")]
public sealed record ScenarioIntervention(
    [property: Id(0)] string Type,
    [property: Id(1)] IReadOnlyDictionary<string, double>? Parameters,
    [property: Id(2)] ScenarioTarget Target);
