using System.Globalization;

namespace CityTwin.Model.Specs;

/// <summary>An air-quality station; <see cref="RoadsideFactor"/> 0 (background) to 1 (kerbside) scales the traffic share.</summary>
public sealed record AirStationSpec(double RoadsideFactor) : AssetSpec
{
    public override IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["siting"] = RoadsideFactor >= 0.5 ? "roadside" : "urban background",
        ["roadsideFactor"] = RoadsideFactor.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
