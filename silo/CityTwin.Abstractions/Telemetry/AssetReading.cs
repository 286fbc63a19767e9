namespace CityTwin.Abstractions.Telemetry;

/// <summary>
/// One asset's values at one instant, in the channel order of its kind
/// (<see cref="Assets.AssetKindInfo.Channels"/>). An empty <see cref="Values"/> array means the
/// device reported itself offline (or the feed knows it is down).
/// </summary>
/// <remarks>
/// <see cref="At"/> is the instant the device measured the values. The simulator leaves it null
/// (all its readings share the batch's <see cref="TelemetryBatch.Timestamp"/>); a real feed sets it,
/// since one gateway batch may carry readings taken at different instants. Added as a new field
/// with a new id, so older senders and stored messages still read (null).
/// </remarks>
[GenerateSerializer, Immutable, Alias("CityTwin.AssetReading")]
public sealed record AssetReading([property: Id(0)] string AssetId, [property: Id(1)] double[] Values)
{
    /// <summary>When the values were measured; null: at the batch's timestamp.</summary>
    [Id(2)] public DateTimeOffset? At { get; init; }
}
