namespace CityTwin.Benchmarks;

/// <summary>
/// Millisecond histogram of latencies (one bucket per ms up to a minute, the rest in the last
/// bucket). One per client: SignalR calls a connection's handlers one at a time, so no locking.
/// </summary>
public sealed class LatencyHistogram
{
    private const int MaxMs = 60_000;
    private readonly long[] _buckets = new long[MaxMs + 1];
    private long _negative;

    public long Count { get; private set; }
    public long Max { get; private set; }

    public void Add(long ms)
    {
        if (ms < 0)
        {
            _negative++;
            ms = 0;
        }
        _buckets[Math.Min(ms, MaxMs)]++;
        Count++;
        if (ms > Max) Max = ms;
    }

    /// <summary>Readings whose timestamp was after their receipt (clock trouble); must stay 0.</summary>
    public long Negative => _negative;

    public static LatencyHistogram Merge(IEnumerable<LatencyHistogram> parts)
    {
        var total = new LatencyHistogram();
        foreach (var p in parts)
        {
            for (var i = 0; i < p._buckets.Length; i++) total._buckets[i] += p._buckets[i];
            total.Count += p.Count;
            total._negative += p._negative;
            total.Max = Math.Max(total.Max, p.Max);
        }
        return total;
    }

    /// <summary>Nearest-rank percentile in ms.</summary>
    public double Percentile(double p)
    {
        if (Count == 0) return double.NaN;
        var rank = (long)Math.Ceiling(p / 100 * Count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank) return i;
        }
        return MaxMs;
    }

    public double Mean()
    {
        if (Count == 0) return double.NaN;
        double sum = 0;
        for (var i = 0; i < _buckets.Length; i++) sum += (double)i * _buckets[i];
        return sum / Count;
    }
}
