namespace CityTwin.Web.Scenarios;

/// <summary>An intervention that carries over to the running city: its position in the original, type and target kind.</summary>
public sealed record KeptIntervention(int Index, string Type, string Target);
