using CityTwin.Abstractions.Scenarios.Definitions;

namespace CityTwin.Scenarios.Definitions;

/// <summary>A definition made for one city, fitted to another: what runs there and what was left out.</summary>
public sealed record RetargetedScenario(ScenarioDefinition Definition, IReadOnlyList<DroppedIntervention> Dropped);
