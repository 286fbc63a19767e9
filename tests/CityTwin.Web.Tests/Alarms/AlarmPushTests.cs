using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests.Alarms;

/// <summary>Alarm changes reach SignalR clients as <c>alarms</c> frames, with lower-camel keys under MessagePack too.</summary>
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
