namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>One point of a temperature offset profile: <paramref name="OffsetC"/> °C added at <paramref name="AtHours"/> after the start.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.TemperatureOffsetPoint")]
public sealed record TemperatureOffsetPoint([property: Id(0)] double AtHours, [property: Id(1)] double OffsetC);
