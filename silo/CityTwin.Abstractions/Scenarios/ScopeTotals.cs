namespace CityTwin.Abstractions.Scenarios;

/// <summary>What one intervention touched in one district (added up across districts for the brief).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScopeTotals")]
public sealed record ScopeTotals(
    [property: Id(0)] int Index,
    [property: Id(1)] string Type,
    [property: Id(2)] int Assets,
    [property: Id(3)] int Dongs,
    [property: Id(4)] double Quantity,
    [property: Id(5)] string QuantityUnit);
