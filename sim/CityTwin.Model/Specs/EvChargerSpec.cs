using System.Globalization;

namespace CityTwin.Model.Specs;

/// <summary>An EV charging site: ports of one power rating (7 kW slow, 100-200 kW fast).</summary>
public sealed record EvChargerSpec(int Ports, double PortKw) : AssetSpec
{
    public bool Fast => PortKw >= 50;

    public override IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["ports"] = Ports.ToString(CultureInfo.InvariantCulture),
        ["portKw"] = PortKw.ToString("0", CultureInfo.InvariantCulture),
        ["type"] = Fast ? "fast" : "slow",
    };
}
