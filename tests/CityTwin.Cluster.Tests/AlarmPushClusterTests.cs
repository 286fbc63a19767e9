using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityTwin.Cluster.Tests;

/// <summary>
/// Every web node of a cluster pushes alarm changes alike, each to its own clients whose map view
/// they touch: an alarm raised by the silos (a rule made on web node A) reaches the clients on
/// node A and node B that watch the asset, not a client on node B that watches a far-away view,
/// and every client hears the city-wide <c>alarmSummary</c>.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AlarmPushClusterTests(LocalCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private const string Dong = "2818563000"; // a Yeonsu-gu dong with one substation

    [Fact]
    public async Task An_alarm_reaches_the_clients_watching_its_asset_on_both_web_nodes_and_not_a_far_view()
    {
        var (nodeB, urlB) = await cluster.StartWebNodeAsync("web-alarm-push");
        try
        {
            using var http = await cluster.CreateAdminClientAsync(); // on web node A
            var (assetId, lon, lat) = await SubstationOfAsync(http);

            var nearB = new Watcher("near on B");
            var farB = new Watcher("far on B");
            var nearA = new Watcher("near on A");
            await using var nearBConnection = await nearB.ConnectAsync(urlB, [lon - 0.002, lat - 0.002, lon + 0.002, lat + 0.002]);
            await using var farBConnection = await farB.ConnectAsync(urlB, [lon + 0.2, lat + 0.2, lon + 0.21, lat + 0.21]);
            await using var nearAConnection = await nearA.ConnectAsync(cluster.WebUrl, [lon - 0.002, lat - 0.002, lon + 0.002, lat + 0.002]);
            // Summaries counted from here on belong to changes after every client watched.
            foreach (var w in new[] { nearB, farB, nearA }) w.Summaries.Clear();

            // A rule every substation of the dong breaks at once: the silos raise a real alarm on the asset.
            var created = await http.PostAsJsonAsync("/api/alarm-rules", new
            {
                name = "Cluster: pushed substation alarm", type = "threshold", kind = "substation", channel = "loading_pct",
                limit = -1, areaCode = Dong, severity = "major", service = "disaster",
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}\n{cluster.Logs()}");
            var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            try
            {
                bool Names(JsonElement a) => a.GetProperty("ruleId").GetString() == ruleId && a.GetProperty("sourceId").GetString() == assetId;
                await Wait.UntilAsync(() => nearB.Alarms.Any(Names), Timeout, "the alarm on the near client of web node B", cluster.Logs);
                await Wait.UntilAsync(() => nearA.Alarms.Any(Names), Timeout, "the alarm on the near client of web node A", cluster.Logs);
                foreach (var w in new[] { nearB, farB, nearA })
                    await Wait.UntilAsync(() => !w.Summaries.IsEmpty, Timeout, $"an alarmSummary on the {w.Name} client", cluster.Logs);

                var pushed = nearB.Alarms.First(Names);
                Assert.Equal(lon, pushed.GetProperty("lon").GetDouble(), 6);
                Assert.Equal(lat, pushed.GetProperty("lat").GetDouble(), 6);
                Assert.True(farB.Summaries.Last().GetProperty("active").GetInt32() >= 1, farB.Summaries.Last().ToString());
                Assert.DoesNotContain(farB.Alarms, a => a.GetProperty("sourceId").GetString() == assetId);
            }
            finally
            {
                Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/alarm-rules/{ruleId}")).StatusCode);
            }
        }
        finally
        {
            nodeB.Terminate();
            await nodeB.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>The dong's substation and where it stands, from the public asset list.</summary>
    private static async Task<(string Id, double Lon, double Lat)> SubstationOfAsync(HttpClient http)
    {
        var assets = await http.GetFromJsonAsync<JsonElement>("/api/assets?kind=substation&limit=50000");
        var feature = assets.GetProperty("features").EnumerateArray()
            .First(f => f.GetProperty("properties").GetProperty("dongCode").GetString() == Dong);
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        return (feature.GetProperty("id").GetString()!, coordinates[0].GetDouble(), coordinates[1].GetDouble());
    }

    /// <summary>One SignalR client watching alarms in a map view, keeping what it is pushed.</summary>
    private sealed class Watcher(string name)
    {
        public string Name { get; } = name;
        public ConcurrentQueue<JsonElement> Alarms { get; } = new();
        public ConcurrentQueue<JsonElement> Summaries { get; } = new();

        public async Task<HubConnection> ConnectAsync(Uri node, double[] bbox)
        {
            var connection = new HubConnectionBuilder().WithUrl(new Uri(node, "/hubs/twin")).Build();
            connection.On<JsonElement>("alarms", f => { foreach (var a in f.EnumerateArray()) Alarms.Enqueue(a); });
            connection.On<JsonElement>("alarmSummary", Summaries.Enqueue);
            await connection.StartAsync();
            await connection.InvokeAsync<JsonElement>("WatchAlarms", new { bbox });
            return connection;
        }
    }
}
