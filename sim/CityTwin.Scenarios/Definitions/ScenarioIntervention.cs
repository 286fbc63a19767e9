namespace CityTwin.Scenarios.Definitions;

/// <summary>
/// One intervention: a catalogue <paramref name="Type"/> id, its parameters by name (missing ones
/// take the catalogue default) and where it applies.
/// </summary>
public sealed record ScenarioIntervention(string Type, IReadOnlyDictionary<string, double>? Parameters, ScenarioTarget Target);
