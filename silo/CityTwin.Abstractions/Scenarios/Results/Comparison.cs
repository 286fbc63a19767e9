namespace CityTwin.Abstractions.Scenarios.Results;

/// <summary>Baseline against scenario for one KPI of one area.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.Comparison")]
public sealed record Comparison(
    [property: Id(0)] double Baseline,
    [property: Id(1)] double Scenario,
    [property: Id(2)] double Delta,
    [property: Id(3)] double? DeltaPercent)
{
    public static Comparison Of(double baseline, double scenario)
    {
        var delta = scenario - baseline;
        return new Comparison(baseline, scenario, delta, baseline != 0 ? delta / Math.Abs(baseline) * 100 : null);
    }
}
