namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// One line of an alarm's timeline: what happened (<c>raised</c>, <c>repeated</c>, <c>cleared</c>,
/// <c>acknowledged</c>, <c>assigned</c>, <c>commented</c>, <c>shelved</c>, <c>unshelved</c>,
/// <c>resolved</c>, <c>escalated</c>, <c>grouped</c>, <c>chattering</c>), when (wall clock), who
/// (null for the system), the note, and the value and simulated time for occurrences.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmEvent")]
public sealed record AlarmEvent(
    [property: Id(0)] string Type,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Actor = null,
    [property: Id(3)] string? Note = null,
    [property: Id(4)] double? Value = null,
    [property: Id(5)] DateTimeOffset? SimAt = null);
