using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Clock;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Live;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Live;

/// <summary>
/// The silo's batching publisher: grains drop changes here (cheap, under a short lock) and
/// <see cref="Flush"/> hands consumers one coalesced frame, latest value per asset and area.
/// Memory is bounded by the number of assets and areas, whatever the update rate. Every
/// publication raises <see cref="Arrivals"/>, which is what makes <see cref="LiveFeedPump"/> flush.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger, TimeProvider time) : ILiveFeed, IDisposable
{
    private readonly Lock _gate = new();
    // Serialises flushes so frames reach consumers in order (a newer value never precedes an older one).
    private readonly Lock _flushGate = new();
    private Dictionary<int, AssetDelta> _assets = [];
    private Dictionary<(AreaLevel, string), KpiSet> _kpis = [];
    private ClockState? _clock;
    private Dictionary<string, Abstractions.Alarms.AlarmView> _alarms = new(StringComparer.Ordinal);
    private ILiveFrameConsumer[] _consumers = [];
    private long _published;

    /// <summary>Asset updates accepted since start (for metrics and benchmarks).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Raised by every publication: there is something to flush.</summary>
    public ArrivalSignal Arrivals { get; } = new();

    public void PublishAssets(ReadOnlySpan<AssetDelta> deltas)
    {
        // A reading that entered without a wall-clock stamp (a direct grain call) gets the instant it reaches the feed.
        long now = 0;
        lock (_gate)
        {
            foreach (var d in deltas)
            {
                if (d.WallMs != 0)
                {
                    _assets[d.AssetIndex] = d;
                    continue;
                }
                if (now == 0) now = time.GetUtcNow().ToUnixTimeMilliseconds();
                _assets[d.AssetIndex] = d with { WallMs = now };
            }
        }
        Interlocked.Add(ref _published, deltas.Length);
        Arrivals.Raise();
    }

    public void PublishKpis(AreaLevel level, string code, KpiSet kpis)
    {
        lock (_gate) _kpis[(level, code)] = kpis;
        Arrivals.Raise();
    }

    public void PublishClock(ClockState clock)
    {
        lock (_gate) _clock = clock;
        Arrivals.Raise();
    }

    public void PublishAlarms(IReadOnlyList<Abstractions.Alarms.AlarmView> alarms)
    {
        lock (_gate)
        {
            foreach (var a in alarms) _alarms[a.Id] = a;
        }
        Arrivals.Raise();
    }

    public IDisposable Subscribe(ILiveFrameConsumer consumer)
    {
        lock (_gate) _consumers = [.. _consumers, consumer];
        // What accumulated before the first consumer (the first ticks of a start) goes out now.
        Arrivals.Raise();
        return new Subscription(this, consumer);
    }

    /// <summary>Swaps the buffers and delivers what accumulated; returns whether there was anything.</summary>
    public bool Flush()
    {
        lock (_flushGate) return FlushOnce();
    }

    private bool FlushOnce()
    {
        Dictionary<int, AssetDelta> assets;
        Dictionary<(AreaLevel, string), KpiSet> kpis;
        ClockState? clock;
        Dictionary<string, Abstractions.Alarms.AlarmView> alarms;
        ILiveFrameConsumer[] consumers;
        lock (_gate)
        {
            if (_assets.Count == 0 && _kpis.Count == 0 && _clock is null && _alarms.Count == 0) return false;
            // Nobody listens yet: keep the changes (bounded, latest per asset and area) for the first
            // consumer. Dropped, an asset whose values then stay the same would never reach the map.
            if (_consumers.Length == 0) return false;
            (assets, _assets) = (_assets, new Dictionary<int, AssetDelta>(_assets.Count));
            (kpis, _kpis) = (_kpis, []);
            (clock, _clock) = (_clock, null);
            alarms = _alarms;
            if (alarms.Count > 0) _alarms = new(StringComparer.Ordinal);
            consumers = _consumers;
        }
        var frame = new LiveFrame([.. assets.Values], kpis, clock, alarms.Count == 0 ? null : [.. alarms.Values]);
        foreach (var consumer in consumers)
        {
            try
            {
                consumer.OnFrame(frame);
            }
            catch (Exception ex)
            {
                // One faulty consumer must not starve the others.
                logger.LogError(ex, "Live frame consumer {Consumer} failed", consumer.GetType().Name);
            }
        }
        return true;
    }

    public void Dispose() => Arrivals.Dispose();

    private void Unsubscribe(ILiveFrameConsumer consumer)
    {
        lock (_gate) _consumers = [.. _consumers.Where(c => !ReferenceEquals(c, consumer))];
    }

    private sealed class Subscription(LiveFeed owner, ILiveFrameConsumer consumer) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(consumer);
    }
}
