namespace CityTwin.Abstractions.Telemetry;

/// <summary>
/// Many readings for the assets of one neighbourhood, taken at one instant: the unit of ingest.
/// One grain call carries a whole batch, never a single value.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TelemetryBatch")]
public sealed record TelemetryBatch(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] IReadOnlyList<AssetReading> Readings);
