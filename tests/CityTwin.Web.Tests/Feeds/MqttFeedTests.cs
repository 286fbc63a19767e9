using CityTwin.Web.Feeds;
using MQTTnet;
using MQTTnet.Protocol;

namespace CityTwin.Web.Tests.Feeds;

[Collection(FeedCollection.Name)]
public sealed class MqttFeedTests(FeedHost host)
{
    private string City => host.Catalog.Id;

    [Fact]
    public async Task Single_and_gateway_messages_change_grain_state_and_reach_map_clients_as_deltas()
    {
        var assets = host.TakeAssets(sameDong: 2);
        var (single, batched1, batched2) = (assets[0], assets[1], assets[2]);
        await host.LeaveToFeedAsync(single, batched1, batched2);
        await using var hub = await HubClient.ConnectAsync(host.App, messagePack: false);
        await hub.SubscribeAsync(single.Lon - 0.01, single.Lat - 0.01, single.Lon + 0.01, single.Lat + 0.01, 16);
        var (_, token) = await host.FeedClientAsync();
        await using var device = await MqttDevice.ConnectAsync(host.MqttPort, token);
        var at = DateTimeOffset.UtcNow.AddSeconds(2);

        await device.PublishAsync(MqttTopics.AssetOf(City, "flood", single.Id), $$$"""{"ts":"{{{at:O}}}","values":{"level_cm":41.5,"rain_mmh":7.25}}""");
        await device.PublishAsync(MqttTopics.GatewayOf(City), $$$"""
            [{"assetId":"{{{batched1.Id}}}","ts":"{{{at:O}}}","values":{"level_cm":5.5,"rain_mmh":0.5}},
             {"assetId":"{{{batched2.Id}}}","ts":"{{{at.AddSeconds(1):O}}}","values":{"level_cm":6.5,"rain_mmh":0.75}}]
            """, MqttQualityOfServiceLevel.AtMostOnce);

        var state = await host.PollAssetAsync(single.Id, a => FeedHost.Channel(a, "level_cm") == 41.5);
        Assert.Equal(7.25, FeedHost.Channel(state, "rain_mmh"));
        Assert.Equal("alarm", state.GetProperty("status").GetString()); // 41.5 cm is past the 30 cm alarm line
        var first = await host.PollAssetAsync(batched1.Id, a => FeedHost.Channel(a, "level_cm") == 5.5);
        var second = await host.PollAssetAsync(batched2.Id, a => FeedHost.Channel(a, "level_cm") == 6.5);
        Assert.Equal(TimeSpan.FromSeconds(1), second.GetProperty("updatedAt").GetDateTimeOffset() - first.GetProperty("updatedAt").GetDateTimeOffset());
        await hub.WaitUntilAsync(() => hub.AssetFrames.SelectMany(f => f).Any(i => i.Id == single.Id && i.Values.GetValueOrDefault("level_cm") == 41.5),
            TimeSpan.FromSeconds(30), "a live delta with the MQTT reading");
        var delta = hub.AssetFrames.SelectMany(f => f).Last(i => i.Id == single.Id && i.Values.GetValueOrDefault("level_cm") == 41.5);
        Assert.Equal("alarm", delta.Status);
        Assert.Equal(7.25, delta.Values["rain_mmh"]);
    }

    [Fact]
    public async Task Malformed_messages_are_counted_and_dropped_without_losing_good_ones_or_stopping_the_feed()
    {
        var assets = host.TakeAssets(sameDong: 2);
        var (good1, good2, later) = (assets[0], assets[1], assets[2]);
        await host.LeaveToFeedAsync(good1, good2, later);
        var (_, token) = await host.FeedClientAsync();
        await using var device = await MqttDevice.ConnectAsync(host.MqttPort, token);
        var before = host.Metrics.MalformedTotal;
        var at = DateTimeOffset.UtcNow.AddSeconds(2);

        await device.PublishAsync(MqttTopics.AssetOf(City, "flood", good1.Id), "not json at all");                      // 1
        await device.PublishAsync(MqttTopics.AssetOf(City, "flood", good1.Id), """{"values":{"level_cm":"deep"}}""");   // 2
        await device.PublishAsync(MqttTopics.AssetOf(City, "air", good1.Id), """{"values":{}}""");                      // 3 wrong kind
        await device.PublishAsync(MqttTopics.AssetOf(City, "flood", "no-such-asset"), """{"values":{}}""");            // 4
        await device.PublishAsync($"citytwin/atlantis/flood/{good1.Id}", """{"values":{}}""");                           // 5 another city
        await device.PublishAsync(MqttTopics.GatewayOf(City), """{"not":"a batch"}""");                                  // 6
        await device.PublishAsync(MqttTopics.GatewayOf(City), $$$"""
            [{"assetId":"{{{good1.Id}}}","ts":"{{{at:O}}}","values":{"level_cm":12.5,"rain_mmh":1}},
             {"assetId":"{{{good2.Id}}}","values":{"level_cm":null,"rain_mmh":1}},
             [1,2,3],
             {"assetId":"{{{good2.Id}}}","ts":"{{{at:O}}}","values":{"level_cm":13.5,"rain_mmh":2}}]
            """);                                                                                                        // 7, 8: two bad items
        await device.PublishAsync(MqttTopics.AssetOf(City, "flood", later.Id), $$$"""{"ts":"{{{at:O}}}","values":{"level_cm":14.5,"rain_mmh":3}}""");

        await host.PollAssetAsync(good1.Id, a => FeedHost.Channel(a, "level_cm") == 12.5);
        await host.PollAssetAsync(good2.Id, a => FeedHost.Channel(a, "level_cm") == 13.5);
        await host.PollAssetAsync(later.Id, a => FeedHost.Channel(a, "level_cm") == 14.5);
        Assert.Equal(8, host.Metrics.MalformedTotal - before);
        Assert.True(device.Client.IsConnected, "the device stays connected after its malformed messages");
    }

    [Fact]
    public async Task Only_a_feed_token_connects_and_a_feed_connection_may_not_subscribe()
    {
        var (_, feedToken) = await host.FeedClientAsync();
        var operatorToken = await host.App.CreateTokenAsync(Roles.Operator);
        foreach (var password in new[] { operatorToken, "ctw_not-a-token", "" })
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            // The client reports the broker's refusal in its result (older versions threw it).
            MqttClientConnectResultCode code;
            try
            {
                code = (await client.ConnectAsync(MqttDevice.Options(host.MqttPort, password))).ResultCode;
            }
            catch (Exception e) when (e.GetType().Name == "MqttConnectingFailedException")
            {
                code = MqttClientConnectResultCode.BadUserNameOrPassword;
            }
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, code);
            Assert.False(client.IsConnected);
        }

        await using var device = await MqttDevice.ConnectAsync(host.MqttPort, feedToken);
        var subscribed = await device.Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(MqttTopics.AllOf(City)).Build());
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, subscribed.Items.Single().ResultCode);
    }
}
