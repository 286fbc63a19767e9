namespace CityTwin.Web.Drills;

/// <summary>
/// How one drill alarm was handled: when it was raised, acknowledged, assigned and resolved (wall
/// clock), by whom, the seconds each took from the raise, and whether it was missed
/// (<c>notAcknowledgedInTime</c> or <c>openAtEnd</c>).
/// </summary>
public sealed record DrillAlarmScore(
    string AlarmId,
    string StepKey,
    string Name,
    string SourceId,
    string SourceKind,
    string GuCode,
    string? DongCode,
    string Severity,
    string State,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AssignedAt,
    string? AssignedBy,
    string? AssignedTo,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    double? SecondsToAcknowledge,
    double? SecondsToAssign,
    double? SecondsToResolve,
    bool Missed,
    string? MissedBecause);
