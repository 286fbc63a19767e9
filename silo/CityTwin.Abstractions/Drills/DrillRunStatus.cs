namespace CityTwin.Abstractions.Drills;

/// <summary>Where a drill run is: its steps firing, over by itself, or stopped by a trainer.</summary>
public enum DrillRunStatus
{
    Running = 0,
    Finished = 1,
    Stopped = 2,
}
