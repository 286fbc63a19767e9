namespace CityTwin.Abstractions.Telemetry;

/// <summary>
/// One asset's values at one instant, in the channel order of its kind
/// (<see cref="Assets.AssetKindInfo.Channels"/>). An empty <see cref="Values"/> array means the
/// device reported itself offline (or the feed knows it is down).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AssetReading")]
public sealed record AssetReading([property: Id(0)] string AssetId, [property: Id(1)] double[] Values);
