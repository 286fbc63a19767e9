using CityTwin.Abstractions.Stakeholders;
using CityTwin.Web.Scenarios;
using CityTwin.Web.Stakeholders;

namespace CityTwin.Web.Tests.Stakeholders;

/// <summary>Lens scores against cases worked out by hand (the arithmetic is in each test's comments).</summary>
public sealed class LensScorerTests
{
    private const double Tolerance = 1e-9;

    // Lens A weighs CO2 3 and travel time 1 (red line 2 %), both lower-is-better.
    private static readonly Lens LensA = Lens("a", ("co2Tonnes", 3, "lower", null), ("travelTimeIndex", 1, "lower", 2));

    // Lens B weighs travel time 2 (lower) and vehicle-km 1, which it wants higher (trade).
    private static readonly Lens LensB = Lens("b", ("travelTimeIndex", 2, "lower", null), ("vehicleKm", 1, "higher", null));

    /// <summary>
    /// Run 1: CO2 200 → 190 (+5 % better), travel 1.25 → 1.30 (−4 %), vehicle-km 1,000 → 1,050 (+5 %).
    /// Run 2: CO2 200 → 198 (+1 %), travel 1.25 → 1.225 (+2 %), vehicle-km 1,000 → 1,100 (+10 %).
    /// </summary>
    private static ScenarioComparison TwoRuns() => Comparison(
        ("co2Tonnes", "CO2 emissions", "lower", [(200, -10), (200, -2)]),
        ("travelTimeIndex", "Travel-time index", "lower", [(1.25, 0.05), (1.25, -0.025)]),
        ("vehicleKm", "Vehicle-km", "lower", [(1000, 50), (1000, 100)]));

    [Fact]
    public void The_score_is_the_weighted_mean_of_the_improvements_in_the_lens_s_direction()
    {
        var result = LensScorer.Score(TwoRuns(), [LensA, LensB]);
        var a = result.Lenses[0].Runs;
        var b = result.Lenses[1].Runs;
        // A, run 1: (3 × 5 + 1 × −4) ÷ 4 = 2.75; run 2: (3 × 1 + 1 × 2) ÷ 4 = 1.25.
        Assert.Equal(2.75, a[0].Score, Tolerance);
        Assert.Equal(1.25, a[1].Score, Tolerance);
        // B, run 1: (2 × −4 + 1 × 5) ÷ 3 = −1; run 2: (2 × 2 + 1 × 10) ÷ 3 = 14/3.
        Assert.Equal(-1, b[0].Score, Tolerance);
        Assert.Equal(14.0 / 3, b[1].Score, Tolerance);
        Assert.Equal([1, 2], a.Select(s => s.Rank));
        Assert.Equal([2, 1], b.Select(s => s.Rank));
        // Contributions add up to the score: A run 1 is 15/4 from CO2 and −4/4 from travel.
        Assert.Equal(3.75, a[0].Kpis.Single(k => k.Kpi == "co2Tonnes").Contribution, Tolerance);
        Assert.Equal(-1, a[0].Kpis.Single(k => k.Kpi == "travelTimeIndex").Contribution, Tolerance);
        Assert.Equal(a[0].Score, a[0].Kpis.Sum(k => k.Contribution), Tolerance);
    }

    [Fact]
    public void A_worsening_past_the_red_line_is_flagged_whatever_the_score()
    {
        var result = LensScorer.Score(TwoRuns(), [LensA]);
        // Travel worsens 4 % in run 1, past A's 2 % red line, though A scores run 1 well (+2.75).
        Assert.Equal(["travelTimeIndex"], result.Lenses[0].Runs[0].Breaches);
        Assert.True(result.Lenses[0].Runs[0].Score > 0);
        Assert.Empty(result.Lenses[0].Runs[1].Breaches);
    }

    [Fact]
    public void Disagreements_name_different_first_choices_opposite_verdicts_and_a_heavy_kpi_going_the_wrong_way()
    {
        var result = LensScorer.Score(TwoRuns(), [LensA, LensB]);
        var ranking = Assert.Single(result.Disagreements, d => d.Kind == "ranking");
        Assert.Equal([("r1", "a"), ("r2", "b")], ranking.Picks!.Select(p => (p.RunId, string.Join(",", p.LensIds))));
        Assert.Equal("a: Run 1 first; b: Run 2 first", ranking.Text);
        // Run 1 is better for A (+2.75) and worse for B (−1); run 2 is better for both.
        var sign = Assert.Single(result.Disagreements, d => d.Kind == "sign");
        Assert.Equal("r1", sign.RunId);
        Assert.Equal(["a"], sign.For!);
        Assert.Equal(["b"], sign.Against!);
        // B's heaviest KPI (travel, weight 2) worsens 4 % in run 1; vehicle-km (1 ≥ half of 2) improves.
        // A's heavy KPI (CO2, 3) improves in both runs; travel (1 < 1.5) is not heavy for A.
        var wrong = Assert.Single(result.Disagreements, d => d.Kind == "wrongWay");
        Assert.Equal(("b", "r1", "travelTimeIndex"), (wrong.LensId, wrong.RunId, wrong.Kpi));
        Assert.Equal(-4, wrong.Improvement!.Value, Tolerance);
    }

    [Fact]
    public void Lenses_that_agree_report_no_disagreement()
    {
        var result = LensScorer.Score(TwoRuns(), [LensA, LensA with { Id = "a2" }]);
        Assert.DoesNotContain(result.Disagreements, d => d.Kind is "ranking" or "sign");
    }

    [Theory]
    // Lower is better: −10 on 200 is +5 %; +10 on 200 is −5 %.
    [InlineData(200, -10, "lower", 5)]
    [InlineData(200, 10, "lower", -5)]
    [InlineData(200, 10, "higher", 5)]
    // A negative baseline counts by its size: +10 on −200 is +5 % when higher is better.
    [InlineData(-200, 10, "higher", 5)]
    // Clamped at ±100 %: 10 → 60 is a 500 % worsening.
    [InlineData(10, 50, "lower", -100)]
    [InlineData(10, -50, "lower", 100)]
    // A zero baseline: ±100 when it moves, 0 when not.
    [InlineData(0, 3, "lower", -100)]
    [InlineData(0, 3, "higher", 100)]
    [InlineData(0, 0, "lower", 0)]
    public void The_improvement_is_signed_by_the_lens_s_direction_and_clamped(double baseline, double delta, string better, double expected) =>
        Assert.Equal(expected, LensScorer.Improvement(baseline, delta, better), Tolerance);

    [Fact]
    public void Kpis_with_no_weight_or_missing_from_a_run_are_left_out_of_the_mean()
    {
        var lens = Lens("c", ("co2Tonnes", 2, "lower", null), ("pm25Mean", 0, "lower", null), ("floodAlarmHours", 5, "lower", null));
        // The run has CO2 (+5 %) and PM2.5 (−50 %, weight 0) but no flood KPI: the score is CO2's alone.
        var comparison = Comparison(("co2Tonnes", "CO2", "lower", [(200, -10)]), ("pm25Mean", "PM2.5", "lower", [(20, 10)]));
        var score = LensScorer.Score(comparison, [lens]).Lenses[0].Runs[0];
        Assert.Equal(5, score.Score, Tolerance);
        Assert.Equal(["co2Tonnes"], score.Kpis.Select(k => k.Kpi));
    }

    private static Lens Lens(string id, params (string Kpi, double Weight, string Better, double? Red)[] kpis) => new()
    {
        Id = id,
        Name = new Dictionary<string, string> { ["en"] = id },
        Kpis = [.. kpis.Select(k => new LensKpi { Kpi = k.Kpi, Weight = k.Weight, Better = k.Better, RedLinePercent = k.Red })],
    };

    private static ScenarioComparison Comparison(params (string Id, string Name, string Better, (double Baseline, double Delta)[] Runs)[] kpis)
    {
        var runCount = kpis[0].Runs.Length;
        var runs = Enumerable.Range(1, runCount).Select(i => new ComparedRun($"r{i}", $"Run {i}", [42], DateTimeOffset.UnixEpoch, 24, 60, [], null)).ToList();
        return new ScenarioComparison(runs, [.. kpis.Select(k => new ComparedKpi(k.Id, k.Name, "", k.Better,
            [.. k.Runs.Select(r => (ComparedValue?)new ComparedValue(r.Baseline, r.Baseline + r.Delta, r.Delta, r.Baseline == 0 ? null : r.Delta / Math.Abs(r.Baseline) * 100, "changed", null))]))]);
    }
}
