using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains;

/// <summary>
/// Short history of every asset in a dong, kept as one ring of snapshots: at most one per
/// <c>step</c> of simulated time, each holding the latest values of all the dong's assets.
/// One flat float array (allocated at the first sample) instead of an object per sample keeps a
/// million assets' history in memory: 120 samples × 3 channels × 4 bytes ≈ 1.4 kB per asset.
/// Values are kept at float precision, plenty for sparklines.
/// </summary>
internal sealed class DongHistory(int assets, int channels, int capacity, TimeSpan step)
{
    private readonly long[] _utcTicks = new long[capacity];
    private float[]? _values;
    private int _next;
    private int _count;

    public void Record(DateTimeOffset at, AssetStatus[] status, double[][] values)
    {
        if (_count > 0 && at.UtcTicks < _utcTicks[(_next - 1 + capacity) % capacity] + step.Ticks) return;
        _values ??= new float[assets * channels * capacity];
        var slot = _next;
        _utcTicks[slot] = at.UtcTicks;
        var offset = slot * assets * channels;
        for (var i = 0; i < assets; i++)
        {
            var v = values[i];
            var online = status[i] != AssetStatus.Offline;
            for (var c = 0; c < channels; c++, offset++)
                _values[offset] = online && c < v.Length ? (float)v[c] : float.NaN;
        }
        _next = (_next + 1) % capacity;
        if (_count < capacity) _count++;
    }

    /// <summary>The asset's samples, oldest first; slots where it was offline or unheard are left out.</summary>
    public IReadOnlyList<TelemetrySample> For(int asset, int channelCount)
    {
        if (_values is null) return [];
        var list = new List<TelemetrySample>(_count);
        for (var k = 0; k < _count; k++)
        {
            var slot = (_next - _count + k + capacity) % capacity;
            var offset = (slot * assets + asset) * channels;
            if (float.IsNaN(_values[offset])) continue;
            var sample = new double[channelCount];
            for (var c = 0; c < channelCount; c++) sample[c] = _values[offset + c];
            list.Add(new TelemetrySample(new DateTimeOffset(_utcTicks[slot], TimeSpan.Zero), sample));
        }
        return list;
    }
}
