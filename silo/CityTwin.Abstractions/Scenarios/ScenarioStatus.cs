namespace CityTwin.Abstractions.Scenarios;

/// <summary>Where a what-if run stands.</summary>
public enum ScenarioStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,
}
