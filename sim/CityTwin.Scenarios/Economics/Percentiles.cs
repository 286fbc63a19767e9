using CityTwin.Abstractions.Scenarios.Results;

namespace CityTwin.Scenarios.Economics;

/// <summary>
/// The 90 % band of values over seeds: 5th percentile, median and 95th percentile, by linear
/// interpolation between the sorted values (Hyndman–Fan type 7, what spreadsheets' PERCENTILE does).
/// One value gives a band of zero width.
/// </summary>
public static class Percentiles
{
    public const double Low = 0.05;
    public const double High = 0.95;

    public static Band Band(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        return new Band(At(sorted, Low), At(sorted, 0.5), At(sorted, High));
    }

    /// <summary>Paybacks, where null (never) sorts after every number and a percentile that falls on it is null.</summary>
    public static PaybackBand Payback(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Select(v => v ?? double.PositiveInfinity).Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        static double? Finite(double v) => double.IsFinite(v) ? v : null;
        return new PaybackBand(Finite(At(sorted, Low)), Finite(At(sorted, 0.5)), Finite(At(sorted, High)));
    }

    /// <summary>The q-quantile of sorted values.</summary>
    public static double At(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(sorted.Count - 1, lo + 1);
        var frac = h - lo;
        // Infinity × 0 is NaN: a percentile that lands exactly on a value takes it as it is.
        return frac == 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
