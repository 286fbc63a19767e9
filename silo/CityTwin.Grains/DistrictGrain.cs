using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Diagnostics;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Live;
using CityTwin.Grains.History;
using CityTwin.Model.City;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains;

/// <summary>
/// A gu: keeps the latest aggregate of each of its dongs and, on a timer rather than per report,
/// publishes its own aggregate, records history and reports to the city.
/// </summary>
public sealed class DistrictGrain(CityCatalog catalog, ILiveFeed feed, CityTwinMetrics metrics, IOptions<HistoryOptions> historyOptions, ILogger<DistrictGrain> logger)
    : CountedGrain(metrics), IDistrictGrain
{
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan HistoryStep = TimeSpan.FromMinutes(1);
    private const int HistoryLength = 24 * 60;

    private readonly Dictionary<string, KpiSet> _dongs = new(StringComparer.Ordinal);
    private readonly Queue<KpiSample> _history = new();
    private readonly TimelineTracker _timeline = new();
    private AreaHistory _series = new(0, 0);
    private DateTimeOffset _latest;
    private bool _dirty;
    private Alarms.AreaAlarms? _alarms;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _series = new AreaHistory(historyOptions.Value.AreaMinutes, historyOptions.Value.AreaQuarters);
        this.RegisterGrainTimer(FlushAsync, ReportInterval, ReportInterval);
        return Task.CompletedTask;
    }

    public Task ReportNeighbourhoodAsync(string dongCode, KpiSet kpis, DateTimeOffset at, int timeline)
    {
        if (catalog.FindDong(dongCode)?.GuCode != this.GetPrimaryKeyString())
            throw new ArgumentException($"Dong {dongCode} is not in district {this.GetPrimaryKeyString()}", nameof(dongCode));
        _dongs[dongCode] = kpis;
        switch (_timeline.Admit(timeline))
        {
            case TimelineAdmission.Started:
                // The clock jumped: history from here on belonged to the abandoned timeline.
                _latest = at;
                _series.Truncate(at);
                var kept = _history.Where(h => h.At < at).ToList();
                _history.Clear();
                foreach (var h in kept) _history.Enqueue(h);
                _alarms?.StartTimeline();
                break;
            case TimelineAdmission.Current when at > _latest:
                _latest = at;
                break;
        }
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<KpiSet> GetKpisAsync() => Task.FromResult(KpiSet.Sum(_dongs.Values));

    public Task<IReadOnlyDictionary<string, KpiSet>> GetDongKpisAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, KpiSet>>(new Dictionary<string, KpiSet>(_dongs));

    public Task<IReadOnlyList<KpiSample>> GetHistoryAsync() => Task.FromResult<IReadOnlyList<KpiSample>>([.. _history]);

    public Task<HistorySeries> GetKpiSeriesAsync(HistoryQuery query) => Task.FromResult(_series.Series(query));

    public Task<float[]?> GetKpisAtAsync(DateTimeOffset at) => Task.FromResult(_series.At(at));

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty) return;
        _dirty = false;
        var code = this.GetPrimaryKeyString();
        var total = KpiSet.Sum(_dongs.Values);
        if (_history.Count == 0 || _latest >= _history.Last().At + HistoryStep)
        {
            _history.Enqueue(new KpiSample(_latest, total));
            while (_history.Count > HistoryLength) _history.Dequeue();
        }
        if (_latest != default) _series.Record(_latest, total);
        feed.PublishKpis(AreaLevel.Gu, code, total);
        await (_alarms ??= Alarms.AreaAlarms.ForGu(ServiceProvider, GrainFactory, code)).AfterReportAsync(_latest, total);
        try
        {
            await GrainFactory.GetGrain<ICityGrain>(catalog.Id).ReportDistrictAsync(code, total);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The city must not keep a stale total: try again on the next timer tick. This happens
            // while a silo shuts down or the city grain moves, so it is not an error worth a stack.
            _dirty = true;
            logger.LogDebug(ex, "District {District} could not report to the city; retrying", code);
        }
    }
}
