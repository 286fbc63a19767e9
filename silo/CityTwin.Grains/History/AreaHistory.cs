using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Kpis;

namespace CityTwin.Grains.History;

/// <summary>
/// The KPI history of one area (dong, district or the city): its public KPIs in
/// <see cref="KpiNames.All"/> order, one row per minute and min/mean/max per 15 minutes, at float
/// precision (asset counts must stay exact). About 140 kB per area with the default sizes.
/// </summary>
public sealed class AreaHistory(int minutes, int quarters)
{
    private readonly SeriesRing<float> _ring = new(KpiNames.All.Count, HistoryOptions.Clamp(minutes), HistoryOptions.Clamp(quarters));

    public long Bytes => _ring.Bytes;

    public void Record(DateTimeOffset at, KpiSet kpis)
    {
        var row = _ring.Begin(at, overwrite: true);
        if (row.IsEmpty) return;
        var values = kpis.ToPublic();
        for (var c = 0; c < row.Length; c++) row[c] = (float)values[KpiNames.All[c]];
    }

    /// <inheritdoc cref="SeriesRing{T}.Truncate"/>
    public void Truncate(DateTimeOffset from) => _ring.Truncate(from);

    public HistorySeries Series(HistoryQuery query) => _ring.Query(query, 0, _ring.Width);

    /// <summary>The KPIs at <paramref name="at"/> (or the latest minute within the replay lookback), null when none.</summary>
    public float[]? At(DateTimeOffset at)
    {
        var row = new double[_ring.Width];
        return _ring.TryRowAt(at, AssetHistory.ReplayLookbackMinutes, 0, row) ? [.. row.Select(v => (float)v)] : null;
    }
}
