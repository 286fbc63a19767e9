using CityTwin.Abstractions.Assets;

namespace CityTwin.Abstractions.Live;

/// <summary>A change of one asset on its way to the map: latest value wins.</summary>
public readonly record struct AssetDelta(int AssetIndex, AssetStatus Status, double[] Values, long TimestampMs);
