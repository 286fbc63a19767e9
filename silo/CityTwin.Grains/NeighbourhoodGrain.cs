using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Live;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Grains.History;
using CityTwin.Model.City;
using CityTwin.Model.Kpis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains;

/// <summary>
/// Holds the live state of every asset in one dong. A whole batch arrives in one call; the grain
/// evaluates status rules, keeps a short history, hands changes to the silo's live feed and
/// reports its aggregate to its district once per batch.
/// </summary>
public sealed class NeighbourhoodGrain(CityCatalog catalog, ILiveFeed feed, CityTwinMetrics metrics, IOptions<HistoryOptions> historyOptions, ILogger<NeighbourhoodGrain> logger)
    : CountedGrain(metrics), INeighbourhoodGrain
{
    /// <summary>An asset silent for longer than this (simulated time) is shown offline.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>
    /// An asset whose values stay the same is still handed to the live feed once a minute (wall
    /// clock): a web node that started or joined after its last change (a cluster scaled out, a web
    /// node restarted) learns it within a minute instead of showing it offline until it changes.
    /// At Incheon's size that is about 400 extra updates a second at most, against 23,000.
    /// </summary>
    public const long LiveRefreshMs = 60_000;

    private AssetDescriptor[] _assets = [];
    private Dictionary<string, int> _localIndex = new(StringComparer.Ordinal);
    private AssetKindInfo[] _kinds = [];
    private AssetStatus[] _status = [];
    private double[][] _values = [];
    private DateTimeOffset[] _updatedAt = [];
    // Wall-clock milliseconds (Environment.TickCount64) each asset was last handed to the live feed.
    private long[] _sentAt = [];
    private NeighbourhoodHistory _history = new([], new HistoryOptions());
    private KpiSet _kpis = KpiSet.Empty;
    private DongInfo? _dong;
    private Alarms.AreaAlarms? _alarms;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _dong = catalog.FindDong(this.GetPrimaryKeyString());
        _assets = [.. catalog.AssetsInDong(this.GetPrimaryKeyString())];
        _localIndex = new Dictionary<string, int>(_assets.Length, StringComparer.Ordinal);
        for (var i = 0; i < _assets.Length; i++) _localIndex[_assets[i].Id] = i;
        _kinds = [.. _assets.Select(a => AssetKinds.Of(a.Kind))];
        _status = new AssetStatus[_assets.Length];
        Array.Fill(_status, AssetStatus.Offline); // nothing heard yet
        _values = new double[_assets.Length][];
        Array.Fill(_values, []);
        _updatedAt = new DateTimeOffset[_assets.Length];
        _sentAt = new long[_assets.Length];
        _history = new NeighbourhoodHistory(_kinds, historyOptions.Value);
        _kpis = Aggregate();
        return Task.CompletedTask;
    }

    public async Task<IngestResult> IngestAsync(TelemetryBatch batch)
    {
        if (_dong is null)
        {
            logger.LogWarning("Batch of {Count} readings sent to unknown dong {Dong}", batch.Readings.Count, this.GetPrimaryKeyString());
            return new IngestResult(0, [.. batch.Readings.Select(r => r.AssetId)]);
        }

        // A jump of the city clock starts a new timeline: lateness counts from the jump on, and a
        // batch still in flight from the abandoned timeline is dropped (README "Time jumps").
        switch (_history.Admit(batch))
        {
            case TimelineAdmission.Abandoned: return new IngestResult(0, []);
            case TimelineAdmission.Started:
                // Back: no reading is "later" than the jump any more. Forward: the skipped time
                // counts as silence, so a feed asset that reported before it goes stale as usual.
                for (var i = 0; i < _updatedAt.Length; i++)
                    if (_updatedAt[i] > batch.Timestamp) _updatedAt[i] = batch.Timestamp;
                _alarms?.StartTimeline();
                break;
        }

        List<string>? rejected = null;
        var deltas = new List<AssetDelta>(batch.Readings.Count);
        var ts = batch.Timestamp.ToUnixTimeMilliseconds();
        var wall = batch.WallTime?.ToUnixTimeMilliseconds() ?? 0; // 0: the live feed stamps it on publish
        var now = Environment.TickCount64;
        foreach (var reading in batch.Readings)
        {
            if (reading is null || !_localIndex.TryGetValue(reading.AssetId ?? "", out var i) || !IsWellFormed(reading.Values, _kinds[i]))
            {
                (rejected ??= []).Add(reading?.AssetId ?? "(null)");
                continue;
            }
            // A real feed's reading carries its own instant; the simulator's share the batch's.
            var at = reading.At ?? batch.Timestamp;
            // An older reading than the one we hold (a late message) never overwrites newer state.
            if (at < _updatedAt[i]) continue;
            var status = reading.Values.Length == 0 ? AssetStatus.Offline : _kinds[i].Evaluate(reading.Values);
            if (status != _status[i] || !reading.Values.AsSpan().SequenceEqual(_values[i]) || now - _sentAt[i] >= LiveRefreshMs)
            {
                deltas.Add(new AssetDelta(_assets[i].Index, status, reading.Values, reading.At is { } own ? own.ToUnixTimeMilliseconds() : ts, wall));
                _sentAt[i] = now;
            }
            _status[i] = status;
            _values[i] = reading.Values;
            _updatedAt[i] = at;
        }
        MarkStale(batch.Timestamp, ts, wall, deltas);

        if (rejected is { Count: > 0 })
            logger.LogWarning("Dong {Dong} rejected {Count} malformed or unknown readings, first {First}", _dong.Code, rejected.Count, rejected[0]);

        _kpis = Aggregate();
        await (_alarms ??= Alarms.AreaAlarms.ForDong(ServiceProvider, GrainFactory, _dong, _assets)).AfterBatchAsync(batch.Timestamp, _values, _updatedAt, _kpis);
        _history.Record(batch.Timestamp, _status, _values, _kpis);
        if (deltas.Count > 0) feed.PublishAssets(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(deltas));
        feed.PublishKpis(AreaLevel.Dong, _dong.Code, _kpis);
        Metrics.UpdatesIngested(batch.Readings.Count - (rejected?.Count ?? 0));
        try
        {
            await GrainFactory.GetGrain<IDistrictGrain>(_dong.GuCode).ReportNeighbourhoodAsync(_dong.Code, _kpis, batch.Timestamp, _history.Timeline);
        }
        catch (Exception ex)
        {
            // The batch is already applied; the district (perhaps moving off a failed silo) gets
            // this dong's aggregate again with the next batch, so the feed never stalls on it.
            logger.LogDebug(ex, "Dong {Dong} could not report to district {District}", _dong.Code, _dong.GuCode);
        }
        return new IngestResult(batch.Readings.Count - (rejected?.Count ?? 0), rejected ?? []);
    }

    public Task<KpiSet> GetKpisAsync() => Task.FromResult(_kpis);

    public Task<AssetSnapshot?> GetAssetAsync(string assetId) =>
        Task.FromResult(_localIndex.TryGetValue(assetId, out var i) ? Snapshot(i) : null);

    public Task<IReadOnlyList<TelemetrySample>> GetAssetHistoryAsync(string assetId) =>
        Task.FromResult(_localIndex.TryGetValue(assetId, out var i) ? _history.Assets.Recent(i, NeighbourhoodHistory.RecentMinutes) : (IReadOnlyList<TelemetrySample>)[]);

    public Task<HistorySeries?> GetAssetSeriesAsync(string assetId, HistoryQuery query) =>
        Task.FromResult(_localIndex.TryGetValue(assetId, out var i) ? _history.Assets.Series(i, query) : null);

    public Task<HistorySeries> GetKpiSeriesAsync(HistoryQuery query) => Task.FromResult(_history.Kpis.Series(query));

    public Task<ReplaySlice> GetReplayAsync(DateTimeOffset at)
    {
        var (local, status) = _history.Assets.StatusAt(at);
        return Task.FromResult(new ReplaySlice([.. local.Select(i => _assets[i].Index)], status, _history.Kpis.At(at)));
    }

    public Task<IReadOnlyList<AssetSnapshot>> GetAssetsAsync() =>
        Task.FromResult<IReadOnlyList<AssetSnapshot>>([.. Enumerable.Range(0, _assets.Length).Select(Snapshot)]);

    private AssetSnapshot Snapshot(int i) => new(_assets[i].Id, _status[i], _values[i], _updatedAt[i]);

    private static bool IsWellFormed(double[]? values, AssetKindInfo kind)
    {
        if (values is null) return false;
        if (values.Length == 0) return true; // offline report
        if (values.Length != kind.Channels.Count) return false;
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    private void MarkStale(DateTimeOffset now, long ts, long wall, List<AssetDelta> deltas)
    {
        for (var i = 0; i < _assets.Length; i++)
        {
            if (_status[i] == AssetStatus.Offline || now - _updatedAt[i] <= StaleAfter) continue;
            _status[i] = AssetStatus.Offline;
            deltas.Add(new AssetDelta(_assets[i].Index, AssetStatus.Offline, _values[i], ts, wall));
        }
    }

    private KpiSet Aggregate()
    {
        var calc = new KpiCalculator();
        for (var i = 0; i < _assets.Length; i++) calc.Add(_assets[i], _status[i], _values[i]);
        return calc.Result();
    }
}
