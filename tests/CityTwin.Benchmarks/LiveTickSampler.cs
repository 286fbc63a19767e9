using System.Diagnostics;
using CityTwin.Simulation;

namespace CityTwin.Benchmarks;

/// <summary>
/// Watches the live simulator from a dedicated thread (never the thread pool, which is what a
/// stall starves): every tick's own duration and the time it was seen, to cut into windows later.
/// </summary>
public sealed class LiveTickSampler : IDisposable
{
    private readonly SimulatorStatus _status;
    private readonly Thread _thread;
    private readonly List<(double AtMs, double DurationMs)> _ticks = [];
    private volatile bool _stopping;

    public LiveTickSampler(SimulatorStatus status, Stopwatch clock)
    {
        _status = status;
        Clock = clock;
        _thread = new Thread(Sample) { IsBackground = true, Name = "tick-sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public Stopwatch Clock { get; }

    /// <summary>Ticks seen between two instants of <see cref="Clock"/>: durations, and intervals between their ends.</summary>
    public (List<double> Durations, List<double> Intervals) Window(double fromMs, double toMs)
    {
        lock (_ticks)
        {
            var inside = _ticks.Where(t => t.AtMs >= fromMs && t.AtMs < toMs).ToList();
            var intervals = inside.Zip(inside.Skip(1), (a, b) => b.AtMs - a.AtMs).ToList();
            return ([.. inside.Select(t => t.DurationMs)], intervals);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Sample()
    {
        var seen = _status.Ticks;
        while (!_stopping)
        {
            Thread.Sleep(2);
            var ticks = _status.Ticks;
            if (ticks == seen) continue;
            seen = ticks;
            var at = Clock.Elapsed.TotalMilliseconds;
            lock (_ticks) _ticks.Add((at, _status.LastTickDuration.TotalMilliseconds));
        }
    }
}
