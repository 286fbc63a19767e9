namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// Everything one dong's batch (or one gu's KPI report) changed: one grain call, never one per
/// alarm. With <see cref="Holding"/> set (the first report of a fresh evaluator, e.g. after its
/// silo died), it also lists every (rule, source) whose condition holds now, so the alarm book
/// clears what ended while nobody was watching. <see cref="StartUp"/> marks the first evaluation
/// after the area started (boot, failover): what it raises was already there, so it does not count
/// toward the operators' alarm rate.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmTransitionBatch")]
public sealed record AlarmTransitionBatch(
    [property: Id(0)] string AreaCode,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] IReadOnlyList<AlarmTransition> Transitions,
    [property: Id(3)] IReadOnlyList<string>? Holding = null,
    [property: Id(4)] bool StartUp = false);
