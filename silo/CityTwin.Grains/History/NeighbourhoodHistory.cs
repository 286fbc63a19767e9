using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains.History;

/// <summary>
/// What a dong remembers of time: the timeline its state belongs to, its assets' telemetry
/// history and its own KPI history. A batch from a newer timeline cuts both histories at the
/// batch's instant, so the future of the abandoned timeline never shows as the past of the new one.
/// </summary>
public sealed class NeighbourhoodHistory(IReadOnlyList<AssetKindInfo> kinds, HistoryOptions options)
{
    /// <summary>How much the asset inspector's short history (in <c>GET /api/assets/{id}</c>) covers.</summary>
    public const int RecentMinutes = 120;

    private readonly TimelineTracker _timeline = new();

    public AssetHistory Assets { get; } = new(kinds, options.AssetMinutes, options.AssetQuarters);
    public AreaHistory Kpis { get; } = new(options.AreaMinutes, options.AreaQuarters);
    public int Timeline => _timeline.Current;

    public TimelineAdmission Admit(TelemetryBatch batch)
    {
        var admission = _timeline.Admit(batch.Timeline);
        if (admission == TimelineAdmission.Started)
        {
            Assets.Truncate(batch.Timestamp);
            Kpis.Truncate(batch.Timestamp);
        }
        return admission;
    }

    public void Record(DateTimeOffset at, AssetStatus[] status, double[][] values, KpiSet kpis)
    {
        Assets.Record(at, status, values);
        Kpis.Record(at, kpis);
    }
}
