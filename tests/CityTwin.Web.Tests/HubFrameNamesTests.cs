using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

/// <summary>
/// Every server→client message keeps lower-camel-case field names under MessagePack too, where
/// nothing renames them unless the frame type says so: the browser reads the same names whichever
/// protocol it negotiated. Asset changes are the exception: MessagePack clients get them as compact
/// binary frames (<c>assetsCompact</c>), JSON clients as named items.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class HubFrameNamesTests(TwinAppFactory app)
{
    private static readonly Dictionary<string, string[]> ExpectedKeys = new()
    {
        ["districts"] = ["code", "level", "kpis"],
        ["clock"] = ["simTime", "speed", "paused", "sunrise", "sunset", "temperatureC", "rainMmH", "timeline"],
        ["scenario"] = ["id", "status", "progress", "queuePosition"],
    };

    [Fact]
    public async Task Every_message_kind_has_lower_camel_case_keys_under_MessagePack()
    {
        var received = new ConcurrentDictionary<string, object?>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/twin"), o => o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler())
            .AddMessagePackProtocol()
            .Build();
        // Untyped arguments: MessagePack hands over its maps as they arrived, keys as sent.
        foreach (var kind in ExpectedKeys.Keys)
            connection.On<object?>(kind, body => received[kind] = body);
        // Asset changes come as compact binary frames under MessagePack (no keys at all; see CompactFrameTests).
        byte[]? compact = null;
        connection.On<byte[]>("assetsCompact", body => compact = body);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", new { bbox = new[] { 126.625, 37.385, 126.645, 37.400 }, zoom = 15 });

        using var http = app.CreateClientAs(Roles.Planner);
        var started = await http.PostAsJsonAsync("/api/scenarios", new
        {
            name = "frame names",
            start = new { kind = "baseline", date = "2026-07-15" },
            horizonHours = 1,
            stepMinutes = 60,
            interventions = new[] { new { type = "led-retrofit", target = new { kind = "city" } } },
        });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((received.Count < ExpectedKeys.Count || compact is null) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(ExpectedKeys.Keys.Order(), received.Keys.Order());
        Assert.Equal(2, CompactFrames.Header(Assert.IsType<byte[]>(compact)).Format);

        foreach (var (kind, expected) in ExpectedKeys)
        {
            // Lists of items (assets, districts) or a single object (clock, scenario).
            var body = received[kind];
            var frame = body is object[] items ? Assert.IsType<Dictionary<object, object>>(items[0]) : Assert.IsType<Dictionary<object, object>>(body);
            Assert.Equal(expected.Order(), frame.Keys.Cast<string>().Order());
        }
    }
}
