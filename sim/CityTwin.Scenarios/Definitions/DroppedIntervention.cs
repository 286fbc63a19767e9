namespace CityTwin.Scenarios.Definitions;

/// <summary>An intervention of the original definition that has no target in the other city, and why.</summary>
/// <param name="Index">Its position in the original definition's interventions.</param>
/// <param name="Type">Its intervention type.</param>
/// <param name="Reason">What its target names that the city lacks (the validator's message).</param>
public sealed record DroppedIntervention(int Index, string Type, string Reason);
