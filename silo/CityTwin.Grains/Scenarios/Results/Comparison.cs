namespace CityTwin.Grains.Scenarios.Results;

/// <summary>Baseline against scenario for one KPI of one area.</summary>
public sealed record Comparison(double Baseline, double Scenario, double Delta, double? DeltaPercent)
{
    public static Comparison Of(double baseline, double scenario)
    {
        var delta = scenario - baseline;
        return new Comparison(baseline, scenario, delta, baseline != 0 ? delta / Math.Abs(baseline) * 100 : null);
    }
}
