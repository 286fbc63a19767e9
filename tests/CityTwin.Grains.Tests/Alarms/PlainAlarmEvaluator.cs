using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;

using CityTwin.Grains.Alarms;

namespace CityTwin.Grains.Tests.Alarms;

/// <summary>
/// The plain way to evaluate alarm rules, kept as the yardstick for <see cref="AlarmEvaluator"/>:
/// every (rule, source) slot is looked at on every batch. The production evaluator looks only at
/// what can change and must say exactly what this one says, in the same order.
/// </summary>
public sealed class PlainAlarmEvaluator
{
    private readonly Slot[] _slots;
    private readonly string _areaCode;
    private DateTimeOffset _started;

    /// <summary>
    /// Builds the slots of <paramref name="rules"/> that apply to <paramref name="assets"/> (asset
    /// rules) and to the area itself (KPI rules of <paramref name="level"/>). A <paramref name="previous"/>
    /// evaluator hands over the state of slots whose rule is unchanged, so an edit elsewhere in the
    /// rule book neither re-raises nor forgets a pending delay.
    /// </summary>
    public PlainAlarmEvaluator(AreaLevel level, string areaCode, string guCode, IReadOnlyList<AlarmSource> assets, AlarmRuleSet rules, PlainAlarmEvaluator? previous = null)
    {
        _areaCode = areaCode;
        RulesVersion = rules.Version;
        var slots = new List<Slot>();
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
                    slots.Add(Slot.For(rule, a.Id, i, channel));
                }
            }
            else if (rule.Level == level && Covers(rule, level == AreaLevel.Dong ? areaCode : null, guCode) && AlarmEvaluator.KpiValue(KpiSet.Empty, rule.Kpi) is not null)
            {
                slots.Add(Slot.For(rule, areaCode, -1, -1));
            }
        }
        _slots = [.. slots];
        if (previous is not null) TakeOver(previous);
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
            _slots[s].Seen = null;
        }
    }

    /// <summary>
    /// Evaluates asset rules over a dong's current values (<c>values[i]</c> empty when asset i
    /// reported itself offline) and last report times; appends raises and clears to <paramref name="output"/>.
    /// </summary>
    public void EvaluateAssets(DateTimeOffset at, double[][] values, DateTimeOffset[] updatedAt, List<AlarmTransition> output)
    {
        if (_started == default) _started = at;
        var now = at.UtcTicks;
        var slots = _slots.AsSpan();
        for (var s = 0; s < slots.Length; s++)
        {
            ref var slot = ref slots[s];
            if (slot.Asset < 0) continue;
            var v = values[slot.Asset];
            switch (slot.Type)
            {
                case AlarmRuleType.Threshold:
                    // The dong replaces an asset's array on each reading, so the same array means the
                    // same values: with no delay running nothing can change (the common case live).
                    if (ReferenceEquals(v, slot.Seen) && slot.PendingSince == 0) break;
                    slot.Seen = v;
                    if (slot.Channel < v.Length) Threshold(ref slot, v[slot.Channel], at, now, output);
                    break;
                case AlarmRuleType.RateOfChange:
                    if (slot.Channel < v.Length) Rate(ref slot, v[slot.Channel], updatedAt[slot.Asset].UtcTicks, at, now, output);
                    break;
                case AlarmRuleType.Stale:
                    Stale(ref slot, v.Length == 0, updatedAt[slot.Asset], at, now, output);
                    break;
            }
        }
    }

    /// <summary>Evaluates area KPI rules over the area's aggregate.</summary>
    public void EvaluateArea(DateTimeOffset at, KpiSet kpis, List<AlarmTransition> output)
    {
        if (_started == default) _started = at;
        for (var s = 0; s < _slots.Length; s++)
        {
            ref var slot = ref _slots[s];
            if (slot.Asset >= 0) continue;
            if (AlarmEvaluator.KpiValue(kpis, slot.Rule.Kpi) is { } v && double.IsFinite(v)) Threshold(ref slot, v, at, at.UtcTicks, output);
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
            if (slot.Active || slot.PendingSince != 0) keys.Add(AlarmEvaluator.Key(slot.Rule.Id, slot.Source));
        return keys;
    }

    private static bool Covers(AlarmRule rule, string? dongCode, string guCode) =>
        rule.AreaCode is null || rule.AreaCode == guCode || (dongCode is not null && rule.AreaCode == dongCode);

    private static void Threshold(ref Slot slot, double v, DateTimeOffset at, long now, List<AlarmTransition> output)
    {
        slot.LastValue = v;
        if (!slot.Active) Pend(ref slot, slot.Above ? v >= slot.Limit : v <= slot.Limit, v, at, now, output);
        else if (slot.Above ? v < slot.ClearLimit : v > slot.ClearLimit) Clear(ref slot, v, at, output);
    }

    private static void Rate(ref Slot slot, double v, long reportedAt, DateTimeOffset at, long now, List<AlarmTransition> output)
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

    private void Stale(ref Slot slot, bool reportsOffline, DateTimeOffset reportedAt, DateTimeOffset at, long now, List<AlarmTransition> output)
    {
        // An asset never heard counts from the evaluator's first batch, not from the year 1.
        var since = reportedAt == default ? _started : reportedAt;
        var silentMinutes = (double)(now - since.UtcTicks) / TimeSpan.TicksPerMinute;
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

    private static void Pend(ref Slot slot, bool bad, double v, DateTimeOffset at, long now, List<AlarmTransition> output)
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

    private static void Clear(ref Slot slot, double v, DateTimeOffset at, List<AlarmTransition> output)
    {
        slot.Active = false;
        slot.PendingSince = 0;
        output.Add(new AlarmTransition(slot.Rule.Id, slot.Source, false, v, at));
    }

    private void TakeOver(PlainAlarmEvaluator previous)
    {
        _started = previous._started;
        var old = new Dictionary<(string, string), Slot>();
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

    /// <summary>
    /// One (rule, source) pair with the rule's numbers copied in, so the hot loop reads one
    /// contiguous struct instead of following a reference per slot; times are UTC ticks (0: none).
    /// </summary>
    private struct Slot
    {
        public AlarmRule Rule;
        public string Source;
        public int Asset;
        public int Channel;
        public AlarmRuleType Type;
        public bool Above;
        public double Limit;
        /// <summary>The value past which an active condition ends: <c>Limit ∓ Hysteresis</c>.</summary>
        public double ClearLimit;
        public double DelaySeconds;
        public bool Active;
        public long PendingSince;
        public double LastValue;
        public long LastReport;
        public double RateBase;
        /// <summary>The value array last evaluated (threshold rules skip an asset whose array is unchanged).</summary>
        public double[]? Seen;

        public static Slot For(AlarmRule rule, string source, int asset, int channel) => new()
        {
            Rule = rule, Source = source, Asset = asset, Channel = channel, Type = rule.Type, Above = rule.Above,
            Limit = rule.Limit,
            // A rate is turned so that bad is always "at or above the limit" (Rate), a level is not.
            ClearLimit = rule.Above || rule.Type == AlarmRuleType.RateOfChange ? rule.Limit - rule.Hysteresis : rule.Limit + rule.Hysteresis,
            DelaySeconds = rule.DelaySeconds,
        };
    }
}
