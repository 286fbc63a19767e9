namespace CityTwin.Scenarios.Engine;

/// <summary>
/// How the engine uses the machine. Results never depend on these: every step writes its own
/// slots, so any degree of parallelism gives the same bits.
/// </summary>
public sealed record ScenarioEngineOptions
{
    /// <summary>Threads one district run may use for its steps (-1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Condition timelines kept for reuse by the other districts of the same definition.</summary>
    public int TimelineCacheSize { get; init; } = 8;
}
