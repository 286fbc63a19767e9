using CityTwin.Abstractions.Telemetry;

namespace CityTwin.Grains;

/// <summary>Fixed-size ring of an asset's recent samples, at most one per <c>step</c> of simulated time.</summary>
internal sealed class HistoryRing(int capacity)
{
    private readonly TelemetrySample[] _items = new TelemetrySample[capacity];
    private int _next;
    private int _count;

    public void Add(DateTimeOffset at, double[] values, TimeSpan step)
    {
        if (values.Length == 0) return;
        if (_count > 0)
        {
            var last = _items[(_next - 1 + capacity) % capacity];
            if (at < last.At + step) return;
        }
        _items[_next] = new TelemetrySample(at, values);
        _next = (_next + 1) % capacity;
        if (_count < capacity) _count++;
    }

    public IReadOnlyList<TelemetrySample> ToList()
    {
        var list = new TelemetrySample[_count];
        for (var k = 0; k < _count; k++) list[k] = _items[(_next - _count + k + capacity) % capacity];
        return list;
    }
}
