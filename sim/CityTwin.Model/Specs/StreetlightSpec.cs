using System.Globalization;

namespace CityTwin.Model.Specs;

/// <summary>A streetlight circuit: a number of lamps on one feeder, some LED, some sodium.</summary>
public sealed record StreetlightSpec(int Lamps, double LedShare, double LedLampW, double SodiumLampW) : AssetSpec
{
    /// <summary>Installed power of the circuit at full output (kW).</summary>
    public double InstalledKw => Lamps * (LedShare * LedLampW + (1 - LedShare) * SodiumLampW) / 1000.0;

    public override IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["lamps"] = Lamps.ToString(CultureInfo.InvariantCulture),
        ["ledShare"] = LedShare.ToString("P0", CultureInfo.InvariantCulture),
        ["installedKw"] = InstalledKw.ToString("0.0", CultureInfo.InvariantCulture),
    };
}
