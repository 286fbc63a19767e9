using CityTwin.Abstractions.Alarms;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// The quick test of one asset slot (<see cref="AlarmSlot"/>): whether this batch can change
/// anything for it at all. Most batches change nothing (a value within its limit, an asset that
/// reported in time), so <see cref="AlarmEvaluator"/> runs through a small array of these, in slot
/// order, and reads the slot itself only when its gate lets the batch through.
/// </summary>
internal struct AlarmGate
{
    /// <summary>No value passes a gate set to this: the slot is looked at on every batch.</summary>
    public const double Open = double.NegativeInfinity;

    public AlarmRuleType Type;
    /// <summary>Index of the asset in the area's value arrays.</summary>
    public int Asset;
    public int Channel;
    /// <summary>Index of the slot in the evaluator's slot array.</summary>
    public int Slot;
    /// <summary>Threshold rules: +1 for a high limit, -1 for a low one, so one comparison serves both.</summary>
    public double Sign;
    /// <summary>
    /// Threshold rules: <c>Sign × value</c> below this changes nothing (<c>Sign × Limit</c>).
    /// Stale rules: a silence of up to this many ticks changes nothing. <see cref="Open"/> while a
    /// condition holds or a delay runs, and for rate rules, which look at every new report.
    /// </summary>
    public double Quiet;

    /// <summary>Sets the test from the slot's state after the slot was looked at.</summary>
    public void Refresh(in AlarmSlot slot) =>
        Quiet = slot.Active || slot.PendingSince != 0 ? Open : slot.Type switch
        {
            AlarmRuleType.Threshold => Sign * slot.Limit,
            AlarmRuleType.Stale => slot.QuietTicks,
            _ => Open,
        };
}
