using CityTwin.Abstractions.Kpis;

namespace CityTwin.Web.Indicators;

/// <summary>
/// Turns minute-by-minute KPI history into the few points a public trend chart needs: the last
/// <see cref="Span"/> of simulated time, one point per <see cref="Bucket"/> (the latest sample in it).
/// </summary>
public static class TrendWindow
{
    public static readonly TimeSpan Span = TimeSpan.FromHours(24);
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(30);

    /// <summary>One sample per bucket (stamped with the bucket's start), oldest first, within the window before the newest sample.</summary>
    public static IReadOnlyList<KpiSample> Resample(IReadOnlyList<KpiSample> history)
    {
        if (history.Count == 0) return [];
        var newest = history.Max(s => s.At);
        var from = newest - Span;
        return [.. history.Where(s => s.At > from)
            .GroupBy(s => Floor(s.At))
            .Select(g => new KpiSample(g.Key, g.MaxBy(s => s.At)!.Kpis))
            .OrderBy(s => s.At)];
    }

    /// <summary>
    /// The city's trend from its districts' resampled trends: a bucket counts only where every
    /// district has a sample, so a point never sums part of the city.
    /// </summary>
    public static IReadOnlyList<KpiSample> Combine(IReadOnlyList<IReadOnlyList<KpiSample>> districts)
    {
        if (districts.Count == 0) return [];
        var byBucket = new Dictionary<DateTimeOffset, List<KpiSet>>();
        foreach (var series in districts)
            foreach (var s in series)
                (byBucket.TryGetValue(s.At, out var l) ? l : byBucket[s.At] = []).Add(s.Kpis);
        return [.. byBucket.Where(b => b.Value.Count == districts.Count)
            .OrderBy(b => b.Key)
            .Select(b => new KpiSample(b.Key, KpiSet.Sum(b.Value)))];
    }

    private static DateTimeOffset Floor(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % Bucket.Ticks, TimeSpan.Zero);
}
