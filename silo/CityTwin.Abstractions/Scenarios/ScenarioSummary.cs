namespace CityTwin.Abstractions.Scenarios;

/// <summary>What the runs list shows of one scenario; kept by the registry and by the scenario itself.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.ScenarioSummary")]
public sealed record ScenarioSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public ScenarioStatus Status { get; init; }
    /// <summary>0 to 1: simulated steps done over steps to do, baseline and scenario together.</summary>
    [Id(3)] public double Progress { get; init; }
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public DateTimeOffset? StartedAt { get; init; }
    [Id(6)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(7)] public string? Error { get; init; }
    [Id(8)] public double HorizonHours { get; init; }
    [Id(9)] public double StepMinutes { get; init; }
    /// <summary>User name of the planner who ran it (null for runs stored before accounts existed).</summary>
    [Id(10)] public string? Owner { get; init; }
    /// <summary>Published scenarios are readable by everyone (the public view); others by planners only.</summary>
    [Id(11)] public bool Published { get; init; }
    [Id(12)] public DateTimeOffset? PublishedAt { get; init; }
    [Id(13)] public string? PublishedBy { get; init; }
    /// <summary>
    /// While queued: 1 for the next run to start, 2 after it, and so on; null otherwise (and in
    /// summaries stored before runs queued). Id 20 leaves 10–19 to other additions.
    /// </summary>
    [Id(20)] public int? QueuePosition { get; init; }

    public bool IsActive => Status is ScenarioStatus.Queued or ScenarioStatus.Running;
}
