namespace CityTwin.Abstractions.Alarms;

/// <summary>An alarm with its timeline and, for a flood group, its children's ids.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmDetail")]
public sealed record AlarmDetail(
    [property: Id(0)] AlarmView Alarm,
    [property: Id(1)] IReadOnlyList<AlarmEvent> Timeline,
    [property: Id(2)] IReadOnlyList<string> ChildIds);
