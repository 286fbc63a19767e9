namespace CityTwin.Abstractions.Telemetry;

/// <summary>One point of an asset's short history (for sparklines).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TelemetrySample")]
public sealed record TelemetrySample([property: Id(0)] DateTimeOffset At, [property: Id(1)] double[] Values);
