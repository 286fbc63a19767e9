using System.Diagnostics;
using System.Text.Json;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Abstractions.Scenarios.Results;
using CityTwin.Abstractions.Storage;
using CityTwin.Grains.Scenarios.Isolation;
using CityTwin.Model.City;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace CityTwin.Grains.Scenarios;

/// <summary>
/// A what-if scenario: stores the definition, runs it as one partition grain per district (spread
/// over the cluster), follows their progress, combines and stores the results. A reminder resumes a
/// run whose silo died; the definition and the results survive restarts in the durable store.
/// Reentrant: progress reports and cancellation arrive while the run is awaited.
/// </summary>
[Reentrant]
public sealed class ScenarioGrain(
    CityCatalog city,
    TimeProvider time,
    ILogger<ScenarioGrain> logger,
    ScenarioRunQueue queue,
    [PersistentState("scenario", StorageNames.Durable)] IPersistentState<ScenarioState> stored,
    [PersistentState("results", StorageNames.Durable)] IPersistentState<ScenarioResultsState> results)
    : Grain, IScenarioGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private static readonly TimeSpan PublishEvery = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, int> _stepsDone = new(StringComparer.Ordinal);
    private Task? _run;
    private CancellationTokenSource? _cancel;
    private long _lastPublished;
    // Reentrant: a cancel may record its status while the run records another; two writes of the
    // same state in flight at once would fail on the store's ETag.
    private readonly SemaphoreSlim _statusWrites = new(1, 1);

    private string Id => this.GetPrimaryKeyString();

    private IScenarioRegistryGrain Registry => GrainFactory.GetGrain<IScenarioRegistryGrain>(IScenarioRegistryGrain.Key);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Scenarios stored before the state was typed hold their definition and results as JSON
        // strings: read them into the typed records and store them back at once, so what a user
        // created survives the upgrade and the old shape is read only this once.
        if (UpgradeLegacy<ScenarioDefinition>(stored.State.LegacyDefinitionJson, read => stored.State.Definition = read, "definition"))
        {
            stored.State.LegacyDefinitionJson = null;
            await stored.WriteStateAsync(cancellationToken);
        }
        if (UpgradeLegacy<ScenarioResultsDocument>(results.State.LegacyJson, read => results.State.Document = read, "results"))
        {
            results.State.LegacyJson = null;
            await results.WriteStateAsync(cancellationToken);
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<ScenarioSummary> StartAsync(ScenarioDefinition definition, string owner)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (stored.State.Summary is { } existing) return existing; // a retried start changes nothing
        stored.State.Definition = definition;
        stored.State.Summary = new ScenarioSummary
        {
            Id = Id,
            Name = definition.Name,
            Status = ScenarioStatus.Queued,
            CreatedAt = time.GetUtcNow(),
            HorizonHours = definition.Horizon.TotalHours,
            StepMinutes = definition.Step.TotalMinutes,
            Owner = owner,
        };
        await stored.WriteStateAsync();
        await Registry.UpsertAsync(stored.State.Summary);
        // Durable: should this silo die mid-run, the reminder fires on another and resumes it.
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _run = RunAsync();
        return stored.State.Summary;
    }

    public Task<ScenarioSummary?> GetSummaryAsync() => Task.FromResult(stored.State.Summary);

    public async Task<ScenarioSummary?> SetPublishedAsync(bool published, string by)
    {
        if (stored.State.Summary is not { } summary) return null;
        if (summary.Published == published) return summary;
        // Stored before it is in force: a failed write leaves the scenario as it was.
        stored.State.Summary = summary with
        {
            Published = published,
            PublishedAt = published ? time.GetUtcNow() : null,
            PublishedBy = published ? by : null,
        };
        // One write at a time with the run's status writes: the store rejects two at once.
        await _statusWrites.WaitAsync();
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            stored.State.Summary = summary;
            throw;
        }
        finally
        {
            _statusWrites.Release();
        }
        await Registry.UpsertAsync(stored.State.Summary);
        return stored.State.Summary;
    }

    public Task<ScenarioDefinition?> GetDefinitionAsync() => Task.FromResult(stored.State.Definition);

    public Task<ScenarioResultsDocument?> GetResultsAsync() => Task.FromResult(results.State.Document);

    public async Task<ScenarioSummary?> CancelAsync()
    {
        if (stored.State.Summary is not { IsActive: true }) return stored.State.Summary;
        _cancel?.Cancel();
        var seeds = Math.Max(1, stored.State.Definition?.SeedCount ?? 1);
        await Task.WhenAll(Enumerable.Range(0, seeds).SelectMany(i => city.Districts.Select(d => Partition(d.Code, i).CancelAsync())));
        // The run may have recorded it already (RunAsync does, before giving up its queue turn).
        if (stored.State.Summary is { IsActive: true }) await SetStatusAsync(ScenarioStatus.Cancelled, error: null);
        return stored.State.Summary;
    }

    public async Task DeleteAsync()
    {
        if (stored.State.Summary is { IsActive: true }) await CancelAsync();
        await Registry.RemoveAsync(Id);
        await UnregisterResumeAsync();
        await results.ClearStateAsync();
        await stored.ClearStateAsync();
        DeactivateOnIdle();
    }

    public Task ReportProgressAsync(string guCode, int stepsDone)
    {
        if (stored.State.Summary is not { Status: ScenarioStatus.Running } summary) return Task.CompletedTask;
        // Keyed by partition (one per district and seed), whatever the parameter is called.
        _stepsDone[guCode] = Math.Max(stepsDone, _stepsDone.GetValueOrDefault(guCode));
        var total = Math.Max(1, TotalSteps());
        stored.State.Summary = summary with { Progress = Math.Min(1, _stepsDone.Values.Sum() / (double)total) };
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_lastPublished, now) < PublishEvery) return Task.CompletedTask;
        _lastPublished = now;
        return Registry.UpsertAsync(stored.State.Summary);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (stored.State.Summary is not { IsActive: true })
        {
            await UnregisterResumeAsync();
            return;
        }
        if (_run is null || _run.IsCompleted)
        {
            logger.LogInformation("Resuming scenario {Id} after its silo was lost", Id);
            _run = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        using var cancel = new CancellationTokenSource();
        _cancel = cancel;
        _stepsDone.Clear();
        var watch = Stopwatch.StartNew();
        IDisposable? turn = null;
        try
        {
            // The silo's queue decides when the districts start; till then the run shows its position.
            turn = await queue.WaitForTurnAsync(Id, ShowQueuePositionAsync, cancel.Token);
            await SetStatusAsync(ScenarioStatus.Running, error: null);
            var definition = stored.State.Definition ?? throw new InvalidOperationException("the scenario has no definition");
            var self = this.AsReference<IScenarioGrain>();
            // Every seed's districts are queued at once, seed by seed: the silo's scenario workers take
            // them in that order, so the seeds run in parallel on the run's bounded share and no more.
            var seeds = definition.SeedList();
            var calls = seeds.SelectMany((seed, i) => city.Districts.Select(d =>
                Partition(d.Code, i).RunAsync(definition with { Seed = seed, SeedCount = 1 }, self))).ToList();
            var outcomes = await Task.WhenAll(calls);
            cancel.Token.ThrowIfCancellationRequested();
            var perSeed = outcomes.Chunk(city.Districts.Count).Select(c => (IReadOnlyList<PartitionOutcome>)c).ToList();

            var document = ScenarioResultsBuilder.BuildRun(Id, definition, city, perSeed);
            results.State.Document = document;
            await results.WriteStateAsync();
            await SetStatusAsync(ScenarioStatus.Completed, error: null);
            await UnregisterResumeAsync();
            logger.LogInformation("Scenario {Id} ({Name}) completed: {Steps} steps × {Districts} districts × {Seeds} seeds in {Ms} ms",
                Id, definition.Name, definition.StepCount, city.Districts.Count, seeds.Count, watch.ElapsedMilliseconds);
        }
        catch (Exception) when (cancel.IsCancellationRequested || stored.State.Summary?.Status == ScenarioStatus.Cancelled)
        {
            // CancelAsync records the cancellation too; recorded here as well, the run's turn (released
            // below) never lets another run show as running beside this one.
            if (stored.State.Summary is { IsActive: true }) await SetStatusAsync(ScenarioStatus.Cancelled, error: null);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Scenario {Id} failed", Id);
            await SetStatusAsync(ScenarioStatus.Failed, ex.Message);
            await UnregisterResumeAsync();
        }
        finally
        {
            turn?.Dispose();
            _cancel = null;
        }
    }

    private async Task SetStatusAsync(ScenarioStatus status, string? error)
    {
        var summary = stored.State.Summary!;
        var now = time.GetUtcNow();
        stored.State.Summary = summary with
        {
            Status = status,
            Error = error,
            Progress = status == ScenarioStatus.Completed ? 1 : status == ScenarioStatus.Running ? 0 : summary.Progress,
            StartedAt = status == ScenarioStatus.Running ? now : summary.StartedAt,
            CompletedAt = status is ScenarioStatus.Completed or ScenarioStatus.Failed or ScenarioStatus.Cancelled ? now : null,
            QueuePosition = status == ScenarioStatus.Queued ? summary.QueuePosition : null,
        };
        await _statusWrites.WaitAsync();
        try
        {
            await stored.WriteStateAsync();
        }
        finally
        {
            _statusWrites.Release();
        }
        await Registry.UpsertAsync(stored.State.Summary);
    }

    // Like progress, a position lives in memory and in the registry's list, never written on its own.
    private Task ShowQueuePositionAsync(int position)
    {
        if (stored.State.Summary is not { IsActive: true } summary) return Task.CompletedTask;
        stored.State.Summary = summary with { Status = ScenarioStatus.Queued, QueuePosition = position };
        return Registry.UpsertAsync(stored.State.Summary);
    }

    // False when there is nothing to upgrade, and when the old JSON does not read: then it stays
    // stored as it was (a later version may read it) rather than being overwritten with nothing.
    private bool UpgradeLegacy<T>(string? json, Action<T> assign, string part)
    {
        if (json is null) return false;
        try
        {
            assign(LegacyScenarioJson.Read<T>(json));
            return true;
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Scenario {Id}: the {Part} stored by an earlier version does not read", Id, part);
            return false;
        }
    }

    private int TotalSteps()
    {
        var s = stored.State.Summary!;
        var seeds = Math.Max(1, stored.State.Definition?.SeedCount ?? 1);
        return (int)Math.Round(s.HorizonHours * 60 / s.StepMinutes) * city.Districts.Count * seeds;
    }

    /// <summary>
    /// The partition of a district for the run's <paramref name="seedIndex"/>-th seed. The first seed
    /// keeps the key runs had before they repeated (<c>{id}/{gu}</c>), which the series endpoint uses.
    /// </summary>
    private IScenarioPartitionGrain Partition(string gu, int seedIndex = 0) =>
        GrainFactory.GetGrain<IScenarioPartitionGrain>(seedIndex == 0 ? $"{Id}/{gu}" : $"{Id}~{seedIndex}/{gu}");

    private async Task UnregisterResumeAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
