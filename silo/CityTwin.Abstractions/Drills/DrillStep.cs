using CityTwin.Abstractions.Alarms;

namespace CityTwin.Abstractions.Drills;

/// <summary>
/// One timed step of a drill: <see cref="AtSeconds"/> after the start, the alarm <see cref="Key"/>
/// is raised on <see cref="Source"/> (an asset id, dong code or gu code of the city) with
/// <see cref="Value"/>, or, with <see cref="Clear"/>, its condition ends. Raising the same key on
/// the same source again is a repeat of one alarm, as with real alarms.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.DrillStep")]
public sealed record DrillStep
{
    [Id(0)] public double AtSeconds { get; init; }
    /// <summary>The alarm's rule id within the drill (lower-case letters, digits, '-').</summary>
    [Id(1)] public required string Key { get; init; }
    [Id(2)] public required string Source { get; init; }
    /// <summary>The alarm's name per UI language.</summary>
    [Id(3)] public required IReadOnlyDictionary<string, string> Name { get; init; }
    [Id(4)] public AlarmSeverity Severity { get; init; }
    [Id(5)] public ServiceArea Service { get; init; }
    /// <summary>The reading the alarm shows (the scripted sensor value; the live twin's telemetry is left alone).</summary>
    [Id(6)] public double Value { get; init; }
    [Id(7)] public bool Clear { get; init; }
}
