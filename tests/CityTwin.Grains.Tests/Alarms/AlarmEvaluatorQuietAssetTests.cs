using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Grains.Alarms;

namespace CityTwin.Grains.Tests.Alarms;

/// <summary>
/// The evaluator skips slots whose value is within its limit and whose asset reported in time;
/// these are the cases where something must still happen on a batch that brings nothing new for
/// the asset concerned.
/// </summary>
public sealed class AlarmEvaluatorQuietAssetTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly AlarmSource Road = new("road-a", AssetKind.RoadSegment, "d1", "g1");
    private static readonly AlarmSource Flood = new("flood-a", AssetKind.FloodSensor, "d1", "g1");

    private static readonly AlarmRule FloodStale = new() { Id = "stale", Name = "silent", Type = AlarmRuleType.Stale, Kind = "flood", Limit = 15 };
    private static readonly AlarmRule VcDelayed = new() { Id = "vc", Name = "v/c", Type = AlarmRuleType.Threshold, Kind = "road", Channel = "vc", Limit = 1.0, Hysteresis = 0.1, DelaySeconds = 600 };
    private static readonly AlarmRule RoadStale = new() { Id = "road-stale", Name = "road silent", Type = AlarmRuleType.Stale, Kind = "road", Limit = 15 };

    private static AlarmEvaluator Evaluator(long version, AlarmRule[] rules, AlarmEvaluator? previous = null) =>
        new(AreaLevel.Dong, "d1", "g1", [Road, Flood], new AlarmRuleSet(version, rules), previous);

    [Fact]
    public void A_silent_asset_turns_stale_on_the_first_batch_past_its_limit_while_the_others_keep_reporting()
    {
        var e = Evaluator(1, [FloodStale, RoadStale]);
        // The flood sensor's last reading, kept as the same array from then on.
        double[] flood = [12, 0];
        var updatedAt = new[] { T0, T0 };
        var raisedAt = (DateTimeOffset?)null;
        for (var at = T0; at <= T0.AddMinutes(20); at = at.AddSeconds(30))
        {
            updatedAt[0] = at; // the road reports every batch
            var output = new List<AlarmTransition>();
            e.EvaluateAssets(at, [[100, 30, 0.5], flood], updatedAt, output);
            if (output.Count == 0) continue;
            var t = Assert.Single(output);
            Assert.Equal(("stale", "flood-a", true), (t.RuleId, t.SourceId, t.Raise));
            Assert.Equal(15.5, t.Value);
            raisedAt ??= at;
        }
        // 15 minutes of silence is not past the limit; the first batch after it is.
        Assert.Equal(T0.AddMinutes(15.5), raisedAt);
    }

    [Fact]
    public void A_delay_completes_on_a_batch_that_brings_nothing_new_from_its_asset()
    {
        var e = Evaluator(1, [VcDelayed]);
        double[] road = [100, 30, 1.2];
        var output = new List<AlarmTransition>();
        e.EvaluateAssets(T0, [road, [0, 0]], [T0, T0], output);
        Assert.Equal(["vc|road-a"], e.Holding());
        // The same reading stays in force; only the city clock moves.
        e.EvaluateAssets(T0.AddMinutes(9), [road, [0, 0]], [T0, T0], output);
        Assert.Empty(output);
        e.EvaluateAssets(T0.AddMinutes(10), [road, [0, 0]], [T0, T0], output);
        var raised = Assert.Single(output);
        Assert.Equal(("vc", "road-a", true, 1.2), (raised.RuleId, raised.SourceId, raised.Raise, raised.Value));
    }

    [Fact]
    public void A_rule_book_edit_mid_run_keeps_the_running_delay_and_the_counted_silence()
    {
        var e = Evaluator(1, [VcDelayed, FloodStale]);
        double[] road = [100, 30, 1.2];
        double[] flood = [12, 0];
        var output = new List<AlarmTransition>();
        e.EvaluateAssets(T0, [road, flood], [T0, T0], output);
        e.EvaluateAssets(T0.AddMinutes(5), [road, flood], [T0, T0], output);
        Assert.Empty(output);

        // An unrelated rule is added: the new evaluator carries on where the old one was.
        var edited = Evaluator(2, [VcDelayed, FloodStale, RoadStale with { Limit = 60 }], e);
        edited.EvaluateAssets(T0.AddMinutes(8), [road, flood], [T0, T0], output);
        Assert.Empty(output);
        edited.EvaluateAssets(T0.AddMinutes(10), [road, flood], [T0, T0], output);
        Assert.Equal([("vc", true)], output.Select(t => (t.RuleId, t.Raise)));
        output.Clear();
        edited.EvaluateAssets(T0.AddMinutes(15), [road, flood], [T0, T0], output);
        Assert.Empty(output);
        edited.EvaluateAssets(T0.AddMinutes(16), [road, flood], [T0, T0], output);
        Assert.Equal([("stale", "flood-a", true)], output.Select(t => (t.RuleId, t.SourceId, t.Raise)));
    }

    [Fact]
    public void A_stale_alarm_restated_later_carries_the_silence_as_it_stands_then()
    {
        var e = Evaluator(1, [FloodStale]);
        double[] flood = [12, 0];
        var output = new List<AlarmTransition>();
        e.EvaluateAssets(T0, [[100, 30, 0.5], flood], [T0, T0], output);
        e.EvaluateAssets(T0.AddMinutes(16), [[100, 30, 0.5], flood], [T0.AddMinutes(16), T0], output);
        Assert.Equal(16, Assert.Single(output).Value);
        e.EvaluateAssets(T0.AddMinutes(40), [[100, 30, 0.5], flood], [T0.AddMinutes(40), T0], output);
        var restated = new List<AlarmTransition>();
        e.ActiveRaises(T0.AddMinutes(40), restated);
        Assert.Equal(40, Assert.Single(restated).Value);
    }

    [Fact]
    public void Transitions_of_one_batch_come_in_rule_book_order_whichever_asset_changed()
    {
        var vc = VcDelayed with { DelaySeconds = 0 };
        var level = new AlarmRule { Id = "level", Name = "level", Type = AlarmRuleType.Threshold, Kind = "flood", Channel = "level_cm", Limit = 30 };
        var e = Evaluator(1, [level, vc, FloodStale]);
        var output = new List<AlarmTransition>();
        e.EvaluateAssets(T0, [[100, 30, 1.5], []], [T0, T0], output);
        Assert.Equal(["vc|road-a", "stale|flood-a"], output.Select(t => AlarmEvaluator.Key(t.RuleId, t.SourceId)));
        output.Clear();
        e.EvaluateAssets(T0.AddMinutes(1), [[100, 30, 0.5], [40, 0]], [T0.AddMinutes(1), T0.AddMinutes(1)], output);
        Assert.Equal(["level|flood-a:True", "vc|road-a:False", "stale|flood-a:False"], output.Select(t => $"{AlarmEvaluator.Key(t.RuleId, t.SourceId)}:{t.Raise}"));
    }
}
