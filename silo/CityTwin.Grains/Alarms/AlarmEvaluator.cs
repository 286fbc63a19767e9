using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// Turns one area's readings into alarm transitions with the rule book: pure and single-threaded
/// (it lives inside one grain activation). Every (rule, source) pair is a slot in one flat array,
/// so an update costs a few comparisons and allocates nothing unless a condition starts or ends.
/// Asset rules run on <see cref="EvaluateAssets"/> (per dong batch), area KPI rules on
/// <see cref="EvaluateArea"/> (the dong's or gu's aggregate).
/// </summary>
/// <remarks>
/// A batch first runs through the asset slots' gates (<see cref="AlarmGate"/>, a small array in
/// slot order): a value within its limit, or a silence short of the stale limit, while nothing
/// holds and no delay runs, changes nothing, and the slot itself is not read. Only the rest (a
/// value past a limit, a condition holding or pending, a new report for a rate rule) is looked at
/// in full, so what is said, and in what order, is what looking at every slot would say.
/// </remarks>
public sealed class AlarmEvaluator
{
    private readonly AlarmSlot[] _slots;
    // One per asset slot, in slot order (the order transitions are said in).
    private readonly AlarmGate[] _gates;
    private readonly int[] _areaSlots;
    private DateTimeOffset _started;

    /// <summary>
    /// Builds the slots of <paramref name="rules"/> that apply to <paramref name="assets"/> (asset
    /// rules) and to the area itself (KPI rules of <paramref name="level"/>). A <paramref name="previous"/>
    /// evaluator hands over the state of slots whose rule is unchanged, so an edit elsewhere in the
    /// rule book neither re-raises nor forgets a pending delay.
    /// </summary>
    public AlarmEvaluator(AreaLevel level, string areaCode, string guCode, IReadOnlyList<AlarmSource> assets, AlarmRuleSet rules, AlarmEvaluator? previous = null)
    {
        RulesVersion = rules.Version;
        var slots = new List<AlarmSlot>();
        foreach (var rule in rules.Rules)
        {
            if (!rule.Enabled) continue;
            if (rule.IsAssetRule)
            {
                if (level != AreaLevel.Dong || !AssetKinds.TryParse(rule.Kind ?? "", out var kind)) continue;
                var channel = rule.Type == AlarmRuleType.Stale ? -1 : AssetKinds.Of(kind).ChannelIndex(rule.Channel ?? "");
                if (rule.Type != AlarmRuleType.Stale && channel < 0) continue;
                for (var i = 0; i < assets.Count; i++)
                {
                    var a = assets[i];
                    if (a.Kind != kind || !Covers(rule, a.DongCode, a.GuCode)) continue;
                    slots.Add(AlarmSlot.For(rule, a.Id, i, channel));
                }
            }
            else if (rule.Level == level && Covers(rule, level == AreaLevel.Dong ? areaCode : null, guCode) && KpiValue(KpiSet.Empty, rule.Kpi) is not null)
            {
                slots.Add(AlarmSlot.For(rule, areaCode, -1, -1));
            }
        }
        _slots = [.. slots];
        _areaSlots = [.. Enumerable.Range(0, _slots.Length).Where(s => _slots[s].Asset < 0)];
        if (previous is not null) TakeOver(previous);
        _gates = [.. Enumerable.Range(0, _slots.Length).Where(s => _slots[s].Asset >= 0).Select(GateOf)];
    }

    /// <summary>The rule-book version the slots were built from.</summary>
    public long RulesVersion { get; }

    /// <summary>How many (rule, source) pairs this evaluator watches.</summary>
    public int SlotCount => _slots.Length;

    /// <summary>
    /// The city clock jumped (a new timeline): delays, rates and silences counted in the abandoned
    /// timeline mean nothing in the new one (a jump back would otherwise hold every pending delay and
    /// every rate rule until the clock caught up). Active alarms stay active until their condition
    /// clears in the new timeline.
    /// </summary>
    public void RestartClock()
    {
        _started = default;
        for (var s = 0; s < _slots.Length; s++)
        {
            _slots[s].PendingSince = 0;
            _slots[s].LastReport = 0;
        }
        foreach (ref var gate in _gates.AsSpan()) gate.Refresh(_slots[gate.Slot]);
    }

    /// <summary>
    /// Evaluates asset rules over a dong's current values (<c>values[i]</c> empty when asset i
    /// reported itself offline) and last report times; appends raises and clears to <paramref name="output"/>.
    /// </summary>
    public void EvaluateAssets(DateTimeOffset at, double[][] values, DateTimeOffset[] updatedAt, List<AlarmTransition> output)
    {
        if (_started == default) _started = at;
        var now = at.UtcTicks;
        foreach (ref var gate in _gates.AsSpan())
        {
            var v = values[gate.Asset];
            switch (gate.Type)
            {
                case AlarmRuleType.Threshold:
                    // Offline (no such channel) or within the limit: nothing to say or to count.
                    if ((uint)gate.Channel >= (uint)v.Length || gate.Sign * v[gate.Channel] < gate.Quiet) continue;
                    break;
                case AlarmRuleType.Stale:
                    // Reporting, and silent for less than the limit.
                    if (v.Length != 0 && now - SilentSince(updatedAt[gate.Asset].UtcTicks) <= gate.Quiet) continue;
                    break;
            }
            Evaluate(ref _slots[gate.Slot], v, updatedAt[gate.Asset].UtcTicks, at, now, output);
            gate.Refresh(_slots[gate.Slot]);
        }
    }

    /// <summary>Evaluates area KPI rules over the area's aggregate.</summary>
    public void EvaluateArea(DateTimeOffset at, KpiSet kpis, List<AlarmTransition> output)
    {
        if (_started == default) _started = at;
        foreach (var s in _areaSlots)
        {
            ref var slot = ref _slots[s];
            if (KpiValue(kpis, slot.Rule.Kpi) is { } v && double.IsFinite(v)) Threshold(ref slot, v, at, at.UtcTicks, output);
        }
    }

    /// <summary>Raises for every active slot (to restate them after a restart).</summary>
    public void ActiveRaises(DateTimeOffset at, List<AlarmTransition> output)
    {
        foreach (ref readonly var slot in _slots.AsSpan())
            if (slot.Active) output.Add(new AlarmTransition(slot.Rule.Id, slot.Source, true, slot.LastValue, at));
    }

    /// <summary>Keys (<c>rule|source</c>) of every slot whose condition holds now, raised or still in its delay.</summary>
    public IReadOnlyList<string> Holding()
    {
        var keys = new List<string>();
        foreach (ref readonly var slot in _slots.AsSpan())
            if (slot.Active || slot.PendingSince != 0) keys.Add(Key(slot.Rule.Id, slot.Source));
        return keys;
    }

    /// <summary>The key the alarm book matches holding conditions by.</summary>
    public static string Key(string ruleId, string sourceId) => string.Concat(ruleId, "|", sourceId);

    /// <summary>The public value of a KPI by wire name (null when no such KPI).</summary>
    public static double? KpiValue(KpiSet kpis, string? kpi) => kpi switch
    {
        KpiNames.CongestionIndex => kpis.CongestionIndex,
        KpiNames.Pm25 => kpis.MeanPm25,
        KpiNames.ElectricLoadMw => kpis.ElectricLoadMw,
        KpiNames.StreetlightKw => kpis.StreetlightKw,
        KpiNames.FloodMaxCm => kpis.FloodMaxCm,
        KpiNames.AssetsInAlarm => kpis.Alarms,
        KpiNames.AssetsWarning => kpis.Warnings,
        KpiNames.AssetsOffline => kpis.Offline,
        _ => null,
    };

    private static bool Covers(AlarmRule rule, string? dongCode, string guCode) =>
        rule.AreaCode is null || rule.AreaCode == guCode || (dongCode is not null && rule.AreaCode == dongCode);

    private AlarmGate GateOf(int s)
    {
        ref readonly var slot = ref _slots[s];
        var gate = new AlarmGate { Type = slot.Type, Asset = slot.Asset, Channel = slot.Channel, Slot = s, Sign = slot.Above ? 1 : -1 };
        gate.Refresh(slot);
        return gate;
    }

    // An asset never heard counts from the evaluator's first batch, not from the year 1.
    private long SilentSince(long reported) => reported == 0 ? _started.UtcTicks : reported;

    /// <summary>One asset slot in full, as if no gate had looked first.</summary>
    private void Evaluate(ref AlarmSlot slot, double[] v, long reported, DateTimeOffset at, long now, List<AlarmTransition> output)
    {
        switch (slot.Type)
        {
            case AlarmRuleType.Threshold:
                if (slot.Channel < v.Length) Threshold(ref slot, v[slot.Channel], at, now, output);
                break;
            case AlarmRuleType.RateOfChange:
                if (slot.Channel < v.Length) Rate(ref slot, v[slot.Channel], reported, at, now, output);
                break;
            case AlarmRuleType.Stale:
                Stale(ref slot, v.Length == 0, SilentSince(reported), at, now, output);
                break;
        }
    }

    private static void Threshold(ref AlarmSlot slot, double v, DateTimeOffset at, long now, List<AlarmTransition> output)
    {
        slot.LastValue = v;
        if (!slot.Active) Pend(ref slot, slot.Above ? v >= slot.Limit : v <= slot.Limit, v, at, now, output);
        else if (slot.Above ? v < slot.ClearLimit : v > slot.ClearLimit) Clear(ref slot, v, at, output);
    }

    private static void Rate(ref AlarmSlot slot, double v, long reportedAt, DateTimeOffset at, long now, List<AlarmTransition> output)
    {
        // Only a new reading says anything about the rate; the first one is the baseline.
        if (reportedAt <= slot.LastReport) return;
        var previous = slot.LastReport;
        var before = slot.RateBase;
        slot.LastReport = reportedAt;
        slot.RateBase = v;
        if (previous == 0) return;
        var minutes = (double)(reportedAt - previous) / TimeSpan.TicksPerMinute;
        if (minutes <= 0) return;
        var rate = (v - before) / minutes;
        var change = slot.Above ? rate : -rate;
        slot.LastValue = rate;
        if (!slot.Active) Pend(ref slot, change >= slot.Limit, rate, at, now, output);
        else if (change < slot.ClearLimit) Clear(ref slot, rate, at, output);
    }

    private static void Stale(ref AlarmSlot slot, bool reportsOffline, long since, DateTimeOffset at, long now, List<AlarmTransition> output)
    {
        var silentMinutes = (double)(now - since) / TimeSpan.TicksPerMinute;
        var stale = reportsOffline || silentMinutes > slot.Limit;
        // Rounding is only worth it when the value is said (a transition or a restatement).
        if (!slot.Active)
        {
            if (stale || slot.PendingSince != 0)
            {
                slot.LastValue = Math.Round(silentMinutes, 1);
                Pend(ref slot, stale, slot.LastValue, at, now, output);
            }
        }
        else
        {
            slot.LastValue = Math.Round(silentMinutes, 1);
            if (!stale) Clear(ref slot, slot.LastValue, at, output);
        }
    }

    private static void Pend(ref AlarmSlot slot, bool bad, double v, DateTimeOffset at, long now, List<AlarmTransition> output)
    {
        if (!bad)
        {
            slot.PendingSince = 0;
            return;
        }
        if (slot.PendingSince == 0) slot.PendingSince = now;
        if ((double)(now - slot.PendingSince) / TimeSpan.TicksPerSecond < slot.DelaySeconds) return;
        slot.Active = true;
        output.Add(new AlarmTransition(slot.Rule.Id, slot.Source, true, v, at));
    }

    private static void Clear(ref AlarmSlot slot, double v, DateTimeOffset at, List<AlarmTransition> output)
    {
        slot.Active = false;
        slot.PendingSince = 0;
        output.Add(new AlarmTransition(slot.Rule.Id, slot.Source, false, v, at));
    }

    private void TakeOver(AlarmEvaluator previous)
    {
        _started = previous._started;
        var old = new Dictionary<(string, string), AlarmSlot>();
        foreach (var slot in previous._slots) old[(slot.Rule.Id, slot.Source)] = slot;
        for (var s = 0; s < _slots.Length; s++)
        {
            ref var slot = ref _slots[s];
            if (old.TryGetValue((slot.Rule.Id, slot.Source), out var was) && was.Rule == slot.Rule)
            {
                slot.Active = was.Active;
                slot.PendingSince = was.PendingSince;
                slot.LastValue = was.LastValue;
                slot.LastReport = was.LastReport;
                slot.RateBase = was.RateBase;
            }
        }
    }
}
