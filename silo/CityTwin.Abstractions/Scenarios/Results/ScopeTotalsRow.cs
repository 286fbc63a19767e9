namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>What one intervention touched citywide ("converts 26,000 lamps").</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScopeTotalsRow")]
public sealed record ScopeTotalsRow(
    [property: Id(0)] int Index,
    [property: Id(1)] string Type,
    [property: Id(2)] int Assets,
    [property: Id(3)] int Dongs,
    [property: Id(4)] double Quantity,
    [property: Id(5)] string QuantityUnit);
