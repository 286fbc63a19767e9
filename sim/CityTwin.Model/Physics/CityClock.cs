namespace CityTwin.Model.Physics;

/// <summary>
/// Time arithmetic in the city's civil time, from the pack's IANA time zone. The offset is looked
/// up per instant, so a city with daylight saving gets the right local hour and date on both sides
/// of a change. The arithmetic itself is integer milliseconds (not DateTime conversions) so every
/// machine computes the same bits; a zone that has kept one offset for decades gives exactly what
/// a fixed offset would.
/// </summary>
public sealed class CityClock
{
    private const long SecondsPerHour = 3600;
    private const long SecondsPerDay = 86400;
    private const long MsPerDay = SecondsPerDay * 1000;

    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private const int CachedHours = 256;

    /// <summary>
    /// Offsets of recently asked UTC hours, by hour modulo <see cref="CachedHours"/>. Offsets change
    /// a few times a year at most and the models ask about the same few hours thousands of times
    /// per tick, so this saves nearly every time-zone look-up. Each slot is replaced as a whole (one
    /// reference), so it is thread-safe without locks.
    /// </summary>
    private readonly HourOffset?[] _hours = new HourOffset?[CachedHours];

    public CityClock(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The city's offset from UTC at an instant (daylight saving included).</summary>
    public TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var hour = HourIndex(instant);
        var slot = (int)(hour & (CachedHours - 1));
        if (_hours[slot] is { } cached && cached.Hour == hour) return cached.Offset;
        var start = DateTimeOffset.FromUnixTimeSeconds(hour * SecondsPerHour);
        var offset = Zone.GetUtcOffset(start);
        // Cache only an hour with one offset throughout; the hour of a change is looked up each time.
        if (Zone.GetUtcOffset(start.AddHours(1).AddTicks(-1)) != offset) return Zone.GetUtcOffset(instant);
        _hours[slot] = new HourOffset(hour, offset);
        return offset;
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant));

    /// <summary>Local days since 1970-01-01: the bucket for daily seeded events.</summary>
    public long LocalDayIndex(DateTimeOffset instant) => LocalDayIndex(instant, OffsetAt(instant));

    /// <summary>Local clock hours since local midnight, with fractions (0 ≤ h &lt; 24).</summary>
    public double LocalHour(DateTimeOffset instant) => LocalHour(instant, OffsetAt(instant));

    /// <summary>Continuous local time in days since the epoch (for value noise that must not jump at midnight).</summary>
    public double LocalDays(DateTimeOffset instant) => LocalDays(instant, OffsetAt(instant));

    /// <summary>
    /// The instant of a local wall-clock time on a local day. A time skipped by a daylight-saving
    /// change is read with the offset before the change; a repeated time gives its first occurrence.
    /// </summary>
    public DateTimeOffset AtLocal(long localDayIndex, double localHour)
    {
        var localMs = localDayIndex * MsPerDay + (long)Math.Round(localHour * 3_600_000);
        var standardMs = localMs - (long)Zone.BaseUtcOffset.TotalMilliseconds;
        // A change never comes twice within a day: the offsets half a day either side are the only candidates.
        var before = OffsetAt(DateTimeOffset.FromUnixTimeMilliseconds(standardMs - MsPerDay / 2));
        var after = OffsetAt(DateTimeOffset.FromUnixTimeMilliseconds(standardMs + MsPerDay / 2));
        foreach (var offset in (ReadOnlySpan<TimeSpan>)[before, after])
        {
            var instant = DateTimeOffset.FromUnixTimeMilliseconds(localMs - (long)offset.TotalMilliseconds);
            if (OffsetAt(instant) == offset) return instant;
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(localMs - (long)before.TotalMilliseconds);
    }

    /// <summary>Whole hours since the Unix epoch: the bucket for hourly seeded events (outages).</summary>
    public static long HourIndex(DateTimeOffset instant) => FloorDiv(instant.ToUnixTimeSeconds(), SecondsPerHour);

    /// <summary>Local days since 1970-01-01 of an instant whose local offset is known.</summary>
    public static long LocalDayIndex(DateTimeOffset instant, TimeSpan offset) =>
        FloorDiv(instant.ToUnixTimeSeconds() + (long)offset.TotalSeconds, SecondsPerDay);

    /// <summary>Local clock hours of an instant whose local offset is known.</summary>
    public static double LocalHour(DateTimeOffset instant, TimeSpan offset)
    {
        var ms = instant.ToUnixTimeMilliseconds() + (long)offset.TotalMilliseconds;
        var dayMs = ms - FloorDiv(ms, MsPerDay) * MsPerDay;
        return dayMs / 3_600_000.0;
    }

    /// <summary>Continuous local days of an instant whose local offset is known.</summary>
    public static double LocalDays(DateTimeOffset instant, TimeSpan offset) =>
        (instant.ToUnixTimeMilliseconds() + (long)offset.TotalMilliseconds) / 86_400_000.0;

    public static DateOnly LocalDate(long localDayIndex) => DateOnly.FromDayNumber(EpochDayNumber + (int)localDayIndex);

    public static long LocalDayIndex(DateOnly date) => date.DayNumber - EpochDayNumber;

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private sealed record HourOffset(long Hour, TimeSpan Offset);
}
