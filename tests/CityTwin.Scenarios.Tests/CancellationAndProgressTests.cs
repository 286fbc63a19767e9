using System.Diagnostics;
using static CityTwin.Scenarios.Tests.Incheon;

namespace CityTwin.Scenarios.Tests;

public class CancellationAndProgressTests
{
    [Fact]
    public void A_cancelled_run_stops_within_a_few_steps()
    {
        // 24 h at one-minute steps over Songdo's district: seconds of work if it ran to the end.
        var definition = At(Local(2025, 7, 16, 0), 24, 1);
        using var cts = new CancellationTokenSource();
        var progress = new CancelAfter(cts, 8);
        var watch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => Runner.RunDistrict(definition, Yeonsu, progress, cts.Token));
        var afterCancel = watch.Elapsed - progress.CancelledAt;
        Assert.True(afterCancel < TimeSpan.FromSeconds(1), $"stopped {afterCancel.TotalMilliseconds:0} ms after the cancel");
        Assert.True(progress.Last < definition.StepCount, $"{progress.Last} of {definition.StepCount} steps ran");
    }

    [Fact]
    public void An_already_cancelled_token_stops_the_run_before_it_starts()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Runner.RunDistrict(At(Local(2025, 7, 16, 0), 24, 1), Yeonsu, null, cts.Token));
    }

    [Fact]
    public void Progress_counts_up_to_every_step()
    {
        var definition = At(Local(2025, 7, 16, 0), 12, 5);
        var progress = new Recorder();
        Runner.RunDistrict(definition, JungGu, progress);
        Assert.Equal(definition.StepCount, progress.Values.Max());
        Assert.All(progress.Values, v => Assert.InRange(v, 1, definition.StepCount));
    }

    /// <summary>Cancels synchronously once a number of steps are reported (Progress&lt;T&gt; would post asynchronously).</summary>
    private sealed class CancelAfter(CancellationTokenSource cts, int steps) : IProgress<int>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public int Last { get; private set; }

        public TimeSpan CancelledAt { get; private set; } = TimeSpan.MaxValue;

        public void Report(int value)
        {
            Last = Math.Max(Last, value);
            if (value < steps || cts.IsCancellationRequested) return;
            CancelledAt = _clock.Elapsed;
            cts.Cancel();
        }
    }

    private sealed class Recorder : IProgress<int>
    {
        private readonly List<int> _values = [];

        public IReadOnlyList<int> Values
        {
            get
            {
                lock (_values) return [.. _values];
            }
        }

        public void Report(int value)
        {
            lock (_values) _values.Add(value);
        }
    }
}
