namespace CityTwin.Scenarios.Results;

/// <summary>
/// What one intervention touched, so a planner can say "this retrofit converts 26,000 lamps":
/// <see cref="Assets"/> changed, <see cref="Dongs"/> concerned and a headline
/// <see cref="Quantity"/> in <see cref="QuantityUnit"/> (km of road, lamps, kWp, EVs, MW, residents…).
/// Every quantity is a sum over assets or dongs, so the city's scope is the sum of its districts'.
/// </summary>
public sealed record InterventionScope(int Index, string Type, int Assets, int Dongs, double Quantity, string QuantityUnit)
{
    /// <summary>The units the intervention pays for (see <c>InterventionRule.CostUnit</c>), here and in each dong.</summary>
    public double CostUnits { get; init; }

    public string CostUnit { get; init; } = "";

    /// <summary>Cost units by dong code (dongs where there are none are left out).</summary>
    public IReadOnlyDictionary<string, double> DongCostUnits { get; init; } = new Dictionary<string, double>();

    public InterventionScope Add(InterventionScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var byDong = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (code, units) in DongCostUnits) byDong[code] = units;
        foreach (var (code, units) in other.DongCostUnits) byDong[code] = byDong.GetValueOrDefault(code) + units;
        return this with
        {
            Assets = Assets + other.Assets,
            Dongs = Dongs + other.Dongs,
            Quantity = Quantity + other.Quantity,
            CostUnits = CostUnits + other.CostUnits,
            DongCostUnits = byDong,
        };
    }
}
