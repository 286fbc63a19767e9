using System.Buffers;
using CityTwin.Abstractions.Assets;
using CityTwin.Model.City;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Feeds;

/// <summary>
/// Turns one MQTT message into readings for <see cref="MqttFeedBuffer"/>, whichever broker it came
/// through (the embedded one, or the city's in a cluster). A malformed message or item is counted
/// and logged (throttled) and dropped; it never stops the feed or its neighbours in a batch.
/// </summary>
public sealed class MqttFeedHandler(
    CityCatalog catalog, TelemetryParser parser, MqttFeedBuffer buffer, FeedMetrics metrics,
    IOptions<FeedOptions> options, TimeProvider time, ILogger<MqttFeedHandler> logger)
{
    private readonly ThrottledLog _log = new(logger, time);

    /// <summary>Handles a message from <paramref name="source"/> (client id); returns how many readings it gave.</summary>
    public int Handle(string topic, ReadOnlySequence<byte> payload, string source)
    {
        if (payload.Length > options.Value.Mqtt.MaxPayloadBytes)
            return Refuse(source, topic, $"payload of {payload.Length} bytes over the limit of {options.Value.Mqtt.MaxPayloadBytes}");
        var bytes = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
        var parts = topic.Split('/');
        if (parts.Length < 3 || parts[0] != MqttTopics.Root || parts[1] != catalog.Id)
            return Refuse(source, topic, $"not a feed topic of this city ({MqttTopics.Root}/{catalog.Id}/{{kind}}/{{assetId}} or {MqttTopics.GatewayOf(catalog.Id)})");

        if (parts.Length == 3 && parts[2] == MqttTopics.Gateway)
        {
            var accepted = new List<FeedReading>();
            var rejected = new List<FeedRejection>();
            if (parser.ParseBatch(bytes, accepted, rejected) is { } error) return Refuse(source, topic, error);
            if (rejected.Count > 0)
            {
                metrics.Malformed(MqttFeedBuffer.Transport, rejected.Count);
                _log.Warn($"{rejected.Count} items of a gateway batch", source, $"item {rejected[0].Index}: {rejected[0].Reason}");
            }
            buffer.AddRange(accepted);
            return accepted.Count;
        }
        if (parts.Length != 4)
            return Refuse(source, topic, $"expected {MqttTopics.Root}/{catalog.Id}/{{kind}}/{{assetId}}");
        if (!AssetKinds.TryParse(parts[2], out var kind))
            return Refuse(source, topic, $"unknown kind '{parts[2]}'");
        if (parser.FindAsset(parts[3]) is not { } asset)
            return Refuse(source, topic, $"unknown asset '{parts[3]}'");
        if (asset.Kind != kind)
            return Refuse(source, topic, $"asset {asset.Id} is a {AssetKinds.Of(asset.Kind).WireName}, not a {parts[2]}");
        if (parser.ParseSingle(bytes, asset, out var reading) is { } why) return Refuse(source, topic, why);
        buffer.Add(reading);
        return 1;
    }

    private int Refuse(string source, string topic, string reason)
    {
        metrics.Malformed(MqttFeedBuffer.Transport);
        _log.Warn($"an MQTT message on {(topic.Length > 200 ? topic[..200] : topic)}", source, reason);
        return 0;
    }
}
