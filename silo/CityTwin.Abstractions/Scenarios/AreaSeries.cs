namespace CityTwin.Abstractions.Scenarios;

/// <summary>One area's KPI series: for each KPI id (same order), its unit and baseline and scenario values per step.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AreaSeries")]
public sealed record AreaSeries(
    [property: Id(0)] string Code,
    [property: Id(1)] string[] KpiIds,
    [property: Id(2)] string[] Units,
    [property: Id(3)] double[][] Baseline,
    [property: Id(4)] double[][] Scenario);
