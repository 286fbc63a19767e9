namespace CityTwin.Abstractions.Scenarios;

/// <summary>Baseline and scenario totals over the horizon of one area, KPI by KPI (same order as <see cref="KpiIds"/>).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AreaTotals")]
public sealed record AreaTotals(
    [property: Id(0)] string Code,
    [property: Id(1)] string[] KpiIds,
    [property: Id(2)] double[] Baseline,
    [property: Id(3)] double[] Scenario);
