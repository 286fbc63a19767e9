namespace CityTwin.Abstractions.Scenarios;

/// <summary>
/// What one intervention touched: in one district (a partition's outcome), or citywide in the
/// results document, where the districts' totals are added up ("converts 26,000 lamps"), and the
/// units it pays for (<see cref="CostUnits"/> in <see cref="CostUnit"/>: lamps, kWp, chargers, m²…).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScopeTotals")]
public sealed record ScopeTotals(
    [property: Id(0)] int Index,
    [property: Id(1)] string Type,
    [property: Id(2)] int Assets,
    [property: Id(3)] int Dongs,
    [property: Id(4)] double Quantity,
    [property: Id(5)] string QuantityUnit,
    [property: Id(6)] double CostUnits = 0,
    [property: Id(7)] string? CostUnit = null);
