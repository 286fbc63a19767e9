using CityTwin.Model.City;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;

namespace CityTwin.Web.Feeds;

/// <summary>
/// A cluster web node's connection to the city's broker (<see cref="MqttFeedOptions.Broker"/>, e.g.
/// Mosquitto). It subscribes to the city's feed topics as a member of a shared subscription, so
/// each message reaches one web node, and keeps reconnecting while the broker is away. Devices
/// are authenticated by that broker; this node signs in with its own account.
/// </summary>
public sealed class ClusterMqttSubscriber(
    CityCatalog catalog, MqttFeedHandler handler, IOptions<FeedOptions> options, ILogger<ClusterMqttSubscriber> logger)
    : BackgroundService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>Whether the subscription is in place (for the health of the feed and the tests).</summary>
    public bool Subscribed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.Mqtt;
        var (host, port) = Parse(o.Broker!);
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            try
            {
                handler.Handle(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, e.ClientId);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "An MQTT message on {Topic} could not be handled", e.ApplicationMessage.Topic);
            }
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += e =>
        {
            if (Subscribed) logger.LogWarning("Lost the city's MQTT broker at {Host}:{Port} ({Reason}); reconnecting", host, port, e.Reason);
            Subscribed = false;
            return Task.CompletedTask;
        };
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"citytwin-web-{Environment.MachineName}-{Guid.NewGuid():N}"[..40])
            .WithCleanSession();
        if (o.UserName is { Length: > 0 } user) builder = builder.WithCredentials(user, o.Password);
        var clientOptions = builder.Build();
        var filter = $"$share/{o.SharedGroup}/{MqttTopics.AllOf(catalog.Id)}";
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                try
                {
                    await client.ConnectAsync(clientOptions, stoppingToken);
                    await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), stoppingToken);
                    Subscribed = true;
                    logger.LogInformation("Subscribed to {Filter} on the city's MQTT broker at {Host}:{Port}", filter, host, port);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("The city's MQTT broker at {Host}:{Port} is not reachable ({Error}); retrying in {Interval}", host, port, ex.Message, RetryInterval);
                }
            }
            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        if (client.IsConnected) await client.DisconnectAsync();
    }

    private static (string Host, int Port) Parse(string broker)
    {
        var colon = broker.LastIndexOf(':');
        return colon > 0 && int.TryParse(broker[(colon + 1)..], out var port) ? (broker[..colon], port) : (broker, 1883);
    }
}
