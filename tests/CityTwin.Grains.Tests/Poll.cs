using System.Diagnostics;

namespace CityTwin.Grains.Tests;

/// <summary>Bounded polling for state that converges on grain timers (never a fixed sleep).</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Probes until <paramref name="done"/> holds or the deadline passes; returns the last value for the assertion.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await probe();
            if (done(value) || Stopwatch.GetElapsedTime(start) > limit) return value;
            await Task.Delay(50);
        }
    }
}
