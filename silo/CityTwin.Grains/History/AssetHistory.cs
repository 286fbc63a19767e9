using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.History;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains.History;

/// <summary>
/// The telemetry history of every asset in one dong: one <see cref="SeriesRing{T}"/> whose row
/// holds all the dong's channels side by side (each asset its own channel count, no padding), at
/// half precision. Per asset and channel that is 1440 × 2 bytes for the day at 1 minute plus
/// 672 × 3 × 2 bytes for the week at 15 minutes (≈ 6.9 kB); README "History" gives the city total.
/// An offline asset's columns hold NaN, so its history shows a gap and replay shows it offline.
/// </summary>
public sealed class AssetHistory
{
    /// <summary>How far back replay looks for the last row before a minute without one (fast clocks skip minutes).</summary>
    public const int ReplayLookbackMinutes = 15;

    private readonly int[] _offset;
    private readonly AssetKindInfo[] _kinds;
    private readonly SeriesRing<Half> _ring;

    public AssetHistory(IReadOnlyList<AssetKindInfo> kinds, int minutes, int quarters)
    {
        _kinds = [.. kinds];
        _offset = new int[_kinds.Length];
        var width = 0;
        for (var i = 0; i < _kinds.Length; i++)
        {
            _offset[i] = width;
            width += _kinds[i].Channels.Count;
        }
        _ring = new SeriesRing<Half>(width, HistoryOptions.Clamp(minutes), HistoryOptions.Clamp(quarters));
    }

    public long Bytes => _ring.Bytes;

    public void Record(DateTimeOffset at, AssetStatus[] status, double[][] values)
    {
        var row = _ring.Begin(at);
        if (row.IsEmpty) return;
        for (var i = 0; i < _kinds.Length; i++)
        {
            var v = values[i];
            var online = status[i] != AssetStatus.Offline;
            var offset = _offset[i];
            for (var c = 0; c < _kinds[i].Channels.Count; c++)
                row[offset + c] = online && c < v.Length ? (Half)v[c] : Half.NaN;
        }
    }

    /// <inheritdoc cref="SeriesRing{T}.Truncate"/>
    public void Truncate(DateTimeOffset from) => _ring.Truncate(from);

    public HistorySeries Series(int asset, HistoryQuery query) => _ring.Query(query, _offset[asset], _kinds[asset].Channels.Count);

    /// <summary>The asset's 1-minute samples over the last <paramref name="minutes"/> minutes of the ring, oldest first; minutes it was offline are left out.</summary>
    public IReadOnlyList<TelemetrySample> Recent(int asset, int minutes)
    {
        var last = _ring.LastMinute;
        if (last < 0) return [];
        var query = new HistoryQuery(SeriesRing<Half>.StartOf(last - minutes + 1), SeriesRing<Half>.StartOf(last), 1);
        return [.. Series(asset, query).Points.Select(p => new TelemetrySample(p.At, [.. p.Mean.Select(v => (double)v)]))];
    }

    /// <summary>
    /// Each asset's status at <paramref name="at"/> from the row of that minute (or the latest one
    /// within <see cref="ReplayLookbackMinutes"/>), worked out with the same rules as live:
    /// offline where the row holds no values. Assets without a row are left out.
    /// </summary>
    public (int[] Local, byte[] Status) StatusAt(DateTimeOffset at)
    {
        var local = new List<int>(_kinds.Length);
        var status = new List<byte>(_kinds.Length);
        Span<double> values = stackalloc double[_kinds.Length == 0 ? 1 : _kinds.Max(k => k.Channels.Count)];
        for (var i = 0; i < _kinds.Length; i++)
        {
            var row = values[.._kinds[i].Channels.Count];
            if (!_ring.TryRowAt(at, ReplayLookbackMinutes, _offset[i], row)) continue;
            local.Add(i);
            status.Add((byte)(double.IsNaN(row.Length > 0 ? row[0] : double.NaN) ? AssetStatus.Offline : _kinds[i].Evaluate(row)));
        }
        return ([.. local], [.. status]);
    }
}
