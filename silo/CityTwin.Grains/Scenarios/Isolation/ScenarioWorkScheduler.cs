using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Scenarios.Isolation;

/// <summary>
/// Where scenario computation runs on a silo: a few dedicated threads of lower priority, one per
/// silo. Runs used to compute on the thread pool, which the grains, the simulator and the API share:
/// twenty week-long runs took every pool thread and a live tick went from 12 ms to 1.6 s. The silo's
/// engine runs its step loop (<c>Parallel.For</c>) on this scheduler too
/// (<c>ScenarioEngineOptions.Scheduler</c>), so a run can never use more than these threads.
/// Tasks start in the order they were queued; a queued task cancelled by its token is dequeued and
/// never starts.
/// </summary>
public sealed class ScenarioWorkScheduler : TaskScheduler, IDisposable
{
    // Set only while RunNext queues its task; tasks the engine queues itself (its Parallel.For
    // replicas) join at the back.
    [ThreadStatic] private static bool t_urgent;

    [ThreadStatic] private static bool s_isWorker;

    private readonly LinkedList<Task> _queue = new();
    private readonly Thread[] _threads;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly ILogger<ScenarioWorkScheduler> _logger;

    public ScenarioWorkScheduler(IOptions<ScenarioWorkOptions> options, ILogger<ScenarioWorkScheduler> logger)
    {
        _logger = logger;
        Workers = options.Value.EffectiveWorkers;
        _threads = new Thread[Workers];
        for (var i = 0; i < Workers; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"scenario-worker-{i}" };
            _threads[i].Start();
        }
    }

    /// <summary>Threads that compute runs.</summary>
    public int Workers { get; }

    public override int MaximumConcurrencyLevel => Workers;

    /// <summary>Tasks waiting for a thread.</summary>
    public int Queued
    {
        get
        {
            lock (_queue) return _queue.Count;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a worker thread; cancelled before it starts, it never starts.</summary>
    public Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken = default) => Start(work, urgent: false, cancellationToken);

    /// <summary>
    /// Like <see cref="Run{T}"/>, but ahead of everything queued: for work someone is waiting for on
    /// a screen (a district's series recomputed for the results page), which must not wait for runs.
    /// </summary>
    public Task<T> RunNext<T>(Func<T> work, CancellationToken cancellationToken = default) => Start(work, urgent: true, cancellationToken);

    private Task<T> Start<T>(Func<T> work, bool urgent, CancellationToken cancellationToken)
    {
        // QueueTask runs inside StartNew on this thread: the flag tells it where this task goes.
        t_urgent = urgent;
        Task<T> task;
        try
        {
            task = Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this);
        }
        finally
        {
            t_urgent = false;
        }
        if (!cancellationToken.CanBeCanceled || task.IsCompleted) return task;
        // A task does not leave a custom scheduler's queue when its token is cancelled: it would wait
        // behind every run queued before it just to be found cancelled. Take it out now and let it
        // complete as cancelled here (with its token cancelled, executing it never runs the work).
        var registration = cancellationToken.Register(() =>
        {
            if (TryDequeue(task)) TryExecuteTask(task);
        });
        task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, Default);
        return task;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var thread in _threads) thread.Join(TimeSpan.FromSeconds(5));
        _stopping.Dispose();
        _available.Dispose();
    }

    protected override void QueueTask(Task task)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        lock (_queue)
        {
            if (t_urgent) _queue.AddFirst(task);
            else _queue.AddLast(task);
        }
        _available.Release();
    }

    protected override bool TryDequeue(Task task)
    {
        // The semaphore keeps a count the dequeued task no longer needs; a worker that takes it finds
        // the queue empty and waits again.
        lock (_queue) return _queue.Remove(task);
    }

    // Only the workers run tasks inline: the engine's Parallel.For waits on tasks it queued here, and
    // with one worker that wait must run them itself. Any other thread (a grain's, the pool's) queues.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
    {
        if (!s_isWorker) return false;
        if (taskWasPreviouslyQueued && !TryDequeue(task)) return false;
        return TryExecuteTask(task);
    }

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_queue) return [.. _queue];
    }

    private void Work()
    {
        s_isWorker = true;
        LowerThreadPriority.ApplyToCurrentThread();
        try
        {
            while (true)
            {
                _available.Wait(_stopping.Token);
                Task? next;
                lock (_queue)
                {
                    next = _queue.First?.Value;
                    if (next is not null) _queue.RemoveFirst();
                }
                if (next is not null) TryExecuteTask(next);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // TryExecuteTask keeps a task's exceptions in the task; anything here is a bug of ours.
            _logger.LogCritical(ex, "A scenario worker thread stopped");
            throw;
        }
    }
}
