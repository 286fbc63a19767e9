using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using CityTwin.Web.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests.Alarms;

/// <summary>
/// Alarm changes reach the SignalR clients whose view they touch as <c>alarms</c> frames (lower-camel
/// keys under MessagePack too): the map's view, or an open list's filters; every client gets the
/// city-wide <c>alarmSummary</c>.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class AlarmPushTests(TwinAppFactory app)
{
    [Fact]
    public async Task An_acknowledgement_is_pushed_to_json_and_messagepack_clients()
    {
        var json = new ConcurrentQueue<JsonElement>();
        var packed = new ConcurrentQueue<object?>();
        await using var jsonClient = await ConnectAsync(false, c => c.On<JsonElement>("alarms", f => json.Enqueue(f)));
        await using var packClient = await ConnectAsync(true, c => c.On<object?>("alarms", f => packed.Enqueue(f)));
        // Both watch the whole city on their maps.
        await jsonClient.InvokeAsync<JsonElement>("WatchAlarms", new AlarmWatchRequest { Bbox = [120.0, 33.0, 130.0, 40.0] });
        await packClient.InvokeAsync<object?>("WatchAlarms", new AlarmWatchRequest { Bbox = [120.0, 33.0, 130.0, 40.0] });
        using var op = await app.CreateClientAsAsync(Roles.Operator);
        var dong = AlarmTestRules.Dong(app, 2);
        var rule = await AlarmTestRules.CreateAsync(op, dong, "major");
        var id = (await AlarmTestRules.AlarmOfAsync(op, rule, dong)).GetProperty("id").GetString()!;

        Assert.Equal(System.Net.HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/alarms/{id}/acknowledge", new { note = "seen" })).StatusCode);
        await Wait.UntilAsync(() => json.SelectMany(f => f.EnumerateArray()).Any(a => a.GetProperty("id").GetString() == id && a.GetProperty("state").GetString() == "activeAcknowledged"),
            TimeSpan.FromSeconds(30), "the acknowledgement in a JSON alarms frame");
        await Wait.UntilAsync(() => !packed.IsEmpty, TimeSpan.FromSeconds(30), "a MessagePack alarms frame");
        var item = Assert.IsType<Dictionary<object, object>>(Assert.IsType<object[]>(packed.First())[0]);
        Assert.Contains("ruleName", item.Keys.Cast<string>());
        Assert.All(item.Keys.Cast<string>(), k => Assert.True(char.IsLower(k[0]), $"key {k}"));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/alarm-rules/{rule}")).StatusCode);
    }

    [Fact]
    public async Task Each_client_gets_the_changes_in_its_view_or_its_open_list_and_everyone_the_summary()
    {
        using var op = await app.CreateClientAsAsync(Roles.Operator);
        var dongA = AlarmTestRules.Dong(app, 5);
        var whereA = SubstationOf(dongA);
        // Dong B: the next such dong whose substation is well outside A's view.
        var dongB = Enumerable.Range(6, 40).Select(n => AlarmTestRules.Dong(app, n))
            .First(d => SubstationOf(d) is var p && (Math.Abs(p.Lon - whereA.Lon) > 0.03 || Math.Abs(p.Lat - whereA.Lat) > 0.03));
        var whereB = SubstationOf(dongB);
        var ruleA = await AlarmTestRules.CreateAsync(op, dongA, "major");
        var ruleB = await AlarmTestRules.CreateAsync(op, dongB, "minor");
        var idA = (await AlarmTestRules.AlarmOfAsync(op, ruleA, dongA)).GetProperty("id").GetString()!;
        var idB = (await AlarmTestRules.AlarmOfAsync(op, ruleB, dongB)).GetProperty("id").GetString()!;

        var frames = new Dictionary<string, ConcurrentQueue<JsonElement>>();
        var summaries = new ConcurrentQueue<JsonElement>();
        async Task<HubConnection> Client(string name, bool summary = false)
        {
            var queue = frames[name] = new ConcurrentQueue<JsonElement>();
            return await ConnectAsync(false, c =>
            {
                c.On<JsonElement>("alarms", f => { foreach (var a in f.EnumerateArray()) queue.Enqueue(a); });
                if (summary) c.On<JsonElement>("alarmSummary", s => summaries.Enqueue(s));
            });
        }
        await using var mapA = await Client("mapA");
        await using var mapB = await Client("mapB");
        await using var list = await Client("list");
        await using var idle = await Client("idle", summary: true);
        // Map A looks at dong A's substation, map B at dong B's; the list is open on major alarms city-wide; idle watches nothing.
        var snapshotA = await mapA.InvokeAsync<JsonElement>("WatchAlarms", new { bbox = Around(whereA) });
        var snapshotB = await mapB.InvokeAsync<JsonElement>("WatchAlarms", new { bbox = Around(whereB) });
        await list.InvokeAsync<JsonElement>("WatchAlarms", new { list = true, severity = "major" });
        Assert.Contains(Ids(snapshotA), id => id == idA);
        Assert.DoesNotContain(Ids(snapshotA), id => id == idB);
        Assert.Contains(Ids(snapshotB), id => id == idB);
        Assert.DoesNotContain(Ids(snapshotB), id => id == idA);

        static bool Has(ConcurrentQueue<JsonElement> q, string id, string state) =>
            q.Any(a => a.GetProperty("id").GetString() == id && a.GetProperty("state").GetString() == state);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/alarms/{idA}/acknowledge", new { note = "A" })).StatusCode);
        await Wait.UntilAsync(() => Has(frames["mapA"], idA, "activeAcknowledged"), TimeSpan.FromSeconds(30), "A's acknowledgement on map A");
        await Wait.UntilAsync(() => Has(frames["list"], idA, "activeAcknowledged"), TimeSpan.FromSeconds(30), "A's acknowledgement on the open list");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/alarms/{idB}/acknowledge", new { note = "B" })).StatusCode);
        await Wait.UntilAsync(() => Has(frames["mapB"], idB, "activeAcknowledged"), TimeSpan.FromSeconds(30), "B's acknowledgement on map B");
        // Everyone hears the counts after B's change; by then each connection got every frame meant for it, in order.
        await Wait.UntilAsync(() => !summaries.IsEmpty, TimeSpan.FromSeconds(30), "an alarmSummary frame on the idle client");

        Assert.DoesNotContain(frames["mapB"], a => a.GetProperty("id").GetString() == idA);
        Assert.DoesNotContain(frames["mapA"], a => a.GetProperty("id").GetString() == idB);
        Assert.DoesNotContain(frames["list"], a => a.GetProperty("id").GetString() == idB); // minor: outside the list's filter
        Assert.All(frames["list"], a => Assert.Equal("major", a.GetProperty("severity").GetString()));
        Assert.Empty(frames["idle"]);
        var counts = summaries.Last();
        Assert.True(counts.GetProperty("active").GetInt32() >= 2, counts.ToString());
        Assert.True(counts.TryGetProperty("newCritical", out _), counts.ToString());

        foreach (var rule in new[] { ruleA, ruleB })
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/alarm-rules/{rule}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"bbox\":[1,2,3]}")]
    [InlineData("{\"bbox\":[130,40,120,33]}")]
    [InlineData("{\"bbox\":[120,33,130,40],\"severity\":\"loud\"}")]
    [InlineData("{\"list\":true,\"service\":\"1\"}")]
    public async Task A_malformed_watch_is_refused_with_a_message_naming_the_field(string body)
    {
        await using var client = await ConnectAsync(false, _ => { });
        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<JsonElement>("WatchAlarms", JsonDocument.Parse(body).RootElement));
        Assert.Matches("bbox|severity|service", error.Message);
    }

    private (double Lon, double Lat) SubstationOf(string dong)
    {
        var catalog = app.Services.GetRequiredService<Model.City.CityCatalog>();
        var s = catalog.AssetsInDong(dong).Single(a => a.Kind == Abstractions.Assets.AssetKind.Substation);
        return (s.Lon, s.Lat);
    }

    private static double[] Around((double Lon, double Lat) p) => [p.Lon - 0.005, p.Lat - 0.005, p.Lon + 0.005, p.Lat + 0.005];

    private static IEnumerable<string?> Ids(JsonElement items) => items.EnumerateArray().Select(a => a.GetProperty("id").GetString());

    private async Task<HubConnection> ConnectAsync(bool messagePack, Action<HubConnection> handlers)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/twin"), o => o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler());
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        handlers(connection);
        await connection.StartAsync();
        return connection;
    }
}
