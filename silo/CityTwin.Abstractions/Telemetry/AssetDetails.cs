using CityTwin.Abstractions.Assets;

namespace CityTwin.Abstractions.Telemetry;

/// <summary>Everything the inspector shows for one asset: what it is, where, its latest values and short history.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AssetDetails")]
public sealed record AssetDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] string GuCode,
    [property: Id(3)] string DongCode,
    [property: Id(4)] double Lon,
    [property: Id(5)] double Lat,
    [property: Id(6)] bool Synthetic,
    [property: Id(7)] string? Name,
    [property: Id(8)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(9)] AssetSnapshot? Latest,
    [property: Id(10)] IReadOnlyList<TelemetrySample> History);
