namespace CityTwin.Scenarios.Kpis;

/// <summary>One KPI of one area: baseline and scenario values at every step, and the horizon comparison.</summary>
public sealed record KpiSeries(
    string KpiId,
    string Unit,
    bool Available,
    double[] Baseline,
    double[] Scenario,
    KpiComparison Total);
