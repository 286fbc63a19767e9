using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CityTwin.Web.Tests.Feeds;

[Collection(FeedCollection.Name)]
public sealed class SimulationSourceTests(FeedHost host)
{
    [Fact]
    public async Task An_operator_leaves_a_kind_to_feeds_and_gives_it_back_to_the_simulator()
    {
        using var operatorClient = await host.App.CreateClientAsAsync(Roles.Operator);
        var off = await operatorClient.PostAsJsonAsync("/api/simulation/sources", new { kind = "ev", simulated = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Contains("ev", (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feedKinds").EnumerateArray().Select(k => k.GetString()));
        using var anonymous = host.App.CreateHttpClient();
        var read = await anonymous.GetFromJsonAsync<JsonElement>("/api/simulation/sources");
        Assert.Contains("ev", read.GetProperty("feedKinds").EnumerateArray().Select(k => k.GetString()));

        var on = await operatorClient.PostAsJsonAsync("/api/simulation/sources", new { kind = "ev", simulated = true });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var after = await on.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain("ev", after.GetProperty("feedKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.True(after.GetProperty("version").GetInt64() > read.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("{\"kind\":\"unicorn\",\"simulated\":false}", "kind")]
    [InlineData("{\"assetId\":\"no-such-asset\",\"simulated\":false}", "assetId")]
    [InlineData("{\"kind\":\"ev\",\"assetId\":\"x\",\"simulated\":false}", "body")]
    [InlineData("{\"kind\":\"ev\"}", "simulated")]
    [InlineData("{\"kind\":\"ev\",\"simulated\":\"no\"}", "simulated")]
    public async Task A_bad_source_change_gets_400_naming_the_field(string body, string field)
    {
        using var operatorClient = await host.App.CreateClientAsAsync(Roles.Operator);
        var response = await operatorClient.PostAsync("/api/simulation/sources", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(e => e.Name.Contains(field, StringComparison.OrdinalIgnoreCase)), problem.ToString());
    }

    [Fact]
    public async Task Viewers_and_planners_may_not_change_sources()
    {
        foreach (var role in new[] { Roles.Viewer, Roles.Planner })
        {
            using var client = await host.App.CreateClientAsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/simulation/sources", new { kind = "ev", simulated = false })).StatusCode);
        }
    }

    [Fact]
    public async Task The_simulator_leaves_a_feed_asset_alone_while_it_goes_on_feeding_its_neighbours()
    {
        var assets = host.TakeAssets(sameDong: 2);
        var (fed, simulated) = (assets[0], assets[1]);
        await host.LeaveToFeedAsync(fed);
        var (client, _) = await host.FeedClientAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        var sent = await client.PostAsJsonAsync("/api/telemetry", new[] { new { assetId = fed.Id, ts = at, values = new { level_cm = 77.25, rain_mmh = 3.5 } } });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        await host.PollAssetAsync(fed.Id, a => FeedHost.Channel(a, "level_cm") == 77.25);
        var neighbour = (await host.PollAssetAsync(simulated.Id, _ => true)).GetProperty("updatedAt").GetDateTimeOffset();

        // Three more ticks: the neighbour is fed again, the feed's asset keeps what the feed sent.
        using var reader = host.App.CreateHttpClient();
        var ticks = (await reader.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("simulatorTicks").GetInt64();
        await TwinAppFactory.PollAsync<JsonElement>(reader, "/api/status", s => s.GetProperty("simulatorTicks").GetInt64() >= ticks + 3, TimeSpan.FromSeconds(60));
        await host.PollAssetAsync(simulated.Id, a => a.GetProperty("updatedAt").GetDateTimeOffset() > neighbour);
        var still = await host.PollAssetAsync(fed.Id, _ => true);
        Assert.Equal(77.25, FeedHost.Channel(still, "level_cm"));
        Assert.Equal(3.5, FeedHost.Channel(still, "rain_mmh"));
        var sources = await reader.GetFromJsonAsync<JsonElement>("/api/simulation/sources");
        Assert.Contains(fed.Id, sources.GetProperty("feedAssets").EnumerateArray().Select(a => a.GetString()));
    }
}
