namespace CityTwin.Grains.Scenarios.Results;

/// <summary>What one intervention touched citywide ("converts 26,000 lamps").</summary>
public sealed record ScopeTotalsRow(int Index, string Type, int Assets, int Dongs, double Quantity, string QuantityUnit);
