using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CityTwin.Web.Tests.Feeds;

/// <summary>A real MQTT device (MQTTnet client) on the app's embedded broker.</summary>
public sealed class MqttDevice : IAsyncDisposable
{
    private MqttDevice(IMqttClient client) => Client = client;

    public IMqttClient Client { get; }

    public static MqttClientOptions Options(int port, string? password) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("device-" + Guid.NewGuid().ToString("N")[..12])
            .WithCredentials("gateway", password)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();

    public static async Task<MqttDevice> ConnectAsync(int port, string token)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Options(port, token));
        return new MqttDevice(client);
    }

    public Task PublishAsync(string topic, string payload, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce) =>
        Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(qos).Build());

    public async ValueTask DisposeAsync()
    {
        if (Client.IsConnected) await Client.DisconnectAsync();
        Client.Dispose();
    }
}
