namespace CityTwin.Benchmarks;

/// <summary>
/// Per-client latency histograms, filled only while a measurement window is open so warm-up and
/// snapshots stay out of the figures. Wall to wall: receipt − the frame's wall-clock stamp (the
/// instant its oldest reading entered the twin), counted once per item, so each item's figure is
/// an upper bound of its own latency. Beside it, receipt − the item's <c>ts</c>, which is the
/// send time only because the benchmark stamps simulated time with the wall clock (the earlier method).
/// </summary>
public sealed class LatencyRecorder
{
    private LatencyHistogram[] _perClient;
    private LatencyHistogram[] _byItemTs;
    private volatile bool _active;

    public LatencyRecorder(int clients)
    {
        _perClient = NewSet(clients);
        _byItemTs = NewSet(clients);
    }

    public bool Active
    {
        get => _active;
        set => _active = value;
    }

    public void Reset()
    {
        _perClient = NewSet(_perClient.Length);
        _byItemTs = NewSet(_byItemTs.Length);
    }

    public void Record(int client, AssetStamp[] items, long wallTs, long receivedMs)
    {
        if (!_active) return;
        var wall = _perClient[client];
        var byTs = _byItemTs[client];
        foreach (var item in items)
        {
            wall.Add(receivedMs - wallTs);
            byTs.Add(receivedMs - item.Ts);
        }
    }

    public LatencyHistogram Client(int client) => _perClient[client];

    public LatencyHistogram Total() => LatencyHistogram.Merge(_perClient);

    public LatencyHistogram TotalByItemTs() => LatencyHistogram.Merge(_byItemTs);

    private static LatencyHistogram[] NewSet(int n) => [.. Enumerable.Range(0, n).Select(_ => new LatencyHistogram())];
}
