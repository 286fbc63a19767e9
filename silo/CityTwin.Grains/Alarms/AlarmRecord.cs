using CityTwin.Abstractions.Alarms;

namespace CityTwin.Grains.Alarms;

/// <summary>One alarm as its book keeps and stores it (mutable, plain JSON in the durable store).</summary>
[GenerateSerializer, Alias("CityTwin.AlarmRecord")]
public sealed class AlarmRecord
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string? ParentId { get; set; }
    [Id(2)] public string RuleId { get; set; } = "";
    [Id(3)] public string RuleName { get; set; } = "";
    [Id(4)] public string SourceId { get; set; } = "";
    [Id(5)] public string SourceKind { get; set; } = "";
    [Id(6)] public string GuCode { get; set; } = "";
    [Id(7)] public string? DongCode { get; set; }
    [Id(8)] public AlarmSeverity Severity { get; set; }
    [Id(9)] public ServiceArea Service { get; set; }
    [Id(10)] public AlarmState State { get; set; }
    [Id(11)] public double Value { get; set; }
    [Id(12)] public int Count { get; set; } = 1;
    [Id(13)] public bool IsGroup { get; set; }
    [Id(14)] public DateTimeOffset FirstAt { get; set; }
    [Id(15)] public DateTimeOffset LastAt { get; set; }
    [Id(16)] public DateTimeOffset? ClearedAt { get; set; }
    [Id(17)] public string? AcknowledgedBy { get; set; }
    [Id(18)] public DateTimeOffset? AcknowledgedAt { get; set; }
    [Id(19)] public string? AssignedTo { get; set; }
    [Id(20)] public DateTimeOffset? ShelvedUntil { get; set; }
    [Id(21)] public string? ShelveReason { get; set; }
    [Id(22)] public bool Chattering { get; set; }
    [Id(23)] public bool Escalated { get; set; }
    /// <summary>Wall-clock time it last became active (escalation counts from here).</summary>
    [Id(24)] public DateTimeOffset RaisedAt { get; set; }
    /// <summary>Wall-clock time it was created (the alarm rate counts these).</summary>
    [Id(25)] public DateTimeOffset CreatedAt { get; set; }
    [Id(26)] public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Wall-clock times of recent raises, for chatter detection.</summary>
    [Id(27)] public List<DateTimeOffset> RecentRaises { get; set; } = [];
    [Id(28)] public List<AlarmEvent> Timeline { get; set; } = [];
    [Id(29)] public List<string> ChildIds { get; set; } = [];
    /// <summary>Raised by the first evaluation after its area started: already there, so not part of the alarm rate.</summary>
    [Id(30)] public bool AtStartUp { get; set; }

    public bool IsActive => State is AlarmState.ActiveUnacknowledged or AlarmState.ActiveAcknowledged;

    public string Key => AlarmEvaluator.Key(RuleId, SourceId);

    public AlarmView ToView() => new()
    {
        Id = Id, ParentId = ParentId, RuleId = RuleId, RuleName = RuleName, SourceId = SourceId, SourceKind = SourceKind,
        GuCode = GuCode, DongCode = DongCode, Severity = Severity, Service = Service, State = State, Value = Value,
        Count = Count, Children = ChildIds.Count, IsGroup = IsGroup, FirstAt = FirstAt, LastAt = LastAt, ClearedAt = ClearedAt,
        AcknowledgedBy = AcknowledgedBy, AcknowledgedAt = AcknowledgedAt, AssignedTo = AssignedTo, ShelvedUntil = ShelvedUntil,
        ShelveReason = ShelveReason, Chattering = Chattering, Escalated = Escalated, RaisedAt = RaisedAt, UpdatedAt = UpdatedAt,
    };

    public AlarmDetail ToDetail() => new(ToView(), [.. Timeline], [.. ChildIds]);
}
