using CityTwin.Web.Live;
using CityTwin.Model.City;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

[Collection(TwinCollection.Name)]
public sealed class HubTests(TwinAppFactory app)
{
    // Central Songdo (dense with real buildings and roads) and a patch of Ganghwa island far away.
    private static readonly double[] Songdo = [126.625, 37.385, 126.645, 37.400];
    private static readonly double[] Ganghwa = [126.40, 37.70, 126.50, 37.76];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Client_receives_deltas_for_its_viewport_and_none_outside(bool messagePack)
    {
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        await using var songdo = await HubClient.ConnectAsync(app, messagePack);
        await using var ganghwa = await HubClient.ConnectAsync(app, messagePack);
        await songdo.SubscribeAsync(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        await ganghwa.SubscribeAsync(Ganghwa[0], Ganghwa[1], Ganghwa[2], Ganghwa[3], 14);

        // A snapshot first, then live deltas: wait for several frames.
        await songdo.WaitUntilAsync(() => songdo.AssetFrames.Count >= 3, TimeSpan.FromSeconds(20), "Songdo asset frames");
        await ganghwa.WaitUntilAsync(() => ganghwa.AssetFrames.Count >= 2, TimeSpan.FromSeconds(20), "Ganghwa asset frames");

        var songdoItems = songdo.AssetFrames.SelectMany(f => f).ToList();
        Assert.True(songdoItems.Count > 100, $"only {songdoItems.Count} Songdo items");
        // JSON clients get exactly their viewport; MessagePack clients the compact frames of the
        // tiles it touches (FrameTiles, zoom 17): at most one tile beyond each edge.
        var margin = messagePack ? 360.0 / (1 << FrameTiles.Zoom) : 0;
        Assert.All(songdoItems, item => AssertInside(catalog, item.Id, Songdo, margin));
        Assert.All(ganghwa.AssetFrames.SelectMany(f => f), item => AssertInside(catalog, item.Id, Ganghwa, margin));
        Assert.Contains(songdoItems, i => i.Id.StartsWith("building-") && i.Values.ContainsKey("load_kw"));
        Assert.Contains(songdoItems, i => i.Id.StartsWith("road-") && i.Values.ContainsKey("vc"));
        Assert.All(songdoItems, i => Assert.Contains(i.Status, new[] { "ok", "warning", "alarm", "offline" }));
        // Live values move: the same asset appears again with a newer timestamp.
        Assert.Contains(songdoItems.GroupBy(i => i.Id), g => g.Select(i => i.Ts).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Zoomed_out_client_gets_area_kpis_but_no_assets()
    {
        await using var client = await HubClient.ConnectAsync(app, messagePack: true);
        await client.SubscribeAsync(124.6, 37.0, 126.8, 38.0, 9);
        await client.WaitUntilAsync(() => client.AreaFrames.SelectMany(f => f).Any(a => a.Level == "gu"), TimeSpan.FromSeconds(15), "district KPIs");
        await client.WaitUntilAsync(() => client.AreaFrames.SelectMany(f => f).Any(a => a.Level == "dong"), TimeSpan.FromSeconds(15), "dong KPIs");
        await Task.Delay(1500);
        Assert.Empty(client.AssetFrames);
        var gu = client.AreaFrames.SelectMany(f => f).First(a => a.Level == "gu");
        Assert.True(gu.Kpis.ContainsKey("congestionIndex"));
        Assert.True(gu.Kpis["assets"] > 0);
    }

    [Fact]
    public async Task Clock_frames_carry_time_and_weather()
    {
        await using var client = await HubClient.ConnectAsync(app, messagePack: false);
        await client.WaitUntilAsync(() => client.ClockFrames.Count >= 2, TimeSpan.FromSeconds(15), "clock frames");
        var frame = client.ClockFrames.Last();
        Assert.True(DateTimeOffset.TryParse(frame.GetProperty("simTime").GetString(), out _));
        Assert.True(frame.TryGetProperty("temperatureC", out _));
        Assert.True(frame.TryGetProperty("sunset", out _));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, 14.0)]
    [InlineData(new[] { 127.0, 37.0, 126.0, 38.0 }, 14.0)]
    [InlineData(new[] { 126.0, 37.0, 127.0, 38.0 }, 40.0)]
    public async Task Invalid_subscriptions_are_refused_with_a_reason(double[] bbox, double zoom)
    {
        await using var client = await HubClient.ConnectAsync(app, messagePack: false);
        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("Subscribe", new { bbox, zoom }));
        Assert.Contains("Invalid subscription", error.Message);
        // The connection survives a bad request.
        await client.SubscribeAsync(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        await client.WaitUntilAsync(() => !client.AssetFrames.IsEmpty, TimeSpan.FromSeconds(15), "frames after a refused subscription");
    }

    private static void AssertInside(CityCatalog catalog, string id, double[] box, double margin = 0)
    {
        var a = catalog.FindAsset(id);
        Assert.NotNull(a);
        Assert.InRange(a.Lon, box[0] - margin, box[2] + margin);
        Assert.InRange(a.Lat, box[1] - margin, box[3] + margin);
    }
}
