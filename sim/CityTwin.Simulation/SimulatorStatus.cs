namespace CityTwin.Simulation;

/// <summary>What the feeder has done so far: read by health checks, metrics and the UI.</summary>
public sealed class SimulatorStatus
{
    private long _ticks;
    private long _readings;
    private long _rejected;
    private long _failedBatches;

    public long Ticks => Interlocked.Read(ref _ticks);
    public long Readings => Interlocked.Read(ref _readings);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long FailedBatches => Interlocked.Read(ref _failedBatches);
    public DateTimeOffset? LastTickSimTime { get; private set; }
    public TimeSpan LastTickDuration { get; private set; }

    public void RecordTick(DateTimeOffset simTime, long readings, long rejected, long failedBatches, TimeSpan duration)
    {
        Interlocked.Add(ref _readings, readings);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Add(ref _failedBatches, failedBatches);
        LastTickSimTime = simTime;
        LastTickDuration = duration;
        Interlocked.Increment(ref _ticks);
    }
}
