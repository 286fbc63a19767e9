namespace CityTwin.Benchmarks;

/// <summary>
/// Per-client latency histograms (receipt time − item <c>ts</c>), filled only while a
/// measurement window is open so warm-up and snapshots stay out of the figures.
/// </summary>
public sealed class LatencyRecorder
{
    private LatencyHistogram[] _perClient;
    private volatile bool _active;

    public LatencyRecorder(int clients) => _perClient = NewSet(clients);

    public bool Active
    {
        get => _active;
        set => _active = value;
    }

    public void Reset() => _perClient = NewSet(_perClient.Length);

    public void Record(int client, AssetStamp[] items, long receivedMs)
    {
        if (!_active) return;
        var h = _perClient[client];
        foreach (var item in items) h.Add(receivedMs - item.Ts);
    }

    public LatencyHistogram Client(int client) => _perClient[client];

    public LatencyHistogram Total() => LatencyHistogram.Merge(_perClient);

    private static LatencyHistogram[] NewSet(int n) => [.. Enumerable.Range(0, n).Select(_ => new LatencyHistogram())];
}
