namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>
/// A heatwave: up to <paramref name="PeakC"/> °C added to the air temperature from
/// <paramref name="StartHours"/> after the scenario start for <paramref name="DurationHours"/>.
/// The warming ramps up over the first quarter (at most 12 h), holds, and ramps down over the last quarter.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.HeatwaveCondition")]
public sealed record HeatwaveCondition([property: Id(0)] double StartHours, [property: Id(1)] double DurationHours, [property: Id(2)] double PeakC);
