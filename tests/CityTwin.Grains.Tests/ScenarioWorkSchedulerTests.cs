using System.Collections.Concurrent;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Grains.Scenarios.Isolation;
using CityTwin.Scenarios.Catalog;
using CityTwin.Scenarios.Engine;
using CityTwin.Scenarios.Results;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Tests;

/// <summary>
/// The silo's scenario worker threads: work (and the engine's parallel loops inside it) stays on
/// them, a task cancelled while queued never starts, a running district stops at its next step, and
/// the numbers are those the thread pool computes.
/// </summary>
public sealed class ScenarioWorkSchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static ScenarioWorkScheduler Scheduler(int workers) =>
        new(Options.Create(new ScenarioWorkOptions { Workers = workers }), NullLogger<ScenarioWorkScheduler>.Instance);

    private static ScenarioDefinition Definition(double hours, int stepMinutes) =>
        new("scheduler", null, ScenarioStart.ForkLive(TestCatalog.Local(2025, 8, 6, 15)), TimeSpan.FromHours(hours), TimeSpan.FromMinutes(stepMinutes), 11, null,
            [
                new ScenarioIntervention(InterventionIds.LedRetrofit, new Dictionary<string, double>(), ScenarioTarget.City()),
                new ScenarioIntervention(InterventionIds.RooftopSolar, new Dictionary<string, double>(), ScenarioTarget.City()),
                new ScenarioIntervention(InterventionIds.CongestionCharge, new Dictionary<string, double>(), ScenarioTarget.Gu(TestCatalog.Incheon.Districts[0].Code)),
            ]);

    [Fact]
    public async Task A_district_s_step_loop_runs_on_the_worker_threads_only_whoever_calls()
    {
        using var scheduler = Scheduler(workers: 2);
        var engine = new ScenarioEngine(TestCatalog.Incheon, options: new ScenarioEngineOptions { Scheduler = scheduler });
        var threads = new ConcurrentBag<string?>();
        // The engine reports progress from inside its parallel step loop, on the thread that ran the steps.
        var progress = new SynchronousProgress(_ => threads.Add(Thread.CurrentThread.Name));
        var gu = TestCatalog.Incheon.Districts[0].Code;
        var definition = Definition(24, 5);

        await scheduler.Run(() => engine.RunDistrict(definition, gu, progress)).WaitAsync(Patience);
        // Called from the thread pool, the steps still run on the workers.
        await Task.Run(() => engine.RunDistrict(definition, gu, progress)).WaitAsync(Patience);

        Assert.NotEmpty(threads);
        Assert.All(threads, name => Assert.StartsWith("scenario-worker-", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_cancelled_while_queued_never_starts_and_the_worker_carries_on()
    {
        using var scheduler = Scheduler(workers: 1);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = scheduler.Run(() =>
        {
            started.Set();
            release.Wait();
            return 1;
        });
        Assert.True(started.Wait(Patience), "the first task never started");

        using var cancel = new CancellationTokenSource();
        var ran = false;
        var queued = scheduler.Run(() => ran = true, cancel.Token);
        Assert.Equal(1, scheduler.Queued);
        cancel.Cancel();
        Assert.Equal(0, scheduler.Queued);
        release.Set();

        Assert.Equal(1, await blocker.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Patience));
        Assert.True(queued.IsCanceled);
        Assert.False(ran);
        Assert.Equal(3, await scheduler.Run(() => 3).WaitAsync(Patience));
    }

    [Fact]
    public async Task Work_someone_waits_for_on_screen_goes_ahead_of_queued_runs()
    {
        using var scheduler = Scheduler(workers: 1);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var order = new ConcurrentQueue<string>();
        var blocker = scheduler.Run(() =>
        {
            started.Set();
            release.Wait();
            return "blocker";
        });
        Assert.True(started.Wait(Patience), "the first task never started");
        var runs = Enumerable.Range(1, 3).Select(i => scheduler.Run(() => { order.Enqueue($"run {i}"); return i; })).ToList();
        var series = scheduler.RunNext(() => { order.Enqueue("series"); return 0; });
        release.Set();

        await Task.WhenAll(runs.Append(series)).WaitAsync(Patience);
        await blocker.WaitAsync(Patience);
        Assert.Equal(["series", "run 1", "run 2", "run 3"], order);
    }

    [Fact]
    public async Task A_running_district_stops_at_its_next_step_when_cancelled()
    {
        using var scheduler = Scheduler(workers: 1);
        var engine = new ScenarioEngine(TestCatalog.Incheon);
        using var cancel = new CancellationTokenSource();
        var reported = 0;
        // Cancelled at its first progress report, a week-long district must not run to its end.
        var progress = new SynchronousProgress(steps =>
        {
            reported = steps;
            cancel.Cancel();
        });
        var gu = TestCatalog.Incheon.Districts[0].Code;
        var definition = Definition(168, 5);
        var run = scheduler.Run(() => engine.RunDistrict(definition, gu, progress, cancel.Token), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));
        Assert.InRange(reported, 1, definition.StepCount - 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_district_gives_the_same_bits_on_the_worker_threads_as_on_the_thread_pool(int workers)
    {
        using var scheduler = Scheduler(workers);
        var engine = new ScenarioEngine(TestCatalog.Incheon);
        var definition = Definition(12, 10);
        foreach (var gu in TestCatalog.Incheon.Districts.Select(d => d.Code).Take(3))
        {
            var pool = await Task.Run(() => engine.RunDistrict(definition, gu)).WaitAsync(Patience);
            var workersResult = await scheduler.Run(() => engine.RunDistrict(definition, gu)).WaitAsync(Patience);
            AssertSame(pool.District, workersResult.District);
            Assert.Equal(pool.Dongs.Count, workersResult.Dongs.Count);
            foreach (var (a, b) in pool.Dongs.Zip(workersResult.Dongs)) AssertSame(a, b);
        }
    }

    private static void AssertSame(AreaResult expected, AreaResult actual)
    {
        Assert.Equal(expected.Code, actual.Code);
        Assert.True(expected.Baseline.SameAs(actual.Baseline), $"{expected.Code}: baseline differs");
        Assert.True(expected.Scenario.SameAs(actual.Scenario), $"{expected.Code}: scenario differs");
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the pool, later).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
