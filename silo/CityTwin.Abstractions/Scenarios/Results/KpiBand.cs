namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>One city KPI over the seeds of a run: baseline, scenario and change, each as a 90 % band.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.KpiBand")]
public sealed record KpiBand(
    [property: Id(0)] string Id,
    [property: Id(1)] Band Baseline,
    [property: Id(2)] Band Scenario,
    [property: Id(3)] Band Delta);
