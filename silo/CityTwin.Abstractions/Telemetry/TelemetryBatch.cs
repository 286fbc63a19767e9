namespace CityTwin.Abstractions.Telemetry;

/// <summary>
/// Many readings for the assets of one neighbourhood, taken at one instant: the unit of ingest.
/// One grain call carries a whole batch, never a single value. <c>Timeline</c> is the city clock's
/// timeline the readings were made in (see <see cref="Clock.ClockState"/>); 0 = not stamped,
/// taken as the timeline the dong is on (feeds that know nothing of the simulated clock).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TelemetryBatch")]
public sealed record TelemetryBatch(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] IReadOnlyList<AssetReading> Readings,
    [property: Id(2)] int Timeline = 0);
