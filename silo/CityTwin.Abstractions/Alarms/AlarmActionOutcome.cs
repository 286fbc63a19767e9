namespace CityTwin.Abstractions.Alarms;

/// <summary>The stored result of an action, or why it was refused (unknown alarm, or not allowed in its state).</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmActionOutcome")]
public sealed record AlarmActionOutcome(
    [property: Id(0)] AlarmDetail? Alarm,
    [property: Id(1)] bool NotFound = false,
    [property: Id(2)] string? Conflict = null);
