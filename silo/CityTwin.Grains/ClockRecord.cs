using CityTwin.Abstractions.Clock;

namespace CityTwin.Grains;

/// <summary>The city clock as stored: what users set (speed, pause) and where the clock stood when.</summary>
[GenerateSerializer, Alias("CityTwin.ClockRecord")]
public sealed record ClockRecord
{
    [Id(0)] public DateTimeOffset SimTime { get; init; }
    [Id(1)] public double Speed { get; init; } = 1;
    [Id(2)] public bool Paused { get; init; }
    /// <summary>Wall-clock instant of the checkpoint, to carry the clock forward after a restart.</summary>
    [Id(3)] public DateTimeOffset SavedAt { get; init; }
    /// <summary>
    /// The clock's timeline: kept so that a restarted or moved city grain does not go back to a
    /// number the dongs have left behind (they would drop its telemetry as from an abandoned timeline).
    /// </summary>
    [Id(4)] public int Timeline { get; init; }

    /// <summary>
    /// The clock as it would stand at <paramref name="now"/> had it kept running: a restart or a
    /// failover must not rewind the city nor reset what an operator chose.
    /// </summary>
    public ClockState Resume(DateTimeOffset now)
    {
        var away = now - SavedAt;
        var simTime = Paused || away <= TimeSpan.Zero ? SimTime : SimTime + away * Speed;
        return new ClockState(simTime, Math.Clamp(Speed, ClockLimits.MinSpeed, ClockLimits.MaxSpeed), Paused, Timeline);
    }
}
