namespace CityTwin.Web.Feeds;

/// <summary>
/// Real feeds (section <c>Feeds</c>): the limits of a telemetry batch and the MQTT connection.
/// The HTTP body limit is <see cref="Boundaries.BoundaryOptions.TelemetryBodyBytes"/>.
/// </summary>
public sealed record FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>Most readings in one batch (HTTP body or MQTT gateway message).</summary>
    public int MaxBatchItems { get; init; } = 10_000;

    /// <summary>How far ahead of this server's clock a reading's <c>ts</c> may lie (device clocks drift).</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a reading may be: a gateway that was cut off may send a day of backlog, no more.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>HTTP batches one feed token may send per <see cref="RateWindow"/> (past it: 429 with Retry-After).</summary>
    public int RequestsPerWindow { get; init; } = 100;

    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(1);

    public MqttFeedOptions Mqtt { get; init; } = new();
}
