namespace CityTwin.Scenarios.Results;

/// <summary>
/// What one intervention touched, so a planner can say "this retrofit converts 26,000 lamps":
/// <see cref="Assets"/> changed, <see cref="Dongs"/> concerned and a headline
/// <see cref="Quantity"/> in <see cref="QuantityUnit"/> (km of road, lamps, kWp, EVs, MW, residents…).
/// Every quantity is a sum over assets or dongs, so the city's scope is the sum of its districts'.
/// </summary>
public sealed record InterventionScope(int Index, string Type, int Assets, int Dongs, double Quantity, string QuantityUnit)
{
    public InterventionScope Add(InterventionScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { Assets = Assets + other.Assets, Dongs = Dongs + other.Dongs, Quantity = Quantity + other.Quantity };
    }
}
