using System.Diagnostics;

namespace CityTwin.Grains.Scenarios;

/// <summary>
/// Passes on the latest progress at most once per interval: a run reports after every chunk of
/// steps, far more often than anyone needs to see a bar move.
/// </summary>
public sealed class ThrottledProgress(Func<int, Task> report, TimeSpan interval) : IProgress<int>
{
    private long _last = long.MinValue;

    public void Report(int value)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _last);
        if (last != long.MinValue && Stopwatch.GetElapsedTime(last, now) < interval) return;
        if (Interlocked.CompareExchange(ref _last, now, last) != last) return;
        // Fire and forget: progress is advisory, a lost report is replaced by the next one.
        _ = report(value).ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }
}
