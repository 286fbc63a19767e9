namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>One KPI over the whole horizon for the city, with what it means and which way is better.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.KpiRow")]
public sealed record KpiRow(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Unit,
    [property: Id(3)] string Better,
    [property: Id(4)] string Definition,
    [property: Id(5)] string IsoTheme,
    [property: Id(6)] double Baseline,
    [property: Id(7)] double Scenario,
    [property: Id(8)] double Delta,
    [property: Id(9)] double? DeltaPercent,
    [property: Id(10)] string Outcome);
