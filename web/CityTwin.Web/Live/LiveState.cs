using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Live;
using CityTwin.Model.City;

namespace CityTwin.Web.Live;

/// <summary>
/// The web node's view of the live twin: the latest status and values of every asset and the
/// latest KPIs of every area, as received from the silo's frames. Viewport snapshots and the
/// bbox query read it without a grain call.
/// </summary>
public sealed class LiveState(CityCatalog catalog)
{
    private readonly AssetStatus[] _status = CreateStatus(catalog.Assets.Count);
    private readonly double[][] _values = CreateValues(catalog.Assets.Count);
    private readonly long[] _ts = new long[catalog.Assets.Count];
    private readonly long[] _wall = new long[catalog.Assets.Count];
    private readonly Dictionary<(AreaLevel, string), KpiSet> _kpis = [];
    private readonly Dictionary<(AreaLevel, string), (KpiSet From, AreaFrameItem Item)> _items = [];
    private readonly Lock _gate = new();
    private ClockState? _clock;
    private long _frames;

    public long FramesReceived => Interlocked.Read(ref _frames);
    public ClockState? Clock => _clock;

    public void Apply(LiveFrame frame)
    {
        foreach (var d in frame.Assets)
        {
            // Each slot is written by one flush at a time; readers tolerate a value from either side of a flush.
            _status[d.AssetIndex] = d.Status;
            _values[d.AssetIndex] = d.Values;
            _ts[d.AssetIndex] = d.TimestampMs;
            _wall[d.AssetIndex] = d.WallMs;
        }
        lock (_gate)
        {
            foreach (var (key, kpis) in frame.Kpis) _kpis[key] = kpis;
        }
        if (frame.Clock is not null) _clock = frame.Clock;
        Interlocked.Increment(ref _frames);
    }

    public AssetStatus StatusOf(int index) => _status[index];
    public double[] ValuesOf(int index) => _values[index];
    public long TimestampOf(int index) => _ts[index];

    /// <summary>The wall-clock instant (Unix ms) the asset's latest reading entered the twin; 0 if none.</summary>
    public long WallTimestampOf(int index) => _wall[index];

    public KpiSet? KpisOf(AreaLevel level, string code)
    {
        lock (_gate) return _kpis.GetValueOrDefault((level, code));
    }

    /// <summary>
    /// The area's latest KPIs as a <c>districts</c> item, built once per change and shared by every
    /// client's frame (not once per client: a whole-city frame has ~170 items of ~30 KPIs each).
    /// </summary>
    public AreaFrameItem? AreaItemOf((AreaLevel Level, string Code) area)
    {
        lock (_gate)
        {
            if (!_kpis.TryGetValue(area, out var kpis)) return null;
            if (_items.TryGetValue(area, out var cached) && ReferenceEquals(cached.From, kpis)) return cached.Item;
            var item = FrameFactory.Area(area.Level, area.Code, kpis);
            _items[area] = (kpis, item);
            return item;
        }
    }

    private static AssetStatus[] CreateStatus(int n)
    {
        var a = new AssetStatus[n];
        Array.Fill(a, AssetStatus.Offline);
        return a;
    }

    private static double[][] CreateValues(int n)
    {
        var a = new double[n][];
        Array.Fill(a, []);
        return a;
    }
}
