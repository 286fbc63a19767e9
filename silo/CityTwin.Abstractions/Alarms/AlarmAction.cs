namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// An operator's action on one alarm: who, the note, and for <see cref="AlarmActionType.Assign"/>
/// the assignee, for <see cref="AlarmActionType.Shelve"/> the expiry (wall clock) and reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmAction")]
public sealed record AlarmAction(
    [property: Id(0)] AlarmActionType Type,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? Note = null,
    [property: Id(3)] string? AssignTo = null,
    [property: Id(4)] DateTimeOffset? ShelveUntil = null);
