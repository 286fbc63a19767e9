using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Live;
using CityTwin.Abstractions.Storage;
using CityTwin.Grains.History;
using CityTwin.Model.City;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace CityTwin.Grains;

/// <summary>
/// The city: owns the simulated clock and combines its districts' aggregates. The clock is durable:
/// speed and pause are saved when an operator changes them, and the simulated time is checkpointed,
/// so a restart or the loss of this grain's silo resumes the city where it was.
/// </summary>
public sealed class CityGrain(
    CityCatalog catalog,
    ILiveFeed feed,
    TimeProvider time,
    IOptions<ClockOptions> options,
    IOptions<HistoryOptions> historyOptions,
    CityTwinMetrics metrics,
    ILogger<CityGrain> logger,
    [PersistentState("clock", StorageNames.Durable)] IPersistentState<ClockRecord> stored)
    : CountedGrain(metrics), ICityGrain, IRemindable
{
    /// <summary>How often the simulated time is written while the clock runs.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(30);
    private const string KeepAliveReminder = "keep-alive";

    private readonly Dictionary<string, KpiSet> _districts = new(StringComparer.Ordinal);
    private ClockState _clock = new(DateTimeOffset.UnixEpoch, 1, false);
    // The wall-clock instant the clock was last brought to (activation, a change, an advance):
    // the live tick adds only the wall time since then, read here, so start-up is never counted twice.
    private DateTimeOffset _wallAt;
    private bool _dirty;
    private AreaHistory _series = new(0, 0);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        _clock = stored.RecordExists
            ? stored.State.Resume(now)
            : new ClockState(o.Start ?? now, Math.Clamp(o.Speed, ClockLimits.MinSpeed, ClockLimits.MaxSpeed), o.Paused);
        _wallAt = now;
        _series = new AreaHistory(historyOptions.Value.AreaMinutes, historyOptions.Value.AreaQuarters);
        this.RegisterGrainTimer(FlushAsync, DistrictGrain.ReportInterval, DistrictGrain.ReportInterval);
        this.RegisterGrainTimer(CheckpointAsync, CheckpointInterval, CheckpointInterval);
        // The reminder brings the city (and its clock frames) back on a surviving silo even when
        // nothing else calls it after a failover.
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await SaveAsync(_clock);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public Task<ClockState> GetClockAsync() => Task.FromResult(_clock);

    public async Task<ClockState> SetClockAsync(double? speed, bool? paused)
    {
        if (speed is { } s && (double.IsNaN(s) || s < ClockLimits.MinSpeed || s > ClockLimits.MaxSpeed))
            throw new ArgumentOutOfRangeException(nameof(speed), s, $"Speed must be between {ClockLimits.MinSpeed} and {ClockLimits.MaxSpeed}");
        // The live tick's wall time keeps counting from its last advance (while paused too, so a resume adds nothing).
        return await ApplyAsync(_clock with { Speed = speed ?? _clock.Speed, Paused = paused ?? _clock.Paused });
    }

    /// <summary>
    /// Setting the time starts a new timeline, whether it moves back or forward: what the twin
    /// held after the new instant belongs to a future that no longer happens (see README, "Time jumps").
    /// </summary>
    public async Task<ClockState> SetTimeAsync(DateTimeOffset simTime)
    {
        var clock = await ApplyAsync(_clock with { SimTime = simTime, Timeline = _clock.Timeline + 1 }, time.GetUtcNow());
        _series.Truncate(simTime);
        return clock;
    }

    /// <summary>
    /// A change takes effect only once it is stored: when the store is down the caller gets the
    /// error and every screen keeps the clock it had, instead of a change that was reported as
    /// failed being in force (and then lost on the next failover).
    /// </summary>
    private async Task<ClockState> ApplyAsync(ClockState changed, DateTimeOffset? wallAt = null)
    {
        await SaveAsync(changed);
        _clock = changed;
        if (wallAt is { } at) _wallAt = at;
        feed.PublishClock(_clock);
        return _clock;
    }

    public Task<ClockState> AdvanceAsync(TimeSpan wallElapsed)
    {
        if (!_clock.Paused && wallElapsed > TimeSpan.Zero)
            _clock = _clock with { SimTime = _clock.SimTime + wallElapsed * _clock.Speed };
        feed.PublishClock(_clock);
        return Task.FromResult(_clock);
    }

    public Task<ClockState> NowAsync() => Task.FromResult(CatchUp().Clock);

    public Task<ClockState> AdvanceToNowAsync()
    {
        (_clock, _wallAt) = CatchUp();
        feed.PublishClock(_clock);
        return Task.FromResult(_clock);
    }

    /// <summary>
    /// The clock as it stands at the wall-clock instant now: the wall time since it was last
    /// brought forward, × speed. Elapsed time is read from this grain's own wall clock, never
    /// carried in from a caller, so the simulated clock cannot gain on the wall clock.
    /// </summary>
    private (ClockState Clock, DateTimeOffset Now) CatchUp()
    {
        var now = time.GetUtcNow();
        var elapsed = now - _wallAt;
        // A wall clock stepped back (NTP) leaves the simulated time where it is rather than rewinding it.
        if (elapsed <= TimeSpan.Zero) return (_clock, now);
        return (_clock.Paused ? _clock : _clock with { SimTime = _clock.SimTime + elapsed * _clock.Speed }, now);
    }

    public Task ReportDistrictAsync(string guCode, KpiSet kpis)
    {
        if (catalog.FindDistrict(guCode) is null)
            throw new ArgumentException($"Unknown district {guCode}", nameof(guCode));
        _districts[guCode] = kpis;
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<KpiSet> GetKpisAsync() => Task.FromResult(KpiSet.Sum(_districts.Values));

    public Task<HistorySeries> GetKpiSeriesAsync(HistoryQuery query) => Task.FromResult(_series.Series(query));

    public Task<float[]?> GetKpisAtAsync(DateTimeOffset at) => Task.FromResult(_series.At(at));

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            var total = KpiSet.Sum(_districts.Values);
            feed.PublishKpis(AreaLevel.City, catalog.Id, total);
            _series.Record(_clock.SimTime, total);
        }
        return Task.CompletedTask;
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(_clock);
        }
        catch (Exception ex)
        {
            // A missed checkpoint costs at most one interval of simulated time after a failover.
            logger.LogWarning(ex, "Checkpoint of the {City} clock failed; retrying in {Interval}", catalog.Id, CheckpointInterval);
        }
    }

    private async Task SaveAsync(ClockState clock)
    {
        var record = new ClockRecord { SimTime = clock.SimTime, Speed = clock.Speed, Paused = clock.Paused, SavedAt = time.GetUtcNow(), Timeline = clock.Timeline };
        stored.State = record;
        try
        {
            await stored.WriteStateAsync();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote since we read (two can live for a moment while membership
            // changes). This activation is the one being called: its clock is the current one.
            logger.LogWarning(ex, "The {City} clock was written elsewhere; writing this activation's clock over it", catalog.Id);
            await stored.ReadStateAsync();
            stored.State = record;
            await stored.WriteStateAsync();
        }
    }
}
