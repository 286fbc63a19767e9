using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Grains.Alarms;

namespace CityTwin.Grains.Tests.Alarms;

/// <summary>Each rule type on the pure evaluator: when it raises, when it clears, what it ignores.</summary>
public sealed class AlarmEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly AlarmSource Road = new("road-a", AssetKind.RoadSegment, "d1", "g1");
    private static readonly AlarmSource OtherRoad = new("road-b", AssetKind.RoadSegment, "d2", "g1");
    private static readonly AlarmSource Flood = new("flood-a", AssetKind.FloodSensor, "d1", "g1");

    private static AlarmRule Vc(double delay = 0) => new()
    {
        Id = "vc", Name = "v/c", Type = AlarmRuleType.Threshold, Kind = "road", Channel = "vc", Limit = 1.0, Hysteresis = 0.1, DelaySeconds = delay,
    };

    private static AlarmEvaluator Evaluator(params AlarmRule[] rules) =>
        new(AreaLevel.Dong, "d1", "g1", [Road, Flood], new AlarmRuleSet(1, rules));

    private static List<AlarmTransition> Step(AlarmEvaluator e, DateTimeOffset at, double vc, double level = 0, DateTimeOffset? floodReported = null)
    {
        var output = new List<AlarmTransition>();
        e.EvaluateAssets(at, [[100, 30, vc], [level, 0]], [at, floodReported ?? at], output);
        return output;
    }

    [Fact]
    public void Threshold_raises_at_the_limit_and_clears_only_past_the_hysteresis()
    {
        var e = Evaluator(Vc());
        Assert.Empty(Step(e, T0, 0.95));
        var raised = Assert.Single(Step(e, T0.AddMinutes(1), 1.05));
        Assert.True(raised.Raise);
        Assert.Equal(("vc", "road-a", 1.05), (raised.RuleId, raised.SourceId, raised.Value));
        // Back under the limit but inside the hysteresis band: still active, nothing said.
        Assert.Empty(Step(e, T0.AddMinutes(2), 0.95));
        Assert.Empty(Step(e, T0.AddMinutes(3), 1.2));
        var cleared = Assert.Single(Step(e, T0.AddMinutes(4), 0.85));
        Assert.False(cleared.Raise);
    }

    [Fact]
    public void Threshold_with_a_delay_raises_only_when_the_condition_held_that_long()
    {
        var e = Evaluator(Vc(delay: 600));
        Assert.Empty(Step(e, T0, 1.1));
        Assert.Empty(Step(e, T0.AddMinutes(5), 1.1));
        // Dipping below restarts the wait.
        Assert.Empty(Step(e, T0.AddMinutes(6), 0.5));
        Assert.Empty(Step(e, T0.AddMinutes(7), 1.1));
        Assert.Empty(Step(e, T0.AddMinutes(16), 1.1));
        Assert.Equal(["vc|road-a"], e.Holding());
        Assert.True(Assert.Single(Step(e, T0.AddMinutes(17), 1.1)).Raise);
    }

    [Fact]
    public void Low_side_rules_raise_below_the_limit()
    {
        var rule = new AlarmRule { Id = "speed", Name = "slow", Type = AlarmRuleType.Threshold, Kind = "road", Channel = "speed_kmh", Limit = 10, Above = false, Hysteresis = 5 };
        var e = Evaluator(rule);
        var output = new List<AlarmTransition>();
        e.EvaluateAssets(T0, [[100, 8, 0.5], [0, 0]], [T0, T0], output);
        Assert.True(Assert.Single(output).Raise);
        output.Clear();
        e.EvaluateAssets(T0.AddMinutes(1), [[100, 12, 0.5], [0, 0]], [T0.AddMinutes(1), T0], output);
        Assert.Empty(output);
        e.EvaluateAssets(T0.AddMinutes(2), [[100, 16, 0.5], [0, 0]], [T0.AddMinutes(2), T0], output);
        Assert.False(Assert.Single(output).Raise);
    }

    [Fact]
    public void Rate_of_change_raises_on_a_fast_rise_per_simulated_minute_and_clears_when_it_slows()
    {
        var rule = new AlarmRule { Id = "rise", Name = "rising", Type = AlarmRuleType.RateOfChange, Kind = "flood", Channel = "level_cm", Limit = 2, Hysteresis = 1 };
        var e = Evaluator(rule);
        Assert.Empty(Step(e, T0, 0.5, level: 10));                       // baseline
        Assert.Empty(Step(e, T0.AddMinutes(1), 0.5, level: 11));         // 1 cm/min
        var raised = Assert.Single(Step(e, T0.AddMinutes(2), 0.5, level: 14)); // 3 cm/min
        Assert.True(raised.Raise);
        Assert.Equal(3, raised.Value, 6);
        // No new reading (same report time): the rate is not re-judged.
        Assert.Empty(Step(e, T0.AddMinutes(3), 0.5, level: 14, floodReported: T0.AddMinutes(2)));
        Assert.Empty(Step(e, T0.AddMinutes(4), 0.5, level: 17, floodReported: T0.AddMinutes(4))); // 1.5 cm/min, inside hysteresis
        Assert.False(Assert.Single(Step(e, T0.AddMinutes(5), 0.5, level: 17.5)).Raise);   // 0.5 cm/min
    }

    [Fact]
    public void After_a_jump_back_of_the_clock_delays_and_rates_count_again_from_the_jump()
    {
        var rise = new AlarmRule { Id = "rise", Name = "rising", Type = AlarmRuleType.RateOfChange, Kind = "flood", Channel = "level_cm", Limit = 2, Hysteresis = 1 };
        var e = Evaluator(Vc(delay: 600), rise);
        Assert.Empty(Step(e, T0, 0.5, level: 10));
        Assert.Empty(Step(e, T0.AddMinutes(5), 1.1, level: 11)); // the v/c delay starts counting

        // Three hours back: without a restart the delay would wait for the clock to pass T0+5 min
        // again and the rate rule would ignore every reading older than its last one.
        var back = T0.AddHours(-3);
        e.RestartClock();
        Assert.Empty(Step(e, back, 1.1, level: 20));
        var later = Step(e, back.AddMinutes(10), 1.1, level: 50);
        Assert.Contains(later, t => t.RuleId == "vc" && t.Raise);
        Assert.Contains(later, t => t.RuleId == "rise" && t.Raise && Math.Abs(t.Value - 3) < 1e-6);
    }

    [Fact]
    public void Stale_raises_after_the_silence_or_an_offline_report_and_clears_on_the_next_report()
    {
        var rule = new AlarmRule { Id = "stale", Name = "silent", Type = AlarmRuleType.Stale, Kind = "flood", Limit = 15 };
        var e = Evaluator(rule);
        Assert.Empty(Step(e, T0, 0.5, floodReported: T0));
        Assert.Empty(Step(e, T0.AddMinutes(15), 0.5, floodReported: T0));
        var raised = Assert.Single(Step(e, T0.AddMinutes(16), 0.5, floodReported: T0));
        Assert.True(raised.Raise);
        Assert.Equal("flood-a", raised.SourceId);
        Assert.False(Assert.Single(Step(e, T0.AddMinutes(17), 0.5, floodReported: T0.AddMinutes(17))).Raise);

        // A device that reports itself offline (no values) is stale at once.
        var output = new List<AlarmTransition>();
        e.EvaluateAssets(T0.AddMinutes(18), [[100, 30, 0.5], []], [T0.AddMinutes(18), T0.AddMinutes(18)], output);
        Assert.True(Assert.Single(output).Raise);
    }

    [Fact]
    public void Area_kpi_rules_watch_the_dong_aggregate_with_delay_and_hysteresis()
    {
        var rule = new AlarmRule { Id = "pm", Name = "pm", Type = AlarmRuleType.AreaKpi, Level = AreaLevel.Dong, Kpi = KpiNames.Pm25, Limit = 35, Hysteresis = 5, DelaySeconds = 60 };
        var e = Evaluator(rule);
        var output = new List<AlarmTransition>();
        KpiSet Pm(double mean) => new() { Pm25Sum = mean * 2, AirStations = 2 };
        e.EvaluateArea(T0, Pm(40), output);
        Assert.Empty(output);
        e.EvaluateArea(T0.AddSeconds(60), Pm(40), output);
        var raised = Assert.Single(output);
        Assert.Equal(("pm", "d1", 40.0), (raised.RuleId, raised.SourceId, raised.Value));
        output.Clear();
        e.EvaluateArea(T0.AddSeconds(120), Pm(32), output);
        Assert.Empty(output);
        e.EvaluateArea(T0.AddSeconds(180), Pm(29), output);
        Assert.False(Assert.Single(output).Raise);
        // No station reporting: no judgement either way.
        output.Clear();
        e.EvaluateArea(T0.AddSeconds(240), KpiSet.Empty, output);
        Assert.Empty(output);
    }

    [Fact]
    public void Gu_rules_are_left_to_the_gu_and_scoped_rules_to_their_area()
    {
        var guRule = new AlarmRule { Id = "cong", Name = "c", Type = AlarmRuleType.AreaKpi, Level = AreaLevel.Gu, Kpi = KpiNames.CongestionIndex, Limit = 0.9 };
        var elsewhere = Vc() with { Id = "vc-d2", AreaCode = "d2" };
        var here = Vc() with { Id = "vc-g1", AreaCode = "g1" };
        var dong = new AlarmEvaluator(AreaLevel.Dong, "d1", "g1", [Road, OtherRoad], new AlarmRuleSet(1, [guRule, elsewhere, here]));
        Assert.Equal(3, dong.SlotCount); // vc-d2 on road-b, vc-g1 on both roads
        var output = new List<AlarmTransition>();
        dong.EvaluateAssets(T0, [[1, 1, 1.5], [1, 1, 0.2]], [T0, T0], output);
        Assert.Equal(["vc-g1|road-a"], output.Select(t => AlarmEvaluator.Key(t.RuleId, t.SourceId)));

        var gu = new AlarmEvaluator(AreaLevel.Gu, "g1", "g1", [], new AlarmRuleSet(1, [guRule, here]));
        output.Clear();
        gu.EvaluateArea(T0, new KpiSet { Flow = 10, FlowTimesVc = 9.5 }, output);
        Assert.Equal(("cong", "g1"), (Assert.Single(output).RuleId, output[0].SourceId));
    }

    [Fact]
    public void A_new_rule_book_keeps_the_state_of_unchanged_rules_and_restarts_edited_ones()
    {
        var stale = new AlarmRule { Id = "stale", Name = "s", Type = AlarmRuleType.Stale, Kind = "flood", Limit = 15 };
        var first = Evaluator(Vc(), stale);
        Assert.True(Assert.Single(Step(first, T0, 1.5)).Raise);
        var edited = new AlarmEvaluator(AreaLevel.Dong, "d1", "g1", [Road, Flood], new AlarmRuleSet(2, [Vc(), stale with { Limit = 20, Version = 2 }]), first);
        var restated = new List<AlarmTransition>();
        edited.ActiveRaises(T0, restated);
        Assert.Equal(["vc"], restated.Select(t => t.RuleId));
        // Still active under the unchanged rule: no second raise.
        Assert.Empty(Step(edited, T0.AddMinutes(1), 1.5));
        var disabled = new AlarmEvaluator(AreaLevel.Dong, "d1", "g1", [Road, Flood], new AlarmRuleSet(3, [Vc() with { Enabled = false }]), edited);
        Assert.Equal(0, disabled.SlotCount);
        Assert.Empty(disabled.Holding());
    }
}
