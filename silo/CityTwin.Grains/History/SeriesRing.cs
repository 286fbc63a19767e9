using System.Numerics;
using System.Runtime.CompilerServices;
using CityTwin.Abstractions.History;

namespace CityTwin.Grains.History;

/// <summary>
/// Rows of <c>width</c> numbers over simulated time, in two rings: one row per minute for
/// <c>minuteSlots</c> minutes, and per 15 minutes the minimum, mean and maximum of each column for
/// <c>quarterSlots</c> quarters. A quarter is summarised from the minute ring when the first minute
/// of the next quarter is written, so the long ring costs nothing per sample.
/// <para>
/// Slots are addressed by absolute minute (minute number since the epoch, modulo the ring size)
/// and stamped with that minute, so a gap in time (a paused or fast clock) leaves empty slots
/// rather than shifting later rows. For assets the first row written in a minute is kept (a minute
/// holds the state as it was at its start); areas write over it until the minute ends. NaN marks a column without data (an asset offline
/// or not heard yet). <typeparamref name="T"/> is the stored precision: <see cref="Half"/> for
/// asset telemetry (three significant digits, 2 bytes), <see cref="float"/> for area KPIs (counts
/// of tens of thousands must stay exact).
/// </para>
/// </summary>
public sealed class SeriesRing<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public const int MinutesPerQuarter = 15;

    private readonly int _width;
    private readonly int _minuteSlots;
    private readonly int _quarterSlots;
    private readonly long[] _minuteStamp;
    private readonly long[] _quarterStamp;
    private T[]? _minute;
    private T[]? _qMin, _qMean, _qMax;
    private long _lastMinute = -1;

    public SeriesRing(int width, int minuteSlots, int quarterSlots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(minuteSlots);
        ArgumentOutOfRangeException.ThrowIfNegative(quarterSlots);
        _width = width;
        _minuteSlots = minuteSlots;
        _quarterSlots = quarterSlots;
        _minuteStamp = new long[minuteSlots];
        _quarterStamp = new long[quarterSlots];
        Array.Fill(_minuteStamp, -1);
        Array.Fill(_quarterStamp, -1);
    }

    public int Width => _width;

    /// <summary>The latest minute written, -1 before the first.</summary>
    public long LastMinute => _lastMinute;

    /// <summary>Bytes the rings take once written (they are allocated at the first row).</summary>
    public long Bytes => Unsafe.SizeOf<T>() * (long)_width * (_minuteSlots + 3L * _quarterSlots) + sizeof(long) * (long)(_minuteSlots + _quarterSlots);

    public static long MinuteOf(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;

    public static DateTimeOffset StartOf(long minute) => new(minute * TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>
    /// The row to fill for the minute of <paramref name="at"/>, or an empty span when that minute is
    /// already written or lies before the latest one (time runs forward within a timeline). With
    /// <paramref name="overwrite"/> the latest minute's row is returned again, to be written over:
    /// an area's aggregate settles during the minute as its parts report.
    /// </summary>
    public Span<T> Begin(DateTimeOffset at, bool overwrite = false)
    {
        var m = MinuteOf(at);
        if (_width == 0 || _minuteSlots == 0) return [];
        if (overwrite && m == _lastMinute && _minute is not null) return _minute.AsSpan((int)(m % _minuteSlots) * _width, _width);
        if (m <= _lastMinute) return [];
        _minute ??= new T[_minuteSlots * _width];
        if (_lastMinute >= 0 && m / MinutesPerQuarter != _lastMinute / MinutesPerQuarter) CloseQuarter(_lastMinute / MinutesPerQuarter);
        _lastMinute = m;
        var slot = (int)(m % _minuteSlots);
        _minuteStamp[slot] = m;
        return _minute.AsSpan(slot * _width, _width);
    }

    /// <summary>
    /// Forgets every row from the minute of <paramref name="from"/> on: after a jump of the clock
    /// they belong to a timeline that no longer happens. Rows before it stay the past.
    /// </summary>
    public void Truncate(DateTimeOffset from)
    {
        var m = MinuteOf(from);
        for (var i = 0; i < _minuteStamp.Length; i++)
            if (_minuteStamp[i] >= m) _minuteStamp[i] = -1;
        // The quarter holding the jump mixes both timelines: it is summarised again when it closes.
        var q = m / MinutesPerQuarter;
        for (var i = 0; i < _quarterStamp.Length; i++)
            if (_quarterStamp[i] >= q) _quarterStamp[i] = -1;
        _lastMinute = Math.Min(_lastMinute, m - 1);
    }

    /// <summary>The columns <paramref name="first"/>..+<paramref name="count"/> at the latest minute at or before <paramref name="at"/> within <paramref name="lookbackMinutes"/>; false when none.</summary>
    public bool TryRowAt(DateTimeOffset at, int lookbackMinutes, int first, Span<double> into)
    {
        if (_minute is null) return false;
        var m = MinuteOf(at);
        for (var k = m; k >= m - lookbackMinutes && k >= 0; k--)
        {
            var slot = (int)(k % _minuteSlots);
            if (_minuteStamp[slot] != k) continue;
            var row = _minute.AsSpan(slot * _width + first, into.Length);
            for (var c = 0; c < into.Length; c++) into[c] = double.CreateChecked(row[c]);
            return true;
        }
        return false;
    }

    /// <summary>The series of columns <paramref name="first"/>..+<paramref name="count"/> for a query; steps without data are left out.</summary>
    public HistorySeries Query(HistoryQuery query, int first, int count)
    {
        var step = query.StepMinutes;
        var coarse = step >= MinutesPerQuarter;
        var from = MinuteOf(query.From);
        if (coarse) from -= from % MinutesPerQuarter;
        var to = MinuteOf(query.To);
        var points = new List<HistoryPoint>();
        if (_minute is null || count == 0 || step <= 0) return new HistorySeries(step, points);
        var acc = new Accumulator(count);
        for (var start = from; start <= to; start += step)
        {
            acc.Reset();
            var end = Math.Min(start + step - 1, to);
            if (coarse)
                for (var q = start / MinutesPerQuarter; q <= end / MinutesPerQuarter; q++) AddQuarter(q, first, acc);
            else
                for (var m = start; m <= end; m++) AddMinute(m, first, acc);
            if (acc.Any) points.Add(acc.ToPoint(StartOf(start)));
        }
        return new HistorySeries(step, points);
    }

    private void AddMinute(long m, int first, Accumulator acc)
    {
        if (m < 0) return;
        var slot = (int)(m % _minuteSlots);
        if (_minuteStamp[slot] != m) return;
        var row = _minute.AsSpan(slot * _width + first, acc.Count);
        for (var c = 0; c < row.Length; c++)
        {
            var v = float.CreateChecked(row[c]);
            acc.Add(c, v, v, v);
        }
    }

    private void AddQuarter(long q, int first, Accumulator acc)
    {
        if (q < 0) return;
        var slot = _quarterSlots == 0 ? -1 : (int)(q % _quarterSlots);
        if (slot >= 0 && _quarterStamp[slot] == q)
        {
            var offset = slot * _width + first;
            for (var c = 0; c < acc.Count; c++)
                acc.Add(c, float.CreateChecked(_qMean![offset + c]), float.CreateChecked(_qMin![offset + c]), float.CreateChecked(_qMax![offset + c]));
            return;
        }
        // Not summarised (yet): the quarter in progress, or one still wholly in the minute ring. It
        // is summarised first so that every quarter weighs the same in a coarser step.
        var part = new Accumulator(acc.Count);
        for (var m = q * MinutesPerQuarter; m < (q + 1) * MinutesPerQuarter; m++) AddMinute(m, first, part);
        if (!part.Any) return;
        var p = part.ToPoint(default);
        for (var c = 0; c < acc.Count; c++) acc.Add(c, p.Mean[c], p.Min[c], p.Max[c]);
    }

    private void CloseQuarter(long q)
    {
        if (_quarterSlots == 0) return;
        var acc = new Accumulator(_width);
        for (var m = q * MinutesPerQuarter; m < (q + 1) * MinutesPerQuarter; m++) AddMinute(m, 0, acc);
        if (!acc.Any) return;
        _qMin ??= new T[_quarterSlots * _width];
        _qMean ??= new T[_quarterSlots * _width];
        _qMax ??= new T[_quarterSlots * _width];
        var slot = (int)(q % _quarterSlots);
        _quarterStamp[slot] = q;
        var point = acc.ToPoint(default);
        var offset = slot * _width;
        for (var c = 0; c < _width; c++)
        {
            _qMean[offset + c] = T.CreateSaturating(point.Mean[c]);
            _qMin[offset + c] = T.CreateSaturating(point.Min[c]);
            _qMax[offset + c] = T.CreateSaturating(point.Max[c]);
        }
    }

    /// <summary>Running minimum, maximum and mean per column; NaN inputs (no data) are skipped.</summary>
    private sealed class Accumulator
    {
        private readonly int _count;
        private readonly float[] _min;
        private readonly float[] _max;
        private readonly double[] _sum;
        private readonly int[] _n;

        public Accumulator(int count)
        {
            _count = count;
            _min = new float[count];
            _max = new float[count];
            _sum = new double[count];
            _n = new int[count];
            Reset();
        }

        public int Count => _count;
        public bool Any { get; private set; }

        public void Reset()
        {
            Array.Fill(_min, float.PositiveInfinity);
            Array.Fill(_max, float.NegativeInfinity);
            Array.Clear(_sum);
            Array.Clear(_n);
            Any = false;
        }

        public void Add(int c, float mean, float min, float max)
        {
            if (float.IsNaN(mean)) return;
            _sum[c] += mean;
            _n[c]++;
            if (min < _min[c]) _min[c] = min;
            if (max > _max[c]) _max[c] = max;
            Any = true;
        }

        public HistoryPoint ToPoint(DateTimeOffset at)
        {
            var mean = new float[_count];
            var min = new float[_count];
            var max = new float[_count];
            for (var c = 0; c < _count; c++)
            {
                var has = _n[c] > 0;
                mean[c] = has ? (float)(_sum[c] / _n[c]) : float.NaN;
                min[c] = has ? _min[c] : float.NaN;
                max[c] = has ? _max[c] : float.NaN;
            }
            return new HistoryPoint(at, mean, min, max);
        }
    }
}
