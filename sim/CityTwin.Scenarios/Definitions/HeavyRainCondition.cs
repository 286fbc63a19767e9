namespace CityTwin.Scenarios.Definitions;

/// <summary>
/// A design storm: rain of at least <paramref name="RainMmH"/> mm/h from <paramref name="StartHours"/>
/// after the scenario start for <paramref name="DurationHours"/> (seeded rain that is heavier is kept).
/// </summary>
public sealed record HeavyRainCondition(double StartHours, double DurationHours, double RainMmH);
