namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>One KPI's value at every step, baseline and scenario.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.SeriesPair")]
public sealed record SeriesPair(
    [property: Id(0)] string Unit,
    [property: Id(1)] IReadOnlyList<double> Baseline,
    [property: Id(2)] IReadOnlyList<double> Scenario);
