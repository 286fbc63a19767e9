namespace CityTwin.Scenarios.Kpis;

/// <summary>
/// Baseline against scenario for one KPI: the delta (scenario − baseline), the delta as a percentage
/// of the baseline (null when the baseline is zero) and whether that is better or worse.
/// </summary>
public sealed record KpiComparison(
    string KpiId,
    string Unit,
    KpiDirection Better,
    double Baseline,
    double Scenario,
    double Delta,
    double? DeltaPercent,
    KpiOutcome Outcome)
{
    /// <summary>Relative change below which a KPI counts as unchanged (float noise, not policy).</summary>
    public const double Tolerance = 1e-9;

    public static KpiComparison Compare(ScenarioKpi kpi, double baseline, double scenario)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var delta = scenario - baseline;
        double? percent = baseline != 0 ? delta / Math.Abs(baseline) * 100 : null;
        var outcome = Math.Abs(delta) <= Tolerance * Math.Max(1, Math.Abs(baseline)) ? KpiOutcome.Unchanged
            : (delta < 0) == (kpi.Better == KpiDirection.LowerIsBetter) ? KpiOutcome.Better
            : KpiOutcome.Worse;
        return new KpiComparison(kpi.Id, kpi.TotalUnit, kpi.Better, baseline, scenario, delta, percent, outcome);
    }
}
