using CityTwin.Abstractions.Assets;

namespace CityTwin.Abstractions.Live;

/// <summary>
/// A change of one asset on its way to the map: latest value wins. <see cref="TimestampMs"/> is
/// simulated time (when the values hold on the city's clock); <see cref="WallMs"/> is the wall-clock
/// instant the reading entered the twin (Unix ms, 0 = not stamped), so latency is measured wall to wall.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AssetDelta")]
public readonly record struct AssetDelta(
    [property: Id(0)] int AssetIndex,
    [property: Id(1)] AssetStatus Status,
    [property: Id(2)] double[] Values,
    [property: Id(3)] long TimestampMs,
    [property: Id(4)] long WallMs = 0);
