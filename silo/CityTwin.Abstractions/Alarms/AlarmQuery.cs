namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// A filter over one alarm book. <see cref="States"/> may hold <c>shelved</c> beside the ISA
/// states' wire names; <see cref="Area"/> is a gu or dong code; <see cref="From"/>/<see cref="To"/>
/// bound the last occurrence (simulated time). Children of flood groups are left out unless
/// <see cref="ParentId"/> asks for one group's children.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.AlarmQuery")]
public sealed record AlarmQuery
{
    [Id(0)] public IReadOnlyList<AlarmState>? States { get; init; }
    [Id(1)] public bool? Shelved { get; init; }
    [Id(2)] public IReadOnlyList<AlarmSeverity>? Severities { get; init; }
    [Id(3)] public string? Area { get; init; }
    [Id(4)] public IReadOnlyList<ServiceArea>? Services { get; init; }
    [Id(5)] public DateTimeOffset? From { get; init; }
    [Id(6)] public DateTimeOffset? To { get; init; }
    [Id(7)] public string? ParentId { get; init; }
    [Id(8)] public bool IncludeChildren { get; init; }
}
