namespace CityTwin.Abstractions.Scenarios.Definitions;

/// <summary>
/// Weather imposed on the scenario run on top of the seeded weather. Each part is optional.
/// <see cref="TemperatureOffsets"/> is a piecewise-linear profile of hours after the start, held flat
/// before the first and after the last point (one point is a constant offset).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioConditions")]
public sealed record ScenarioConditions(
    [property: Id(0)] IReadOnlyList<TemperatureOffsetPoint>? TemperatureOffsets = null,
    [property: Id(1)] HeatwaveCondition? Heatwave = null,
    [property: Id(2)] HeavyRainCondition? HeavyRain = null)
{
    public static ScenarioConditions None { get; } = new();

    public bool IsEmpty => (TemperatureOffsets is null || TemperatureOffsets.Count == 0) && Heatwave is null && HeavyRain is null;
}
