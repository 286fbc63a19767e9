namespace CityTwin.Web.Indicators.Public;

/// <summary>One KPI of a published scenario against its baseline (the largest changes are shown).</summary>
public sealed record PublicScenarioResult(string Kpi, string Name, string Unit, double Baseline, double Scenario, double? DeltaPercent, string Outcome);
