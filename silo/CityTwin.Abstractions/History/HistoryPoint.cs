namespace CityTwin.Abstractions.History;

/// <summary>
/// One step of a history series: per column (an asset's channels, or an area's KPIs in
/// <see cref="Kpis.KpiNames.All"/> order) the mean, minimum and maximum over the step.
/// At a 1-minute step the three are the same value.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.HistoryPoint")]
public sealed record HistoryPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] float[] Mean,
    [property: Id(2)] float[] Min,
    [property: Id(3)] float[] Max);
