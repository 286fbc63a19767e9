using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Live;
using CityTwin.Abstractions.Storage;
using CityTwin.Model.City;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// The alarms of one gu (<see cref="IAlarmBookGrain"/>). Transitions from the gu's dongs arrive one
/// call per dong batch and are written with the next flush (at most once per
/// <see cref="AlarmBookOptions.FlushInterval"/>), so a storm costs one write, not thousands. An
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
    private AlarmBook _book = null!;
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new AlarmBook(this.GetPrimaryKeyString(), options.Value, stored.State);
        this.RegisterGrainTimer(OnTimerAsync, options.Value.FlushInterval, options.Value.FlushInterval);
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

    public Task ApplyAsync(AlarmTransitionBatch batch)
    {
        _book.Apply(batch, rules.Find, SourceOf, time.GetUtcNow());
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
        try
        {
            await stored.WriteStateAsync();
            _dirty = false;
        }
        catch
        {
            // Not stored means not done: forget the change in memory too.
            DeactivateOnIdle();
            throw;
        }
        Publish();
        return outcome;
    }

    public Task<AlarmBookSummary> GetSummaryAsync() => Task.FromResult(_book.Summary(time.GetUtcNow()));

    public async Task FlushAsync()
    {
        _book.Tick(time.GetUtcNow());
        Publish();
        if (!_dirty) return;
        await stored.WriteStateAsync();
        _dirty = false;
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            _book.Tick(time.GetUtcNow());
            if (Publish() > 0) _dirty = true;
            if (!_dirty) return;
            await stored.WriteStateAsync(cancellationToken);
            _dirty = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Alarm book {Book} could not write its changes; retrying", this.GetPrimaryKeyString());
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
