using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityTwin.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace CityTwin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class MqttClusterTests(LocalCluster cluster)
{
    [Fact]
    public async Task A_device_publishing_to_the_city_broker_changes_the_twin_through_a_web_node_subscribed_to_it()
    {
        await using var broker = await Mosquitto.StartAsync();
        var (node, url) = await cluster.StartWebNodeAsync("web-mqtt", new() { ["Feeds__Mqtt__Broker"] = $"127.0.0.1:{broker.Port}" });
        await using var _ = node;
        using var admin = await cluster.CreateAdminClientAsync();

        // A flood sensor of the city, left to the feed so the simulator does not write over it.
        var assets = await admin.GetFromJsonAsync<JsonElement>("/api/assets?kind=flood&limit=1");
        var id = assets.GetProperty("features")[0].GetProperty("id").GetString()!;
        var left = await admin.PostAsJsonAsync("/api/simulation/sources", new { assetId = id, simulated = false });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);

        using var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("flood-gateway").Build());
        var level = 40 + Random.Shared.Next(1, 50) / 4.0;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic($"citytwin/incheon/flood/{id}")
            .WithPayload(Encoding.UTF8.GetBytes($"{{\"values\":{{\"level_cm\":{level.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"rain_mmh\":12.5}}}}"))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

        // The web node subscribes once it has found the broker; until then a message reaches no one,
        // as with any MQTT subscriber that is not yet there, so the device repeats it.
        using var reader = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var state = await Wait.ForAsync(async () =>
        {
            await device.PublishAsync(message);
            await Task.Delay(500);
            return await reader.GetFromJsonAsync<JsonElement>($"/api/assets/{id}");
        }, a => a.GetProperty("telemetry").TryGetProperty("level_cm", out var v) && v.GetDouble() == level, TimeSpan.FromSeconds(90),
            $"the MQTT reading to reach asset {id}\n{node.Tail()}");

        Assert.Equal(12.5, state.GetProperty("telemetry").GetProperty("rain_mmh").GetDouble());
        Assert.Equal("alarm", state.GetProperty("status").GetString());
        // The grain changed, not only this node's view: the first web node reads the same.
        var elsewhere = await admin.GetFromJsonAsync<JsonElement>($"/api/assets/{id}");
        Assert.Equal(level, elsewhere.GetProperty("telemetry").GetProperty("level_cm").GetDouble());
        await device.DisconnectAsync();
    }
}
