namespace CityTwin.Model.Physics;

/// <summary>
/// Time arithmetic in the city's civil time. Korea has kept UTC+9 all year since 1988 (no
/// daylight saving), so a fixed offset is exact and avoids time-zone database differences
/// between machines, which would break bit-for-bit determinism.
/// </summary>
public static class CityClock
{
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(9);

    private const long SecondsPerHour = 3600;
    private const long SecondsPerDay = 86400;

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(UtcOffset);

    /// <summary>Whole hours since the Unix epoch: the bucket for hourly seeded events (outages).</summary>
    public static long HourIndex(DateTimeOffset instant) => FloorDiv(instant.ToUnixTimeSeconds(), SecondsPerHour);

    /// <summary>Local (KST) days since 1970-01-01: the bucket for daily seeded events.</summary>
    public static long LocalDayIndex(DateTimeOffset instant) =>
        FloorDiv(instant.ToUnixTimeSeconds() + (long)UtcOffset.TotalSeconds, SecondsPerDay);

    /// <summary>Local clock hours since local midnight, with fractions (0 ≤ h &lt; 24).</summary>
    public static double LocalHour(DateTimeOffset instant)
    {
        var ms = instant.ToUnixTimeMilliseconds() + (long)UtcOffset.TotalMilliseconds;
        var dayMs = ms - FloorDiv(ms, SecondsPerDay * 1000) * SecondsPerDay * 1000;
        return dayMs / 3_600_000.0;
    }

    /// <summary>Continuous local time in days since the epoch (for value noise that must not jump at midnight).</summary>
    public static double LocalDays(DateTimeOffset instant) =>
        (instant.ToUnixTimeMilliseconds() + (long)UtcOffset.TotalMilliseconds) / 86_400_000.0;

    public static DateOnly LocalDate(long localDayIndex) => DateOnly.FromDayNumber(EpochDayNumber + (int)localDayIndex);

    public static long LocalDayIndex(DateOnly date) => date.DayNumber - EpochDayNumber;

    /// <summary>The instant of a local wall-clock time on a local day.</summary>
    public static DateTimeOffset AtLocal(long localDayIndex, double localHour) =>
        DateTimeOffset.FromUnixTimeMilliseconds(
            localDayIndex * SecondsPerDay * 1000 + (long)Math.Round(localHour * 3_600_000) - (long)UtcOffset.TotalMilliseconds);

    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
