namespace CityTwin.Scenarios.Kpis;

/// <summary>Which way a KPI improves.</summary>
public enum KpiDirection
{
    LowerIsBetter = 0,
    HigherIsBetter = 1,
}
