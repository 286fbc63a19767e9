namespace CityTwin.Abstractions.Telemetry;

/// <summary>
/// Many readings for the assets of one neighbourhood: the unit of ingest. One grain call carries a
/// whole batch, never a single value. <see cref="Timestamp"/> is the batch's instant (the
/// simulator's tick, or the newest reading of a real feed's batch); a reading with its own
/// <see cref="AssetReading.At"/> keeps that instant. <c>Timeline</c> is the city clock's
/// timeline the readings were made in (see <see cref="Clock.ClockState"/>); 0 = not stamped,
/// taken as the timeline the dong is on (feeds that know nothing of the simulated clock).
/// <c>WallTime</c> is the wall-clock instant the readings entered the twin (the simulator when it
/// made them, a feed when it received them); null: stamped by the silo's live feed when published.
/// It travels beside the simulated time to the map's frames, so latency is measured wall to wall.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TelemetryBatch")]
public sealed record TelemetryBatch(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] IReadOnlyList<AssetReading> Readings,
    [property: Id(2)] int Timeline = 0,
    [property: Id(3)] DateTimeOffset? WallTime = null);
