namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// A rule's condition starting (<see cref="Raise"/>) or ending on one source (an asset id, or a
/// dong or gu code for area rules), at a simulated instant, with the value that decided it.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmTransition")]
public readonly record struct AlarmTransition(
    [property: Id(0)] string RuleId,
    [property: Id(1)] string SourceId,
    [property: Id(2)] bool Raise,
    [property: Id(3)] double Value,
    [property: Id(4)] DateTimeOffset At);
