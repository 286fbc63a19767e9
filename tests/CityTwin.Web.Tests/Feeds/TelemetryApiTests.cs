using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CityTwin.Web.Tests.Feeds;

[Collection(FeedCollection.Name)]
public sealed class TelemetryApiTests(FeedHost host)
{
    [Fact]
    public async Task A_batch_takes_its_good_items_each_at_its_own_instant_and_names_the_fault_of_each_bad_one()
    {
        var assets = host.TakeAssets(sameDong: 2);
        var (a1, a2, a3) = (assets[0], assets[1], assets[2]);
        await host.LeaveToFeedAsync(a1, a2, a3);
        var (client, _) = await host.FeedClientAsync();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()); // whole ms: one ts below is sent as Unix ms
        // Slightly ahead of the simulator's last readings, so none of them is taken as a late message.
        var t1 = now.AddSeconds(2);
        var t2 = now.AddSeconds(4);
        var t3 = now.AddSeconds(6);
        var body = $$$"""
        [
          {"assetId":"{{{a1.Id}}}","ts":"{{{t1:O}}}","values":{"level_cm":11.5,"rain_mmh":0.25}},
          {"ts":{{{t2.ToUnixTimeMilliseconds()}}},"values":{"rain_mmh":1.5,"level_cm":22.5},"assetId":"{{{a2.Id}}}","gateway":"north-1"},
          {"assetId":"no-such-asset","values":{"level_cm":1,"rain_mmh":1}},
          {"assetId":"{{{a3.Id}}}","values":{"level_cm":"high","rain_mmh":1}},
          {"assetId":"{{{a3.Id}}}","values":{"level_cm":1}},
          42,
          {"assetId":"{{{a3.Id}}}","ts":"2099-01-01T00:00:00Z","values":{"level_cm":1,"rain_mmh":1}},
          {"assetId":"{{{a3.Id}}}","values":{"level_cm":3.5,"rain_mmh":0.5,"depth":1}},
          {"assetId":{"id":"{{{a3.Id}}}"},"values":{"level_cm":1,"rain_mmh":1}},
          {"assetId":"{{{a3.Id}}}","ts":"{{{t3:O}}}","values":{"level_cm":33.5,"rain_mmh":2.5}}
        ]
        """;

        var response = await client.PostAsync("/api/telemetry", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, answer.GetProperty("accepted").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray()
            .ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], rejected.Keys.Order().ToArray());
        Assert.Contains("assetId: unknown asset 'no-such-asset'", rejected[2]);
        Assert.StartsWith("values.level_cm: expected a number", rejected[3]);
        Assert.StartsWith("values.rain_mmh: missing", rejected[4]);
        Assert.Contains("expected an object", rejected[5]);
        Assert.StartsWith("ts:", rejected[6]);
        Assert.StartsWith("values.depth: not a channel of flood", rejected[7]);
        Assert.StartsWith("assetId: expected a string", rejected[8]);

        var first = await host.PollAssetAsync(a1.Id, a => FeedHost.Channel(a, "level_cm") == 11.5);
        Assert.Equal(0.25, FeedHost.Channel(first, "rain_mmh"));
        var second = await host.PollAssetAsync(a2.Id, a => FeedHost.Channel(a, "level_cm") == 22.5);
        var third = await host.PollAssetAsync(a3.Id, a => FeedHost.Channel(a, "level_cm") == 33.5);
        Assert.Equal(2.5, FeedHost.Channel(third, "rain_mmh"));
        // Readings of one batch keep their own instants: the city clock places them as far apart as the device did.
        Assert.Equal(t2 - t1, UpdatedAt(second) - UpdatedAt(first));
        Assert.Equal(t3 - t1, UpdatedAt(third) - UpdatedAt(first));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\"readings\"")]
    [InlineData("null")]
    [InlineData("[{\"assetId\":\"x\"}")]
    [InlineData("[] []")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_batch_gets_400_naming_the_body(string body)
    {
        var (client, _) = await host.FeedClientAsync();
        var response = await client.PostAsync("/api/telemetry", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty("body")[0].GetString()));
    }

    [Fact]
    public async Task A_batch_over_the_item_limit_is_refused_whole()
    {
        var asset = host.TakeAssets(sameDong: 1)[0];
        var (client, _) = await host.FeedClientAsync();
        var items = Enumerable.Range(0, FeedHost.MaxBatchItems + 1).Select(_ => new { assetId = asset.Id, values = new { level_cm = 1.0, rain_mmh = 0.0 } });
        var response = await client.PostAsJsonAsync("/api/telemetry", items);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"At most {FeedHost.MaxBatchItems}", problem.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task Only_a_feed_token_may_send_and_a_feed_token_may_do_nothing_else()
    {
        var batch = new StringContent("[]", Encoding.UTF8, "application/json");
        using var anonymous = host.App.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/telemetry", batch)).StatusCode);
        foreach (var role in new[] { Roles.Operator, Roles.Admin })
        {
            using var other = await host.App.CreateClientAsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/telemetry", new StringContent("[]", Encoding.UTF8, "application/json"))).StatusCode);
        }

        var (feed, _) = await host.FeedClientAsync();
        var sent = await feed.PostAsync("/api/telemetry", new StringContent("[]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(0, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await feed.PostAsJsonAsync("/api/simulation/sources", new { kind = "flood", simulated = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feed.PostAsJsonAsync("/api/clock", new { paused = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feed.GetAsync("/api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_token_past_its_rate_gets_429_with_retry_after_and_other_tokens_go_on()
    {
        var (client, _) = await host.FeedClientAsync();
        for (var i = 0; i < FeedHost.RequestsPerWindow; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/telemetry", new StringContent("[]", Encoding.UTF8, "application/json"))).StatusCode);
        var limited = await client.PostAsync("/api/telemetry", new StringContent("[]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        var (other, _) = await host.FeedClientAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsync("/api/telemetry", new StringContent("[]", Encoding.UTF8, "application/json"))).StatusCode);
    }

    private static DateTimeOffset UpdatedAt(JsonElement asset) => asset.GetProperty("updatedAt").GetDateTimeOffset();
}
