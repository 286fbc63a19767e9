using CityTwin.Abstractions.History;
using CityTwin.Grains.History;

namespace CityTwin.Grains.Tests;

/// <summary>The two history rings: minutes, quarters summarised from them, wrap-around and a cut at a clock jump.</summary>
public sealed class SeriesRingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static void Write(SeriesRing<float> ring, int fromMinute, int toMinute, Func<int, float> value)
    {
        for (var m = fromMinute; m < toMinute; m++)
        {
            var row = ring.Begin(T0.AddMinutes(m));
            Assert.False(row.IsEmpty, $"minute {m} should be writable");
            row[0] = value(m);
            row[1] = -value(m);
        }
    }

    [Fact]
    public void A_minute_keeps_its_first_row_and_quarters_hold_min_mean_max()
    {
        var ring = new SeriesRing<float>(2, 60, 8);
        Write(ring, 0, 30, m => m);
        Assert.True(ring.Begin(T0.AddMinutes(29).AddSeconds(30)).IsEmpty); // the minute is written already
        Assert.True(ring.Begin(T0.AddMinutes(10)).IsEmpty);                 // time runs forward

        var minutes = ring.Query(new HistoryQuery(T0, T0.AddMinutes(29), 1), 0, 2);
        Assert.Equal(30, minutes.Points.Count);
        Assert.Equal(Enumerable.Range(0, 30).Select(m => (float)m), minutes.Points.Select(p => p.Mean[0]));

        var quarters = ring.Query(new HistoryQuery(T0, T0.AddMinutes(29), 15), 0, 2);
        Assert.Equal([T0, T0.AddMinutes(15)], quarters.Points.Select(p => p.At));
        Assert.Equal([7f, 22f], quarters.Points.Select(p => p.Mean[0]));
        Assert.Equal([0f, 15f], quarters.Points.Select(p => p.Min[0]));
        Assert.Equal([14f, 29f], quarters.Points.Select(p => p.Max[0]));
        Assert.Equal([-14f, -29f], quarters.Points.Select(p => p.Min[1]));

        var half = Assert.Single(ring.Query(new HistoryQuery(T0, T0.AddMinutes(29), 30), 1, 1).Points);
        Assert.Equal(-14.5f, half.Mean[0]);
        Assert.Equal(-29f, half.Min[0]);
    }

    [Fact]
    public void Quarters_outlive_the_minute_ring_and_the_oldest_fall_out()
    {
        var ring = new SeriesRing<float>(2, 30, 8);
        Write(ring, 0, 180, m => m);

        // Minutes 150..179 are still there; quarters 0..10 were summarised and the ring keeps 3..10;
        // quarter 11 is in progress and comes from the minutes.
        Assert.Equal(30, ring.Query(new HistoryQuery(T0, T0.AddMinutes(179), 1), 0, 1).Points.Count);
        var quarters = ring.Query(new HistoryQuery(T0, T0.AddMinutes(179), 15), 0, 1);
        Assert.Equal(Enumerable.Range(3, 9).Select(q => T0.AddMinutes(15 * q)), quarters.Points.Select(p => p.At));
        Assert.Equal(Enumerable.Range(3, 9).Select(q => 15f * q + 7), quarters.Points.Select(p => p.Mean[0]));
    }

    [Fact]
    public void A_cut_drops_the_rows_from_the_jump_on_and_the_new_timeline_writes_over_them()
    {
        var ring = new SeriesRing<float>(2, 120, 8);
        Write(ring, 0, 60, m => m);
        ring.Truncate(T0.AddMinutes(20));
        Assert.Equal(20, ring.Query(new HistoryQuery(T0, T0.AddMinutes(59), 1), 0, 1).Points.Count);
        Assert.Equal([T0, T0.AddMinutes(15)], ring.Query(new HistoryQuery(T0, T0.AddMinutes(59), 15), 0, 1).Points.Select(p => p.At));

        Write(ring, 20, 45, m => 1000 + m);
        var quarters = ring.Query(new HistoryQuery(T0, T0.AddMinutes(59), 15), 0, 1).Points;
        Assert.Equal(3, quarters.Count);
        // Quarter 1 mixes minutes 15..19 of the old line (kept: they were before the jump) and 20..29 of the new.
        Assert.Equal(15f, quarters[1].Min[0]);
        Assert.Equal(1029f, quarters[1].Max[0]);
        Assert.Equal(1030f, quarters[2].Min[0]);
    }

    [Fact]
    public void A_row_is_found_at_or_shortly_before_a_minute()
    {
        var ring = new SeriesRing<float>(2, 60, 0);
        Write(ring, 0, 1, _ => 5);
        Span<double> row = stackalloc double[2];
        Assert.True(ring.TryRowAt(T0.AddMinutes(10), 15, 0, row));
        Assert.Equal([5.0, -5.0], row.ToArray());
        Assert.False(ring.TryRowAt(T0.AddMinutes(20), 15, 0, row));
    }
}
