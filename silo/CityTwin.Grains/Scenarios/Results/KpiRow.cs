namespace CityTwin.Grains.Scenarios.Results;

/// <summary>One KPI over the whole horizon for the city, with what it means and which way is better.</summary>
public sealed record KpiRow(
    string Id,
    string Name,
    string Unit,
    string Better,
    string Definition,
    string IsoTheme,
    double Baseline,
    double Scenario,
    double Delta,
    double? DeltaPercent,
    string Outcome);
