namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// One alarm as the control room sees it in the list and in pushed changes. Occurrence times
/// (<see cref="FirstAt"/>, <see cref="LastAt"/>, <see cref="ClearedAt"/>) are simulated time, as
/// the twin's telemetry; operator actions and <see cref="UpdatedAt"/> are wall-clock time.
/// A flood parent (<see cref="IsGroup"/>) stands for <see cref="Children"/> alarms of one dong or gu.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmView")]
public sealed record AlarmView
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string? ParentId { get; init; }
    [Id(2)] public string RuleId { get; init; } = "";
    [Id(3)] public string RuleName { get; init; } = "";
    [Id(4)] public string SourceId { get; init; } = "";
    /// <summary>Asset kind wire name, or <c>dong</c>/<c>gu</c> for area alarms and groups.</summary>
    [Id(5)] public string SourceKind { get; init; } = "";
    [Id(6)] public string GuCode { get; init; } = "";
    [Id(7)] public string? DongCode { get; init; }
    [Id(8)] public AlarmSeverity Severity { get; init; }
    [Id(9)] public ServiceArea Service { get; init; }
    [Id(10)] public AlarmState State { get; init; }
    [Id(11)] public double Value { get; init; }
    [Id(12)] public int Count { get; init; }
    [Id(13)] public int Children { get; init; }
    [Id(14)] public bool IsGroup { get; init; }
    [Id(15)] public DateTimeOffset FirstAt { get; init; }
    [Id(16)] public DateTimeOffset LastAt { get; init; }
    [Id(17)] public DateTimeOffset? ClearedAt { get; init; }
    [Id(18)] public string? AcknowledgedBy { get; init; }
    [Id(19)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(20)] public string? AssignedTo { get; init; }
    [Id(21)] public DateTimeOffset? ShelvedUntil { get; init; }
    [Id(22)] public string? ShelveReason { get; init; }
    [Id(23)] public bool Chattering { get; init; }
    [Id(24)] public bool Escalated { get; init; }
    [Id(25)] public DateTimeOffset RaisedAt { get; init; }
    [Id(26)] public DateTimeOffset UpdatedAt { get; init; }

    public bool IsActive => State is AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged;
}
