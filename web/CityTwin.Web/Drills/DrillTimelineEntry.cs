namespace CityTwin.Web.Drills;

/// <summary>One line of the after-action timeline: the run's start and end, and every alarm event with who and when (wall clock).</summary>
public sealed record DrillTimelineEntry(
    DateTimeOffset At,
    string Type,
    string? AlarmId,
    string? Name,
    string? Actor,
    string? Note,
    double? Value);
