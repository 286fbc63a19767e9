namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>
/// What one intervention of the definition costs citywide: the units it paid for (lamps, kWp, km,
/// chargers, m², MW…) at its capital and yearly operating cost per unit.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.InterventionCost")]
public sealed record InterventionCost(
    [property: Id(0)] int Index,
    [property: Id(1)] string Type,
    [property: Id(2)] double Units,
    [property: Id(3)] string Unit,
    [property: Id(4)] double CapexPerUnit,
    [property: Id(5)] double OpexPerUnitYear,
    [property: Id(6)] double Capex,
    [property: Id(7)] double OpexPerYear);
