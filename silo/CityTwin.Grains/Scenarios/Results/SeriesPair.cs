namespace CityTwin.Grains.Scenarios.Results;

/// <summary>One KPI's city-level value at every step, baseline and scenario.</summary>
public sealed record SeriesPair(string Unit, IReadOnlyList<double> Baseline, IReadOnlyList<double> Scenario);
