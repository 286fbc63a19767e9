using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Live;
using CityTwin.Abstractions.Storage;
using CityTwin.Model.City;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// The alarms of one gu (<see cref="IAlarmBookGrain"/>). Transitions from the gu's dongs arrive in
/// one call per silo per <see cref="AlarmBookOptions.SendInterval"/> (<see cref="AlarmOutbox"/>) and are pushed with the next flush
/// (every <see cref="AlarmBookOptions.FlushInterval"/>) and written at most once per
/// <see cref="AlarmBookOptions.StoreInterval"/>, so a storm costs one write, not thousands. An
/// operator's action is written before it is answered: if the write fails, the activation is
/// dropped and comes back from the store, so nothing unstored is ever shown as done.
/// Changes go out through the silo's live feed to every web node.
/// </summary>
public sealed class AlarmBookGrain(
    [PersistentState("alarms", StorageNames.Durable)] IPersistentState<AlarmBookState> stored,
    CityCatalog catalog,
    AlarmRuleCache rules,
    ILiveFeed feed,
    IOptions<AlarmBookOptions> options,
    TimeProvider time,
    ILogger<AlarmBookGrain> logger) : Grain, IAlarmBookGrain
{
    // One write at a time: the timer's batched write interleaves with ingest (a dong never waits
    // for the store), and an operator's action waits here for its own write.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private AlarmBook _book = null!;
    private bool _dirty;
    private DateTimeOffset _lastWrite;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new AlarmBook(this.GetPrimaryKeyString(), options.Value, stored.State);
        // Interleaving: while the timer's write waits on the store, dongs' transitions keep landing
        // (the state is serialised before the write's first await, so what is written is consistent).
        this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions
        {
            DueTime = options.Value.FlushInterval,
            Period = options.Value.FlushInterval,
            Interleave = true,
        });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_dirty) return;
        try
        {
            await stored.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Raised and cleared alarms are restated by the dongs' evaluators; operator actions were written already.
            logger.LogWarning(ex, "Alarm book {Book} could not write its last changes on deactivation", this.GetPrimaryKeyString());
        }
    }

    public Task ApplyAsync(IReadOnlyList<AlarmTransitionBatch> batches)
    {
        var now = time.GetUtcNow();
        foreach (var batch in batches) _book.Apply(batch, rules.Find, SourceOf, now);
        _dirty = true;
        Publish();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlarmView>> QueryAsync(AlarmQuery query) => Task.FromResult(_book.Query(query));

    public Task<AlarmDetail?> GetAsync(string alarmId) => Task.FromResult(_book.Find(alarmId)?.ToDetail());

    public async Task<AlarmActionOutcome> ActAsync(string alarmId, AlarmAction action)
    {
        var outcome = _book.Act(alarmId, action, time.GetUtcNow());
        if (outcome.Alarm is null) return outcome;
        await _writeGate.WaitAsync();
        try
        {
            _dirty = false;
            _lastWrite = time.GetUtcNow();
            await stored.WriteStateAsync();
        }
        catch
        {
            // Not stored means not done: forget the change in memory too.
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
        Publish();
        return outcome;
    }

    public Task<AlarmBookSummary> GetSummaryAsync() => Task.FromResult(_book.Summary(time.GetUtcNow()));

    public async Task FlushAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await TickAndWriteAsync(force: true, CancellationToken.None);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        // An action's write is under way: this round's changes go with the next one.
        if (!await _writeGate.WaitAsync(0, cancellationToken)) return;
        try
        {
            await TickAndWriteAsync(force: false, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Alarm book {Book} could not write its changes; retrying", this.GetPrimaryKeyString());
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task TickAndWriteAsync(bool force, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _book.Tick(now);
        if (Publish() > 0) _dirty = true;
        if (!_dirty || (!force && now - _lastWrite < options.Value.StoreInterval)) return;
        _dirty = false;
        _lastWrite = now;
        try
        {
            await stored.WriteStateAsync(cancellationToken);
        }
        catch
        {
            _dirty = true;
            throw;
        }
    }

    private int Publish()
    {
        var changed = _book.TakeChanged();
        if (changed.Count > 0) feed.PublishAlarms(changed);
        return changed.Count;
    }

    private AlarmSourceInfo SourceOf(string sourceId)
    {
        if (catalog.FindAsset(sourceId) is { } asset)
            return new AlarmSourceInfo(Abstractions.Assets.AssetKinds.Of(asset.Kind).WireName, asset.DongCode);
        if (catalog.FindDong(sourceId) is { } dong) return new AlarmSourceInfo("dong", dong.Code);
        return new AlarmSourceInfo("gu", null);
    }
}
