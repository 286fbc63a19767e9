using System.Net;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CityTwin.Web.Feeds;

/// <summary>
/// The MQTT broker of embedded mode (MQTTnet's own server, on <see cref="MqttFeedOptions.Port"/>).
/// Devices connect with a feed token as password (any user name) and publish; the broker hands
/// each message to <see cref="MqttFeedHandler"/> as it arrives and forwards nothing: a feed token
/// may only send, so subscriptions are refused.
/// </summary>
public sealed class EmbeddedMqttBroker(
    MqttFeedHandler handler, FeedCredentials credentials, IOptions<FeedOptions> options, ILogger<EmbeddedMqttBroker> logger)
    : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;
    private bool _started;

    /// <summary>The port the broker listens on (once started).</summary>
    public int Port => options.Value.Mqtt.Port;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value.Mqtt;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(o.Port)
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(o.BindAddress))
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateAsync;
        _server.InterceptingPublishAsync += InterceptAsync;
        _server.InterceptingSubscriptionAsync += RefuseSubscription;
        try
        {
            await _server.StartAsync();
            _started = true;
            logger.LogInformation("MQTT broker listening on {Address}:{Port} for feed tokens", o.BindAddress, o.Port);
        }
        catch (Exception ex)
        {
            // The map and the HTTP feed work without it: a taken port must not keep the twin down.
            logger.LogError(ex, "The MQTT broker could not listen on {Address}:{Port}; MQTT feeds are off (set Feeds:Mqtt:Port)", o.BindAddress, o.Port);
        }
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (!await credentials.IsFeedTokenAsync(e.Password))
        {
            logger.LogWarning("Refused MQTT client {ClientId} from {Endpoint}: the password is not a usable feed token", e.ClientId, e.RemoteEndPoint);
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }
    }

    private Task InterceptAsync(InterceptingPublishEventArgs e)
    {
        // Handled here and not forwarded: no subscriber exists to forward to, and skipping the
        // broker's routing is what lets one process take tens of thousands of messages a second.
        e.ProcessPublish = false;
        try
        {
            handler.Handle(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, e.ClientId);
        }
        catch (Exception ex)
        {
            // Whatever a message holds, the broker and its connection go on.
            logger.LogError(ex, "An MQTT message from {ClientId} on {Topic} could not be handled", e.ClientId, e.ApplicationMessage.Topic);
        }
        return Task.CompletedTask;
    }

    private Task RefuseSubscription(InterceptingSubscriptionEventArgs e)
    {
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A broker that never started (its port was taken) has nothing to stop.
        if (_server is not { } server || !_started) return;
        _started = false;
        try
        {
            await server.StopAsync();
        }
        catch (Exception ex)
        {
            // Stopping must never fail the app's shutdown.
            logger.LogWarning(ex, "The MQTT broker did not stop cleanly");
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _server = null;
        return ValueTask.CompletedTask;
    }
}
