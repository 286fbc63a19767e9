using System.Runtime.Serialization;

namespace CityTwin.Web.Alarms;

/// <summary>
/// One alarm on the wire (REST and the SignalR <c>alarms</c> frame): enums as lower-camel names,
/// occurrence times in simulated time, actions in wall-clock time, and where it is (the asset's
/// point, or the area's centre) for the map's markers. A drill's alarm has <c>drill</c> and its <c>runId</c>.
/// </summary>
[DataContract]
public sealed record AlarmItem(
    [property: DataMember(Name = "id")] string Id,
    [property: DataMember(Name = "parentId")] string? ParentId,
    [property: DataMember(Name = "ruleId")] string RuleId,
    [property: DataMember(Name = "ruleName")] string RuleName,
    [property: DataMember(Name = "sourceId")] string SourceId,
    [property: DataMember(Name = "sourceKind")] string SourceKind,
    [property: DataMember(Name = "guCode")] string GuCode,
    [property: DataMember(Name = "dongCode")] string? DongCode,
    [property: DataMember(Name = "severity")] string Severity,
    [property: DataMember(Name = "service")] string Service,
    [property: DataMember(Name = "state")] string State,
    [property: DataMember(Name = "value")] double Value,
    [property: DataMember(Name = "count")] int Count,
    [property: DataMember(Name = "children")] int Children,
    [property: DataMember(Name = "isGroup")] bool IsGroup,
    [property: DataMember(Name = "firstAt")] DateTimeOffset FirstAt,
    [property: DataMember(Name = "lastAt")] DateTimeOffset LastAt,
    [property: DataMember(Name = "clearedAt")] DateTimeOffset? ClearedAt,
    [property: DataMember(Name = "acknowledgedBy")] string? AcknowledgedBy,
    [property: DataMember(Name = "acknowledgedAt")] DateTimeOffset? AcknowledgedAt,
    [property: DataMember(Name = "assignedTo")] string? AssignedTo,
    [property: DataMember(Name = "shelvedUntil")] DateTimeOffset? ShelvedUntil,
    [property: DataMember(Name = "shelveReason")] string? ShelveReason,
    [property: DataMember(Name = "chattering")] bool Chattering,
    [property: DataMember(Name = "escalated")] bool Escalated,
    [property: DataMember(Name = "raisedAt")] DateTimeOffset RaisedAt,
    [property: DataMember(Name = "updatedAt")] DateTimeOffset UpdatedAt,
    [property: DataMember(Name = "lon")] double Lon,
    [property: DataMember(Name = "lat")] double Lat,
    [property: DataMember(Name = "drill")] bool Drill = false,
    [property: DataMember(Name = "runId")] string? RunId = null);
