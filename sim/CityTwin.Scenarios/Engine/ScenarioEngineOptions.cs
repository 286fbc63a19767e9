namespace CityTwin.Scenarios.Engine;

/// <summary>
/// How the engine uses the machine. Results never depend on these: every step writes its own
/// slots, so any degree of parallelism gives the same bits.
/// </summary>
public sealed record ScenarioEngineOptions
{
    /// <summary>Threads one district run may use for its steps (-1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Where a district's step loop runs (null: the caller's <see cref="TaskScheduler.Current"/>). A
    /// silo names its scenario worker threads, so that no run ever computes on the thread pool the
    /// live twin needs, whoever calls.
    /// </summary>
    public TaskScheduler? Scheduler { get; init; }

    /// <summary>Condition timelines kept for reuse by the other districts of the same definition.</summary>
    public int TimelineCacheSize { get; init; } = 8;
}
