using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityTwin.Cluster.Tests;

/// <summary>
/// A tour session lives in a grain, not in a web node: the presenter drives it through one web node
/// and a follower connected to another web node of the cluster moves with it, lands on the current
/// stop when it joins late, and sees the presenter's ping; the follower cannot drive it from there.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TourSessionClusterTests(LocalCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_follower_on_another_web_node_follows_the_presenter()
    {
        var (secondNode, secondUrl) = await cluster.StartWebNodeAsync("web2");
        try
        {
            using var presenter = await cluster.CreateAdminClientAsync(); // on the first web node
            var started = await presenter.PostAsync("/api/tours/songdo-field-visit/present", null);
            Assert.True(started.StatusCode == HttpStatusCode.Created, $"present: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}\n{cluster.Logs()}");
            var code = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

            var stops = new ConcurrentQueue<JsonElement>();
            var pings = new ConcurrentQueue<JsonElement>();
            await using var follower = new HubConnectionBuilder().WithUrl(new Uri(secondUrl, "/hubs/twin")).Build();
            follower.On<JsonElement>("tourStop", stops.Enqueue);
            follower.On<JsonElement>("tourPing", pings.Enqueue);
            await follower.StartAsync();
            var joined = await follower.InvokeAsync<JsonElement>("JoinTour", code);
            Assert.Equal(0, joined.GetProperty("stopIndex").GetInt32());

            Assert.Equal(HttpStatusCode.OK, (await presenter.PostAsJsonAsync($"/api/tour-sessions/{code}/stop", new { index = 1 })).StatusCode);
            await Wait.UntilAsync(() => stops.Any(s => s.GetProperty("stopIndex").GetInt32() == 1), Timeout, "the follower on web2 to receive stop 2", cluster.Logs);
            Assert.Equal("ifez-scoc", stops.Last().GetProperty("targetId").GetString());

            Assert.Equal(HttpStatusCode.Accepted, (await presenter.PostAsJsonAsync($"/api/tour-sessions/{code}/ping", new { lon = 126.634, lat = 37.396 })).StatusCode);
            await Wait.UntilAsync(() => !pings.IsEmpty, Timeout, "the ping on web2", cluster.Logs);

            // A late joiner on the second node lands on the current stop.
            await using var late = new HubConnectionBuilder().WithUrl(new Uri(secondUrl, "/hubs/twin")).Build();
            await late.StartAsync();
            Assert.Equal(1, (await late.InvokeAsync<JsonElement>("JoinTour", code)).GetProperty("stopIndex").GetInt32());

            // Followers cannot drive it from the second node.
            using var anonymous = new HttpClient { BaseAddress = secondUrl, Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/tour-sessions/{code}/stop", new { index = 0 })).StatusCode);
            Assert.Equal(1, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/tour-sessions/{code}")).GetProperty("stopIndex").GetInt32());

            Assert.Equal(HttpStatusCode.NoContent, (await presenter.DeleteAsync($"/api/tour-sessions/{code}")).StatusCode);
        }
        finally
        {
            // Stopped here; the cluster disposes it with the others.
            secondNode.Terminate();
            await secondNode.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
