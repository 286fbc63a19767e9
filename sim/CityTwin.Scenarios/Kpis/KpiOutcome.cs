namespace CityTwin.Scenarios.Kpis;

/// <summary>Whether the scenario moved a KPI the good way, the bad way or not at all.</summary>
public enum KpiOutcome
{
    Unchanged = 0,
    Better = 1,
    Worse = 2,
}
