using System.Diagnostics.Metrics;
using CityTwin.Abstractions.Diagnostics;

namespace CityTwin.Web.Feeds;

/// <summary>
/// Real feeds on the product's meter (<see cref="CityTwinMetrics.MeterName"/>, exported at
/// <c>/metrics</c>): readings taken per transport and messages or items refused per transport.
/// Totals are also kept here for the tests and the benchmark.
/// </summary>
public sealed class FeedMetrics : IDisposable
{
    private readonly Meter _meter = new(CityTwinMetrics.MeterName);
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _malformed;
    private long _acceptedTotal;
    private long _malformedTotal;
    private long _droppedTotal;

    public FeedMetrics()
    {
        _accepted = _meter.CreateCounter<long>("citytwin.feed.readings", "{reading}", "Real-feed readings taken into the twin, by transport (http, mqtt)");
        _malformed = _meter.CreateCounter<long>("citytwin.feed.malformed", "{message}", "Real-feed messages or batch items refused as malformed, by transport");
    }

    public long AcceptedTotal => Interlocked.Read(ref _acceptedTotal);

    public long MalformedTotal => Interlocked.Read(ref _malformedTotal);

    /// <summary>Readings dropped because the grains were too far behind (MQTT buffer full).</summary>
    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    public void Ingested(string transport, int count)
    {
        if (count <= 0) return;
        Interlocked.Add(ref _acceptedTotal, count);
        _accepted.Add(count, new KeyValuePair<string, object?>("transport", transport));
    }

    public void Malformed(string transport, int count = 1)
    {
        if (count <= 0) return;
        Interlocked.Add(ref _malformedTotal, count);
        _malformed.Add(count, new KeyValuePair<string, object?>("transport", transport));
    }

    public void Dropped(int count) => Interlocked.Add(ref _droppedTotal, count);

    // The meter is left open for the reason CityTwinMetrics.Dispose gives (shared metric streams).
    public void Dispose() { }
}
