using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Grains.Alarms;

namespace CityTwin.Grains.Tests.Alarms;

/// <summary>
/// The evaluator reads a slot only when its gate says the batch can change something for it. Over
/// generated histories (readings, repeats of the same array, silences, offline reports, delays,
/// rates, clock jumps and rule-book edits) it must say exactly what looking at every slot every
/// batch says
/// (<see cref="PlainAlarmEvaluator"/>): the same transitions with the same values in the same
/// order, the same conditions holding and the same restatements.
/// </summary>
public sealed class AlarmEvaluatorEquivalenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly AlarmSource[] Assets =
    [
        new("road-a", AssetKind.RoadSegment, "d1", "g1"),
        new("road-b", AssetKind.RoadSegment, "d1", "g1"),
        new("road-c", AssetKind.RoadSegment, "d2", "g1"),
        new("flood-a", AssetKind.FloodSensor, "d1", "g1"),
        new("flood-b", AssetKind.FloodSensor, "d1", "g1"),
        new("pump-a", AssetKind.WaterPump, "d1", "g1"),
        new("light-a", AssetKind.StreetlightCircuit, "d1", "g1"),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reading_only_the_slots_a_batch_can_change_says_what_reading_every_slot_says(int block)
    {
        // 50 generated histories per case, 400 batches each.
        for (var seed = block * 50; seed < (block + 1) * 50; seed++) Run(seed, 400);
    }

    private static void Run(int seed, int steps)
    {
        var random = new Random(seed);
        var rules = RuleBook(random);
        var version = 1L;
        var fast = new AlarmEvaluator(AreaLevel.Dong, "d1", "g1", Assets, new AlarmRuleSet(version, rules));
        var plain = new PlainAlarmEvaluator(AreaLevel.Dong, "d1", "g1", Assets, new AlarmRuleSet(version, rules));
        // What a dong hands over: each asset's latest array (replaced, never changed) and report time.
        var values = Enumerable.Repeat(Array.Empty<double>(), Assets.Length).ToArray();
        var updatedAt = new DateTimeOffset[Assets.Length];
        // Some assets report almost every batch, some rarely, so silences pass the stale limits.
        var reportShare = Assets.Select(asset => random.Next(3) switch { 0 => 0.05, 1 => 0.5, _ => 0.95 }).ToArray();
        var at = T0;
        for (var step = 0; step < steps; step++)
        {
            var where = $"seed {seed}, batch {step}";
            at = at.AddSeconds(random.Next(8) switch { 0 => 0, 1 => 1, 2 => 15, 3 => 30, 4 => 60, 5 => 61, 6 => 150, _ => 400 });
            switch (random.Next(100))
            {
                case 0:
                    // The city clock jumps (back or forward), as the dong handles it.
                    at = at.AddMinutes(random.Next(2) == 0 ? -random.Next(1, 180) : random.Next(1, 30));
                    for (var i = 0; i < updatedAt.Length; i++)
                        if (updatedAt[i] > at) updatedAt[i] = at;
                    fast.RestartClock();
                    plain.RestartClock();
                    break;
                case 1 or 2 or 3:
                    // The rule book is edited: a new evaluator takes over from the old one.
                    rules = Edit(random, rules);
                    version++;
                    fast = new AlarmEvaluator(AreaLevel.Dong, "d1", "g1", Assets, new AlarmRuleSet(version, rules), fast);
                    plain = new PlainAlarmEvaluator(AreaLevel.Dong, "d1", "g1", Assets, new AlarmRuleSet(version, rules), plain);
                    Same(Raises(plain.ActiveRaises, at), Raises(fast.ActiveRaises, at), where + ", restatement after an edit");
                    break;
            }
            for (var i = 0; i < Assets.Length; i++)
            {
                if (random.NextDouble() >= reportShare[i]) continue;
                values[i] = random.Next(10) == 0 ? Array.Empty<double>() : Reading(random, Assets[i].Kind);
                // A feed reading may carry its own, slightly earlier instant; never older than the one held.
                var reported = random.Next(4) == 0 ? at.AddSeconds(-random.Next(0, 20)) : at;
                updatedAt[i] = reported > updatedAt[i] ? reported : updatedAt[i];
            }

            List<AlarmTransition> expected = [], actual = [];
            plain.EvaluateAssets(at, values, updatedAt, expected);
            fast.EvaluateAssets(at, values, updatedAt, actual);
            var kpis = random.Next(4) == 0 ? KpiSet.Empty : new KpiSet { Pm25Sum = 2 * random.Next(20, 50), AirStations = 2 };
            plain.EvaluateArea(at, kpis, expected);
            fast.EvaluateArea(at, kpis, actual);
            Same(expected, actual, where);
            Assert.True(plain.Holding().SequenceEqual(fast.Holding()), $"{where}: holding {string.Join(",", fast.Holding())}, expected {string.Join(",", plain.Holding())}");
            if (step % 10 == 0) Same(Raises(plain.ActiveRaises, at), Raises(fast.ActiveRaises, at), where + ", restatement");
        }
    }

    private static List<AlarmTransition> Raises(Action<DateTimeOffset, List<AlarmTransition>> restate, DateTimeOffset at)
    {
        var output = new List<AlarmTransition>();
        restate(at, output);
        return output;
    }

    private static void Same(List<AlarmTransition> expected, List<AlarmTransition> actual, string where) =>
        Assert.True(expected.SequenceEqual(actual), $"{where}: said [{string.Join("; ", actual)}], expected [{string.Join("; ", expected)}]");

    private static double[] Reading(Random random, AssetKind kind) => kind switch
    {
        AssetKind.RoadSegment => [random.Next(0, 2000), random.Next(0, 20), 0.7 + random.NextDouble() * 0.6],
        AssetKind.FloodSensor => [random.Next(0, 12) * 5.0, random.Next(0, 50)],
        AssetKind.WaterPump => [random.Next(0, 300), random.NextDouble() * 3],
        _ => [random.NextDouble() * 10, random.Next(0, 101), random.Next(0, 9)],
    };

    /// <summary>A random subset of every rule type, with and without delays, scoped and not.</summary>
    private static List<AlarmRule> RuleBook(Random random)
    {
        var delay = () => random.Next(3) switch { 0 => 0, 1 => 30, _ => 300 };
        AlarmRule[] pool =
        [
            new() { Id = "vc", Name = "vc", Type = AlarmRuleType.Threshold, Kind = "road", Channel = "vc", Limit = 1.0, Hysteresis = 0.1, DelaySeconds = delay() },
            new() { Id = "slow", Name = "slow", Type = AlarmRuleType.Threshold, Kind = "road", Channel = "speed_kmh", Limit = 10, Above = false, Hysteresis = 5, DelaySeconds = delay() },
            new() { Id = "vc-d2", Name = "vc d2", Type = AlarmRuleType.Threshold, Kind = "road", Channel = "vc", Limit = 0.9, AreaCode = "d2" },
            new() { Id = "level", Name = "level", Type = AlarmRuleType.Threshold, Kind = "flood", Channel = "level_cm", Limit = 30, Hysteresis = 3, DelaySeconds = delay() },
            new() { Id = "rise", Name = "rise", Type = AlarmRuleType.RateOfChange, Kind = "flood", Channel = "level_cm", Limit = 2, Hysteresis = 1, DelaySeconds = delay() },
            new() { Id = "fall", Name = "fall", Type = AlarmRuleType.RateOfChange, Kind = "flood", Channel = "level_cm", Limit = 3, Above = false, Hysteresis = 1 },
            new() { Id = "pressure", Name = "pressure", Type = AlarmRuleType.Threshold, Kind = "pump", Channel = "pressure_bar", Limit = 1.5, Above = false, Hysteresis = 0.125 },
            new() { Id = "road-stale", Name = "road stale", Type = AlarmRuleType.Stale, Kind = "road", Limit = random.Next(1, 4), DelaySeconds = delay() },
            new() { Id = "flood-stale", Name = "flood stale", Type = AlarmRuleType.Stale, Kind = "flood", Limit = 2 },
            new() { Id = "pump-stale", Name = "pump stale", Type = AlarmRuleType.Stale, Kind = "pump", Limit = 5, DelaySeconds = 60 },
            new() { Id = "lamps", Name = "lamps", Type = AlarmRuleType.Threshold, Kind = "streetlight", Channel = "lamps_out", Limit = 5, Hysteresis = 0.75, Enabled = random.Next(2) == 0 },
            new() { Id = "pm", Name = "pm", Type = AlarmRuleType.AreaKpi, Level = AreaLevel.Dong, Kpi = KpiNames.Pm25, Limit = 35, Hysteresis = 5, DelaySeconds = delay() },
        ];
        return [.. pool.Where(_ => random.Next(4) != 0)];
    }

    /// <summary>One edit an operator could make: a new limit or delay, a rule switched off or on, removed or brought back.</summary>
    private static List<AlarmRule> Edit(Random random, List<AlarmRule> rules)
    {
        var edited = rules.ToList();
        if (edited.Count == 0 || random.Next(5) == 0) return [.. RuleBook(random).Where(r => edited.All(e => e.Id != r.Id)).Take(1).Concat(edited)];
        var i = random.Next(edited.Count);
        var rule = edited[i];
        switch (random.Next(4))
        {
            case 0: edited[i] = rule with { Limit = rule.Limit + 1, Version = rule.Version + 1 }; break;
            case 1: edited[i] = rule with { DelaySeconds = rule.DelaySeconds == 0 ? 60 : 0, Version = rule.Version + 1 }; break;
            case 2: edited[i] = rule with { Enabled = !rule.Enabled, Version = rule.Version + 1 }; break;
            default: edited.RemoveAt(i); break;
        }
        return edited;
    }
}
