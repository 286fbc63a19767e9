using CityTwin.Abstractions.Assets;

namespace CityTwin.Abstractions.Live;

/// <summary>A change of one asset on its way to the map: latest value wins.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AssetDelta")]
public readonly record struct AssetDelta(
    [property: Id(0)] int AssetIndex,
    [property: Id(1)] AssetStatus Status,
    [property: Id(2)] double[] Values,
    [property: Id(3)] long TimestampMs);
