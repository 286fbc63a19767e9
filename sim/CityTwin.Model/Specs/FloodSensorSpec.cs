using System.Globalization;

namespace CityTwin.Model.Specs;

/// <summary>
/// A water-level sensor at a low point: the local catchment drains <see cref="DrainageMmH"/> of
/// rain per hour; what falls faster, weighted by <see cref="ImperviousShare"/> (runoff coefficient), ponds.
/// </summary>
public sealed record FloodSensorSpec(double DrainageMmH, double ImperviousShare, double LowPointFactor) : AssetSpec
{
    public override IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["drainageMmH"] = DrainageMmH.ToString("0", CultureInfo.InvariantCulture),
        ["imperviousShare"] = ImperviousShare.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
