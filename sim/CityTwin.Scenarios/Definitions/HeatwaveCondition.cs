namespace CityTwin.Scenarios.Definitions;

/// <summary>
/// A heatwave: up to <paramref name="PeakC"/> °C added to the air temperature from
/// <paramref name="StartHours"/> after the scenario start for <paramref name="DurationHours"/>.
/// The warming ramps up over the first quarter (at most 12 h), holds, and ramps down over the last quarter.
/// </summary>
public sealed record HeatwaveCondition(double StartHours, double DurationHours, double PeakC);
