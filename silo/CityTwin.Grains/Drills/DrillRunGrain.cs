using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Drills;
using CityTwin.Abstractions.Live;
using CityTwin.Abstractions.Storage;
using CityTwin.Grains.Alarms;
using CityTwin.Model.City;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Drills;

/// <summary>
/// One drill run (<see cref="IDrillRunGrain"/>). Its alarms live in an <see cref="AlarmBook"/> of its
/// own, keyed by the run id, never in the gu books: so no real count, rate, KPI or history can take
/// them in, while operators act on them exactly as on real alarms. Every change is written before it
/// is answered or pushed (a drill raises a handful of alarms, not thousands). A reminder brings the
/// run back after a silo's loss; the web nodes wake running runs when they start.
/// </summary>
public sealed class DrillRunGrain(
    [PersistentState("drill", StorageNames.Durable)] IPersistentState<DrillRunState> stored,
    CityCatalog catalog,
    ILiveFeed feed,
    IOptions<AlarmBookOptions> options,
    TimeProvider time,
    ILogger<DrillRunGrain> logger) : Grain, IDrillRunGrain, IRemindable
{
    public static readonly TimeSpan StepInterval = TimeSpan.FromSeconds(1);
    private const string ResumeReminder = "drill-resume";

    private AlarmBook? _book;
    private Dictionary<string, AlarmRule> _rules = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;

    private string RunId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.State.Info is not null) Open();
        if (stored.State.Info?.Status == DrillRunStatus.Running) StartTimer();
        return Task.CompletedTask;
    }

    public async Task<DrillRunInfo> StartAsync(Drill drill, string actor, double speed, string? note)
    {
        if (stored.State.Info is { } existing) return existing;
        var now = time.GetUtcNow();
        stored.State.Drill = drill;
        stored.State.Book = new AlarmBookState();
        stored.State.Info = new DrillRunInfo
        {
            RunId = RunId, DrillId = drill.Id, Title = drill.Title, StartedBy = actor, StartedAt = now, Speed = speed,
            Status = DrillRunStatus.Running, StepCount = drill.Steps.Count, EndsAt = now + Scaled(drill.DurationSeconds, speed), Note = note,
        };
        Open();
        // The steps due at once (offset 0) are in the first write: the first alarm is there when the start is answered.
        FireDueSteps(now);
        await stored.WriteStateAsync();
        Publish();
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await Runs.PutAsync(stored.State.Info);
        StartTimer();
        logger.LogInformation("Drill {Drill} started as run {Run} by {Actor} at speed {Speed}", drill.Id, RunId, actor, speed);
        return stored.State.Info;
    }

    public async Task<DrillRunInfo?> StopAsync(string actor)
    {
        if (stored.State.Info is not { } info) return null;
        if (info.Status != DrillRunStatus.Running) return info;
        await EndAsync(DrillRunStatus.Stopped, actor, time.GetUtcNow());
        return stored.State.Info;
    }

    public Task<DrillRunInfo?> GetInfoAsync() => Task.FromResult(stored.State.Info);

    public Task<IReadOnlyList<AlarmView>> QueryAsync(AlarmQuery query)
    {
        if (_book is null) return Task.FromResult<IReadOnlyList<AlarmView>>([]);
        // The book's own gu is the run id: the area filter is applied to the places' real gu and dong.
        var views = _book.Query(query with { Area = null }).Select(Placed);
        if (query.Area is { } area) views = views.Where(v => v.GuCode == area || v.DongCode == area);
        return Task.FromResult<IReadOnlyList<AlarmView>>([.. views]);
    }

    public Task<AlarmDetail?> GetAlarmAsync(string alarmId) => Task.FromResult(Detail(_book?.Find(alarmId)));

    public async Task<AlarmActionOutcome> ActAsync(string alarmId, AlarmAction action)
    {
        if (_book?.Find(alarmId) is null) return new AlarmActionOutcome(null, NotFound: true);
        if (stored.State.Info?.Status != DrillRunStatus.Running) return new AlarmActionOutcome(null, Conflict: $"drill run {RunId} has ended");
        var outcome = _book.Act(alarmId, action, time.GetUtcNow());
        if (outcome.Alarm is null) return outcome;
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            // Not stored means not done: the activation comes back from the store.
            DeactivateOnIdle();
            throw;
        }
        Publish();
        return outcome with { Alarm = Detail(_book.Find(alarmId)) };
    }

    public Task<DrillRunReport?> GetReportAsync()
    {
        if (stored.State is not { Info: { } info, Drill: { } drill } || _book is null) return Task.FromResult<DrillRunReport?>(null);
        var alarms = stored.State.Book.Alarms.Select(a => Detail(a)!).ToList();
        return Task.FromResult<DrillRunReport?>(new DrillRunReport(info, drill, alarms));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private void Open()
    {
        _book = new AlarmBook(RunId, options.Value, stored.State.Book);
        _rules = new Dictionary<string, AlarmRule>(StringComparer.Ordinal);
        foreach (var step in stored.State.Drill?.Steps ?? [])
        {
            if (step.Clear || _rules.ContainsKey(step.Key)) continue;
            _rules[step.Key] = new AlarmRule
            {
                Id = step.Key, Name = step.Name.GetValueOrDefault("en") ?? step.Key, Severity = step.Severity, Service = step.Service,
                Type = AlarmRuleType.Threshold, Limit = step.Value,
            };
        }
    }

    private void StartTimer()
    {
        _timer ??= this.RegisterGrainTimer(OnStepTimerAsync, new GrainTimerCreationOptions { DueTime = StepInterval, Period = StepInterval });
    }

    private async Task OnStepTimerAsync(CancellationToken cancellationToken)
    {
        if (stored.State.Info is not { Status: DrillRunStatus.Running } info) return;
        var now = time.GetUtcNow();
        try
        {
            var fired = FireDueSteps(now);
            _book!.Tick(now);
            if (now >= info.EndsAt)
            {
                await EndAsync(DrillRunStatus.Finished, null, now);
                return;
            }
            var changed = _book.TakeChanged();
            if (changed.Count == 0 && fired == 0) return;
            await stored.WriteStateAsync(cancellationToken);
            if (changed.Count > 0) feed.PublishAlarms([.. changed.Select(Placed)]);
            if (fired > 0) await Runs.PutAsync(stored.State.Info!);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Drill run {Run} could not fire its steps; retrying", RunId);
        }
    }

    /// <summary>Applies every step whose time has come (late ones too, after a restart: at their scripted times).</summary>
    private int FireDueSteps(DateTimeOffset now)
    {
        if (stored.State is not { Info: { } info, Drill: { } drill }) return 0;
        var transitions = new List<AlarmTransition>();
        var next = info.StepsDone;
        while (next < drill.Steps.Count && info.StartedAt + Scaled(drill.Steps[next].AtSeconds, info.Speed) <= now)
        {
            var step = drill.Steps[next++];
            transitions.Add(new AlarmTransition(step.Key, step.Source, !step.Clear, step.Value, info.StartedAt + Scaled(step.AtSeconds, info.Speed)));
        }
        if (transitions.Count == 0) return 0;
        // The batch names the run as its area, which the book takes for its own: drill steps are never grouped as a flood.
        _book!.Apply(new AlarmTransitionBatch(RunId, now, transitions), id => _rules.GetValueOrDefault(id), SourceOf, now);
        stored.State.Info = info with { StepsDone = next };
        return transitions.Count;
    }

    private async Task EndAsync(DrillRunStatus status, string? actor, DateTimeOffset now)
    {
        var info = stored.State.Info!;
        stored.State.Info = info with { Status = status, EndedAt = now, EndedBy = actor };
        _timer?.Dispose();
        _timer = null;
        await stored.WriteStateAsync();
        // The control room's list and map drop the run's alarms: they stay in the run's report, as they were.
        var open = stored.State.Book.Alarms.Where(a => a.State != AlarmState.Closed).Select(a => Placed(a.ToView()) with { State = AlarmState.Closed, UpdatedAt = now }).ToList();
        _book?.TakeChanged();
        if (open.Count > 0) feed.PublishAlarms(open);
        await Runs.PutAsync(stored.State.Info);
        if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
        logger.LogInformation("Drill run {Run} {Status} by {Actor}", RunId, status, actor ?? "its script");
    }

    private void Publish()
    {
        var changed = _book?.TakeChanged() ?? [];
        if (changed.Count > 0) feed.PublishAlarms([.. changed.Select(Placed)]);
    }

    private IDrillRunsGrain Runs => GrainFactory.GetGrain<IDrillRunsGrain>(IDrillRunsGrain.Key);

    private AlarmDetail? Detail(AlarmRecord? record) =>
        record?.ToDetail() is { } d ? d with { Alarm = Placed(d.Alarm) } : null;

    /// <summary>The alarm with the gu of its real place (the book knows only the run).</summary>
    private AlarmView Placed(AlarmView view) => view with { GuCode = GuOf(view.SourceId) ?? view.GuCode };

    private string? GuOf(string sourceId) =>
        catalog.FindAsset(sourceId)?.GuCode ?? catalog.FindDong(sourceId)?.GuCode ?? catalog.FindDistrict(sourceId)?.Code;

    private AlarmSourceInfo SourceOf(string sourceId)
    {
        if (catalog.FindAsset(sourceId) is { } asset) return new AlarmSourceInfo(AssetKinds.Of(asset.Kind).WireName, asset.DongCode);
        if (catalog.FindDong(sourceId) is { } dong) return new AlarmSourceInfo("dong", dong.Code);
        return new AlarmSourceInfo("gu", null);
    }

    private static TimeSpan Scaled(double seconds, double speed) => TimeSpan.FromSeconds(seconds / (speed > 0 ? speed : 1));
}
