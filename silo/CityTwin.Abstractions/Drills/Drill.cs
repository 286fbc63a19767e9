namespace CityTwin.Abstractions.Drills;

/// <summary>
/// A scripted incident from the city pack (<c>drills/*.json</c>): timed steps that raise (or end)
/// alarms on real places of the city, for operators to practise on. Texts are per UI language.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.Drill")]
public sealed record Drill
{
    /// <summary>Lower-case id (letters, digits, '-'), its address in the API.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required IReadOnlyDictionary<string, string> Title { get; init; }
    [Id(2)] public required IReadOnlyDictionary<string, string> Description { get; init; }
    /// <summary>Seconds from the start at which the run ends by itself (at speed 1).</summary>
    [Id(3)] public double DurationSeconds { get; init; }
    /// <summary>An alarm not acknowledged within this many seconds of being raised (at speed 1) counts as missed.</summary>
    [Id(4)] public double MissAfterSeconds { get; init; }
    [Id(5)] public required IReadOnlyList<DrillStep> Steps { get; init; }
}
