using CityTwin.Abstractions.Assets;

namespace CityTwin.Abstractions.Telemetry;

/// <summary>Latest known state of one asset.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AssetSnapshot")]
public sealed record AssetSnapshot(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetStatus Status,
    [property: Id(2)] double[] Values,
    [property: Id(3)] DateTimeOffset UpdatedAt);
