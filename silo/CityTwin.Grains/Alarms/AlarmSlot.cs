using CityTwin.Abstractions.Alarms;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// One (rule, source) pair of an <see cref="AlarmEvaluator"/> with the rule's numbers copied in,
/// so the hot loop reads one contiguous struct instead of following a reference per slot; times
/// are UTC ticks (0: none). The rule and source are only read when a transition is said.
/// </summary>
internal struct AlarmSlot
{
    public AlarmRuleType Type;
    public bool Above;
    public bool Active;
    public int Channel;
    /// <summary>Index of the asset in the area's value arrays; -1 for an area KPI slot.</summary>
    public int Asset;
    public double Limit;
    /// <summary>The value past which an active condition ends: <c>Limit ∓ Hysteresis</c>.</summary>
    public double ClearLimit;
    public double DelaySeconds;
    /// <summary>
    /// Stale rules: a silence up to this many ticks is certainly not past the limit (a margin under
    /// <c>Limit</c> minutes, far wider than any rounding), so the exact test, with its division, is
    /// only made after it.
    /// </summary>
    public double QuietTicks;
    public long PendingSince;
    public double LastValue;
    public long LastReport;
    public double RateBase;
    public AlarmRule Rule;
    public string Source;

    /// <summary>Ticks under a stale limit that keep the quick test on the safe side of the exact one.</summary>
    private const double QuietMargin = TimeSpan.TicksPerMillisecond;

    public static AlarmSlot For(AlarmRule rule, string source, int asset, int channel) => new()
    {
        Rule = rule, Source = source, Asset = asset, Channel = channel, Type = rule.Type, Above = rule.Above,
        Limit = rule.Limit,
        // A rate is turned so that bad is always "at or above the limit" (Rate), a level is not.
        ClearLimit = rule.Above || rule.Type == AlarmRuleType.RateOfChange ? rule.Limit - rule.Hysteresis : rule.Limit + rule.Hysteresis,
        DelaySeconds = rule.DelaySeconds,
        QuietTicks = QuietSpan(rule.Limit),
    };

    // NaN or below the margin: no quick answer, the exact test decides every time.
    private static double QuietSpan(double limitMinutes) =>
        limitMinutes * TimeSpan.TicksPerMinute is var ticks && ticks > QuietMargin ? ticks - QuietMargin : AlarmGate.Open;
}
