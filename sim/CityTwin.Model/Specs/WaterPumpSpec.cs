using System.Globalization;

namespace CityTwin.Model.Specs;

/// <summary>A pumping station: supply pumps follow water demand; drainage pumps follow rain.</summary>
public sealed record WaterPumpSpec(double CapacityM3h, double NominalBar, bool Drainage) : AssetSpec
{
    public override IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["capacityM3h"] = CapacityM3h.ToString("0", CultureInfo.InvariantCulture),
        ["nominalBar"] = NominalBar.ToString("0.0", CultureInfo.InvariantCulture),
        ["service"] = Drainage ? "stormwater drainage" : "water supply",
    };
}
