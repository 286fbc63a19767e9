namespace CityTwin.Benchmarks;

/// <summary>
/// Hands out round numbers and their simulated instants (one second apart, like a live tick at
/// speed 1), shared by concurrent workers so that every round a dong sees is newer than the last.
/// </summary>
public sealed class RoundCounter(DateTimeOffset start)
{
    private long _round;

    public (long Round, DateTimeOffset At) Next()
    {
        var r = Interlocked.Increment(ref _round);
        return (r, start.AddSeconds(r));
    }
}
