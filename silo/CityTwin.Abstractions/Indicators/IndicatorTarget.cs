namespace CityTwin.Abstractions.Indicators;

/// <summary>A target the city set for one indicator, replacing the pack's default.</summary>
/// <param name="Value">The target, in the indicator's unit.</param>
/// <param name="SetAt">When it was set (wall clock, UTC).</param>
/// <param name="SetBy">User name of the planner or admin who set it (kept for the audit, never shown to the public).</param>
[GenerateSerializer, Immutable, Alias("CityTwin.IndicatorTarget")]
public sealed record IndicatorTarget(
    [property: Id(0)] double Value,
    [property: Id(1)] DateTimeOffset SetAt,
    [property: Id(2)] string SetBy);
