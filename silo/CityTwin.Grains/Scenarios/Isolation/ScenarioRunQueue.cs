using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Scenarios.Isolation;

/// <summary>
/// The order in which what-if runs compute on a silo: at most
/// <see cref="ScenarioWorkOptions.MaxConcurrentRuns"/> at once, the others waiting first come, first
/// served. A run waits for its turn before its districts start, so twenty runs posted together
/// queue here rather than piling two hundred district computations onto the machine, and each
/// waiting run knows its position to show the planner. A turn is held until the run has stored its
/// results, so "running" in the runs list never counts more than the limit.
/// </summary>
public sealed class ScenarioRunQueue(IOptions<ScenarioWorkOptions> options)
{
    private readonly object _gate = new();
    private readonly LinkedList<Turn> _waiting = new();
    private readonly HashSet<Turn> _running = [];
    private TaskCompletionSource _changed = NewSignal();

    public int MaxConcurrentRuns { get; } = options.Value.EffectiveMaxConcurrentRuns;

    /// <summary>Runs holding a turn now.</summary>
    public int Running
    {
        get
        {
            lock (_gate) return _running.Count;
        }
    }

    /// <summary>Runs waiting for a turn now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate) return _waiting.Count;
        }
    }

    /// <summary>
    /// Waits until <paramref name="runId"/> may compute and returns its turn; dispose it when the
    /// run is over. While waiting, <paramref name="onPosition"/> hears every new position (1: next).
    /// It is awaited in the caller's context, so a grain may update its own state there.
    /// Cancelled while waiting, the run leaves the queue and never starts.
    /// </summary>
    public async Task<IDisposable> WaitForTurnAsync(string runId, Func<int, Task> onPosition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onPosition);
        var turn = new Turn(this, runId);
        lock (_gate)
        {
            _waiting.AddLast(turn.Node);
            AdmitLocked();
        }
        try
        {
            var shown = 0;
            while (true)
            {
                int position;
                Task changed;
                lock (_gate)
                {
                    if (_running.Contains(turn))
                    {
                        // Admitted and cancelled at the same moment: cancelled wins (the catch gives the turn back).
                        cancellationToken.ThrowIfCancellationRequested();
                        return turn;
                    }
                    position = PositionLocked(turn);
                    changed = _changed.Task;
                }
                if (position != shown)
                {
                    shown = position;
                    await onPosition(position);
                    continue;
                }
                // Not ConfigureAwait(false): the caller (a grain) resumes on its own scheduler.
                await changed.WaitAsync(cancellationToken);
            }
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    private int PositionLocked(Turn turn)
    {
        var position = 1;
        for (var node = _waiting.First; node is not null && node != turn.Node; node = node.Next) position++;
        return position;
    }

    private void AdmitLocked()
    {
        while (_running.Count < MaxConcurrentRuns && _waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            _running.Add(first.Value);
        }
        // Every waiter looks again: positions moved, or a run was admitted.
        var changed = _changed;
        _changed = NewSignal();
        changed.SetResult();
    }

    private void Leave(Turn turn)
    {
        lock (_gate)
        {
            if (turn.Node.List is not null) _waiting.Remove(turn.Node);
            _running.Remove(turn);
            AdmitLocked();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A run's place: waiting, then running, then gone (disposed, any number of times).</summary>
    private sealed class Turn : IDisposable
    {
        private readonly ScenarioRunQueue _queue;
        private int _left;

        public Turn(ScenarioRunQueue queue, string runId)
        {
            _queue = queue;
            RunId = runId;
            Node = new LinkedListNode<Turn>(this);
        }

        public string RunId { get; }

        public LinkedListNode<Turn> Node { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) _queue.Leave(this);
        }
    }
}
