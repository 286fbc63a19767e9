using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Grains;

namespace CityTwin.Web.Tests.Feeds;

[Collection(FeedCollection.Name)]
public sealed class StaleFeedTests(FeedHost host)
{
    [Fact]
    public async Task A_feed_asset_that_stops_reporting_goes_offline_by_the_normal_stale_rule()
    {
        var asset = host.TakeAssets(sameDong: 1)[0];
        await host.LeaveToFeedAsync(asset);
        var (client, _) = await host.FeedClientAsync();
        var sent = await client.PostAsJsonAsync("/api/telemetry", new[] { new { assetId = asset.Id, values = new { level_cm = 2.5, rain_mmh = 0.0 } } });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var fresh = await host.PollAssetAsync(asset.Id, a => FeedHost.Channel(a, "level_cm") == 2.5);
        Assert.Equal("ok", fresh.GetProperty("status").GetString());

        // The feed falls silent while the city's time moves on past the stale limit (moved by a
        // trainer here, so the test need not wait 15 minutes); the simulator's next tick marks it.
        using var trainer = await host.App.CreateClientAsAsync(Roles.Trainer);
        var now = (await trainer.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("simTime").GetDateTimeOffset();
        var moved = await trainer.PostAsJsonAsync("/api/clock", new { simTime = now + NeighbourhoodGrain.StaleAfter + TimeSpan.FromMinutes(5) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var stale = await host.PollAssetAsync(asset.Id, a => a.GetProperty("status").GetString() == "offline");
        Assert.Equal(2.5, FeedHost.Channel(stale, "level_cm"));
    }
}
