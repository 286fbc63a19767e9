namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>
/// A design storm: rain of at least <paramref name="RainMmH"/> mm/h from <paramref name="StartHours"/>
/// after the scenario start for <paramref name="DurationHours"/> (seeded rain that is heavier is kept).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.HeavyRainCondition")]
public sealed record HeavyRainCondition([property: Id(0)] double StartHours, [property: Id(1)] double DurationHours, [property: Id(2)] double RainMmH);
