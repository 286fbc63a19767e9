using System.Globalization;

namespace CityTwin.Model.Specs;

/// <summary>
/// A road segment (real OSM centreline) or a synthetic arterial traffic detector.
/// Capacity in vehicles per hour for the whole segment (all lanes, one count for both directions);
/// for footways it is people per hour.
/// </summary>
public sealed record RoadSpec(
    RoadClass Class,
    int Lanes,
    double LengthM,
    double CapacityVph,
    double FreeFlowKmh) : AssetSpec
{
    public override IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["roadClass"] = Class.ToString().ToLowerInvariant(),
        ["lanes"] = Lanes.ToString(CultureInfo.InvariantCulture),
        ["lengthM"] = LengthM.ToString("0", CultureInfo.InvariantCulture),
        ["capacityVph"] = CapacityVph.ToString("0", CultureInfo.InvariantCulture),
        ["freeFlowKmh"] = FreeFlowKmh.ToString("0", CultureInfo.InvariantCulture),
    };
}
