using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CityTwin.Abstractions.Diagnostics;

/// <summary>
/// The product's own meter (<see cref="MeterName"/>), exported at <c>/metrics</c>: telemetry
/// ingested, frames sent, connected clients and grain activations by type. One instance per process.
/// </summary>
public sealed class CityTwinMetrics : IDisposable
{
    public const string MeterName = "CityTwin";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _updates;
    private readonly Counter<long> _frames;
    private readonly ConcurrentDictionary<string, int> _activations = new(StringComparer.Ordinal);
    private readonly Lock _rateGate = new();
    private long _updatesTotal;
    private long _rateMark;
    private long _rateMarkTimestamp = Stopwatch.GetTimestamp();
    private double _updatesPerSecond;
    private Func<int> _connectedClients = () => 0;
    private volatile bool _disposed;

    public CityTwinMetrics()
    {
        _updates = _meter.CreateCounter<long>("citytwin.telemetry.updates", "{update}", "Telemetry readings accepted by neighbourhood grains");
        _frames = _meter.CreateCounter<long>("citytwin.frames.sent", "{frame}", "SignalR frames sent to map clients, by kind");
        _meter.CreateObservableGauge("citytwin.telemetry.updates_per_second", UpdatesPerSecond, "{update}/s",
            "Readings accepted per second, averaged since the previous reading of this gauge (at least 1 s)");
        _meter.CreateObservableUpDownCounter("citytwin.clients.connected", ConnectedClients, "{client}", "Map clients connected to this web node");
        _meter.CreateObservableGauge("citytwin.grain.activations", Activations, "{activation}", "Grain activations in this silo, by grain type");
    }

    /// <summary>Telemetry readings accepted since start, in this process.</summary>
    public long UpdatesTotal => Interlocked.Read(ref _updatesTotal);

    public void UpdatesIngested(int count)
    {
        if (count <= 0 || _disposed) return;
        Interlocked.Add(ref _updatesTotal, count);
        _updates.Add(count);
    }

    public void FrameSent(string kind)
    {
        if (!_disposed) _frames.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void GrainActivated(string grainType) => _activations.AddOrUpdate(grainType, 1, (_, n) => n + 1);

    public void GrainDeactivated(string grainType) => _activations.AddOrUpdate(grainType, 0, (_, n) => Math.Max(0, n - 1));

    /// <summary>The web node tells the meter how to count its clients.</summary>
    public void ObserveConnectedClients(Func<int> count) => _connectedClients = count;

    public int ActivationsOf(string grainType) => _activations.GetValueOrDefault(grainType);

    // After Dispose the observable instruments report nothing: a stopped host's meter stays open
    // (see Dispose), and a value from it would overwrite the running host's in the shared stream.
    private IEnumerable<Measurement<int>> ConnectedClients()
    {
        if (!_disposed) yield return new Measurement<int>(_connectedClients());
    }

    private IEnumerable<Measurement<double>> UpdatesPerSecond()
    {
        if (!_disposed) yield return new Measurement<double>(UpdatesPerSecondSinceLastReading());
    }

    private double UpdatesPerSecondSinceLastReading()
    {
        lock (_rateGate)
        {
            var now = Stopwatch.GetTimestamp();
            var elapsed = Stopwatch.GetElapsedTime(_rateMarkTimestamp, now).TotalSeconds;
            // Scrapers read every few seconds; re-marking only after a second keeps the figure
            // meaningful when several readers come close together.
            if (elapsed >= 1)
            {
                var total = UpdatesTotal;
                _updatesPerSecond = (total - _rateMark) / elapsed;
                _rateMark = total;
                _rateMarkTimestamp = now;
            }
            return _updatesPerSecond;
        }
    }

    private IEnumerable<Measurement<int>> Activations() =>
        _activations.Select(a => new Measurement<int>(a.Value, new KeyValuePair<string, object?>("grain_type", a.Key)));

    /// <summary>
    /// Stops this instance's observable instruments from reporting, but leaves the meter itself
    /// open: OpenTelemetry keeps one metric stream per instrument name, shared by every meter of
    /// that name in the process, and disposing any one of them ends the stream for all
    /// (open-telemetry/opentelemetry-dotnet#6412). A process that hosts the app more than once (a
    /// test run, a host restarted in place) would otherwise lose the running host's metrics when
    /// another host stops.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _activations.Clear();
    }
}
