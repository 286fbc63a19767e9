namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>
/// One city KPI at every step over the seeds of a run: per step the 5th percentile, median and 95th
/// percentile of the baseline and of the scenario (what the planner's chart draws as a band).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.SeriesBand")]
public sealed record SeriesBand(
    [property: Id(0)] string Unit,
    [property: Id(1)] IReadOnlyList<double> BaselineLow,
    [property: Id(2)] IReadOnlyList<double> BaselineMedian,
    [property: Id(3)] IReadOnlyList<double> BaselineHigh,
    [property: Id(4)] IReadOnlyList<double> ScenarioLow,
    [property: Id(5)] IReadOnlyList<double> ScenarioMedian,
    [property: Id(6)] IReadOnlyList<double> ScenarioHigh);
