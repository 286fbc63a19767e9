using Microsoft.Extensions.Options;

namespace CityTwin.Web.Feeds;

/// <summary>
/// Gathers MQTT readings and sends them to the grains every <see cref="MqttFeedOptions.FlushInterval"/>,
/// one batch per dong: a flood of single-reading messages becomes a few grain calls per interval.
/// Messages are acknowledged to the device on arrival (QoS 1 means "the twin has it"), so a full
/// buffer drops and counts instead of blocking the broker.
/// </summary>
public sealed class MqttFeedBuffer(FeedIngestor ingestor, FeedMetrics metrics, IOptions<FeedOptions> options, TimeProvider time, ILogger<MqttFeedBuffer> logger)
    : BackgroundService
{
    public const string Transport = "mqtt";

    private readonly Lock _gate = new();
    private List<FeedReading> _pending = [];
    private readonly ThrottledLog _dropLog = new(logger, time);

    public void Add(in FeedReading reading)
    {
        lock (_gate)
        {
            if (_pending.Count < options.Value.Mqtt.MaxPending)
            {
                _pending.Add(reading);
                return;
            }
        }
        metrics.Dropped(1);
        _dropLog.Warn("an MQTT reading", reading.Asset.Id, "the buffer is full (the grains are behind)");
    }

    public void AddRange(List<FeedReading> readings)
    {
        int dropped;
        lock (_gate)
        {
            var room = Math.Max(0, options.Value.Mqtt.MaxPending - _pending.Count);
            var take = Math.Min(room, readings.Count);
            _pending.AddRange(take == readings.Count ? readings : readings.GetRange(0, take));
            dropped = readings.Count - take;
        }
        if (dropped == 0) return;
        metrics.Dropped(dropped);
        _dropLog.Warn($"{dropped} MQTT readings", "a gateway", "the buffer is full (the grains are behind)");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Mqtt.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still pending was acknowledged as QoS 0/1 delivery to the broker only.
        }
    }

    /// <summary>Sends what is pending; a failure costs that flush's readings only, never the feed.</summary>
    public async Task FlushAsync(CancellationToken cancel = default)
    {
        List<FeedReading> batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            batch = _pending;
            _pending = new List<FeedReading>(Math.Min(batch.Count, 65_536));
        }
        try
        {
            var refused = await ingestor.IngestAsync(batch, Transport, cancel);
            if (refused.Count > 0) _dropLog.Warn($"{refused.Count} MQTT readings", "the grains", refused[0].Reason);
        }
        catch (Exception ex) when (!cancel.IsCancellationRequested)
        {
            logger.LogWarning(ex, "An MQTT flush of {Count} readings failed; the feed goes on", batch.Count);
        }
    }
}
