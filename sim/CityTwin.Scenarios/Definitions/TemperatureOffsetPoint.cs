namespace CityTwin.Scenarios.Definitions;

/// <summary>One point of a temperature offset profile: <paramref name="OffsetC"/> °C added at <paramref name="AtHours"/> after the start.</summary>
public sealed record TemperatureOffsetPoint(double AtHours, double OffsetC);
