namespace CityTwin.Abstractions.Drills;

/// <summary>
/// One run of a drill: who started it, when (wall clock), at what speed, how far its steps are,
/// and how it ended. Run ids are also the prefix of its alarms' ids (<c>{runId}-{n}</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.DrillRunInfo")]
public sealed record DrillRunInfo
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required string DrillId { get; init; }
    [Id(2)] public required IReadOnlyDictionary<string, string> Title { get; init; }
    [Id(3)] public required string StartedBy { get; init; }
    [Id(4)] public DateTimeOffset StartedAt { get; init; }
    /// <summary>How many times faster than the script the steps come (1 = as written).</summary>
    [Id(5)] public double Speed { get; init; } = 1;
    [Id(6)] public DrillRunStatus Status { get; init; }
    [Id(7)] public DateTimeOffset? EndedAt { get; init; }
    [Id(8)] public string? EndedBy { get; init; }
    [Id(9)] public int StepsDone { get; init; }
    [Id(10)] public int StepCount { get; init; }
    /// <summary>When the run ends by itself (wall clock).</summary>
    [Id(11)] public DateTimeOffset EndsAt { get; init; }
    [Id(12)] public string? Note { get; init; }
}
