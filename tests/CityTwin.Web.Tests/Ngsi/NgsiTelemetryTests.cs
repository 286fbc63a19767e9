using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityTwin.Web.Tests.Feeds;

namespace CityTwin.Web.Tests.Ngsi;

/// <summary>A reading sent to <c>POST /api/telemetry</c> shows in the NGSI-LD answer, with the model's derived attributes.</summary>
[Collection(FeedCollection.Name)]
public sealed class NgsiTelemetryTests(FeedHost host)
{
    [Fact]
    public async Task A_flood_reading_from_the_feed_is_the_flood_monitorings_current_level_and_status()
    {
        var sensor = host.TakeAssets(sameDong: 1)[0];
        await host.LeaveToFeedAsync(sensor);
        var (feed, _) = await host.FeedClientAsync();
        using var reader = host.App.CreateHttpClient();
        var urn = $"urn:ngsi-ld:FloodMonitoring:{sensor.Id}";
        var url = $"{NgsiClient.Prefix}/entities/{Uri.EscapeDataString(urn)}";

        foreach (var (level, status) in new[] { (22.5, "alert"), (31.25, "danger"), (4.5, "normal") })
        {
            var at = DateTimeOffset.UtcNow.AddSeconds(1);
            var body = FormattableString.Invariant($$$"""[{"assetId":"{{{sensor.Id}}}","ts":"{{{at:O}}}","values":{"level_cm":{{{level}}},"rain_mmh":7.5}}]""");
            var sent = await feed.PostAsync("/api/telemetry", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            Assert.Equal(1, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());

            var entity = await TwinAppFactory.PollAsync<JsonElement>(reader, url, e => e.Value("currentLevel").GetDouble() == level, TimeSpan.FromSeconds(30));
            Assert.Equal(status, entity.Value("floodLevelStatus").GetString());
            Assert.Equal(7.5, entity.Value("precipitation").GetDouble());
            Assert.Equal("CMT", entity.GetProperty("currentLevel").GetProperty("unitCode").GetString());
            Assert.Equal(entity.GetProperty("currentLevel").GetProperty("observedAt").GetString(),
                entity.GetProperty("observationDateTime").GetProperty("value").GetProperty("@value").GetString());
            // And the query language sees the new value too.
            var matching = await reader.EntitiesAsync(FormattableString.Invariant($"type=FloodMonitoring&q=currentLevel=={level};dongCode==%22{sensor.DongCode}%22&limit=1000"));
            Assert.Contains(urn, matching.Ids());
        }
    }
}
