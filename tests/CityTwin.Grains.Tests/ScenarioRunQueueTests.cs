using System.Threading.Channels;
using CityTwin.Grains.Scenarios.Isolation;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Tests;

/// <summary>
/// The silo's run queue: at most MaxConcurrentRuns hold a turn, the others wait first come, first
/// served and hear their position; a run cancelled while waiting leaves, and those behind move up.
/// </summary>
public sealed class ScenarioRunQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private static ScenarioRunQueue Queue(int maxConcurrentRuns) =>
        new(Options.Create(new ScenarioWorkOptions { MaxConcurrentRuns = maxConcurrentRuns }));

    [Fact]
    public async Task No_more_runs_than_the_limit_hold_a_turn_and_the_others_wait_in_order()
    {
        var queue = Queue(2);
        var runs = Enumerable.Range(0, 5).Select(i => new WaitingRun(queue, $"run-{i}", CancellationToken.None)).ToList();

        Assert.True(runs[0].Turn.IsCompletedSuccessfully);
        Assert.True(runs[1].Turn.IsCompletedSuccessfully);
        Assert.Equal(2, queue.Running);
        Assert.Equal(3, queue.Waiting);
        Assert.Equal(1, await runs[2].NextPositionAsync());
        Assert.Equal(2, await runs[3].NextPositionAsync());
        Assert.Equal(3, await runs[4].NextPositionAsync());
        Assert.All(runs.Skip(2), r => Assert.False(r.Turn.IsCompleted));

        (await runs[0].Turn).Dispose();
        await runs[2].Turn.WaitAsync(Patience);
        Assert.Equal(1, await runs[3].NextPositionAsync());
        Assert.Equal(2, await runs[4].NextPositionAsync());
        Assert.Equal(2, queue.Running);
        Assert.False(runs[3].Turn.IsCompleted);

        // A turn given back twice frees one place, not two.
        var second = await runs[1].Turn;
        second.Dispose();
        second.Dispose();
        await runs[3].Turn.WaitAsync(Patience);
        Assert.Equal(1, await runs[4].NextPositionAsync());
        Assert.False(runs[4].Turn.IsCompleted);
        Assert.Equal(2, queue.Running);
    }

    [Fact]
    public async Task A_run_cancelled_while_waiting_leaves_the_queue_and_the_runs_behind_move_up()
    {
        var queue = Queue(1);
        using var cancel = new CancellationTokenSource();
        var first = new WaitingRun(queue, "first", CancellationToken.None);
        var doomed = new WaitingRun(queue, "doomed", cancel.Token);
        var last = new WaitingRun(queue, "last", CancellationToken.None);
        Assert.Equal(1, await doomed.NextPositionAsync());
        Assert.Equal(2, await last.NextPositionAsync());

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed.Turn.WaitAsync(Patience));
        Assert.Equal(1, await last.NextPositionAsync());
        Assert.Equal(1, queue.Waiting);

        (await first.Turn).Dispose();
        (await last.Turn.WaitAsync(Patience)).Dispose();
        Assert.Equal(0, queue.Running);
        Assert.Equal(0, queue.Waiting);
    }

    /// <summary>One run waiting for its turn, with the positions it was told.</summary>
    private sealed class WaitingRun
    {
        private readonly Channel<int> _positions = Channel.CreateUnbounded<int>();

        public WaitingRun(ScenarioRunQueue queue, string id, CancellationToken cancellationToken) =>
            Turn = queue.WaitForTurnAsync(id, p => _positions.Writer.WriteAsync(p).AsTask(), cancellationToken);

        public Task<IDisposable> Turn { get; }

        public async Task<int> NextPositionAsync() => await _positions.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }
}
