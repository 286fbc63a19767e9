using System.Net;
using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Live;
using CityTwin.Model.City;
using CityTwin.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

/// <summary>
/// Compact asset frames on the real hub: what MessagePack clients receive, how small it is, that
/// it decodes with the served directory to the live state, and that area frames keep to the view.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class CompactFrameTests(TwinAppFactory app)
{
    private static readonly double[] Songdo = [126.625, 37.385, 126.645, 37.400];

    [Fact]
    public async Task MessagePack_clients_get_compact_frames_under_30_bytes_per_asset_that_decode_to_the_live_state()
    {
        var state = app.Services.GetRequiredService<LiveState>();
        await using var client = await HubClient.ConnectAsync(app, messagePack: true);
        await client.SubscribeAsync(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        await client.WaitUntilAsync(() => client.CompactFrames.Count >= 3, TimeSpan.FromSeconds(30), "compact asset frames");
        var reader = await CompactFrames.ReaderAsync(app);

        foreach (var frame in client.CompactFrames)
        {
            var items = reader.Read(frame);
            Assert.NotEmpty(items);
            Assert.All(items, i => Assert.InRange(i.Bytes, 5, 30));
            // The whole frame, header included, is within the budget once it holds more than a few assets.
            if (items.Count >= 10) Assert.True((double)frame.Length / items.Count <= 30, $"{frame.Length} B for {items.Count} items");
            Assert.All(items, i => Assert.Contains(i.Status, new[] { "ok", "warning", "alarm", "offline" }));
            Assert.Equal(items.Count, items.Select(i => i.Index).Distinct().Count());
        }
        var decoded = client.AssetFrames.SelectMany(f => f).ToList();
        Assert.Contains(decoded, i => i.Id.StartsWith("building-") && i.Values.ContainsKey("load_kw"));
        Assert.Contains(decoded, i => i.Id.StartsWith("road-") && i.Values.ContainsKey("vc"));

        // The newest frame names the values the server holds now (as float32), unless a tick has
        // moved them on since: then a later frame will match.
        await client.WaitUntilAsync(() =>
        {
            var items = reader.Read(client.CompactFrames.Last());
            var same = items.Count(i =>
            {
                var values = state.ValuesOf(i.Index);
                var status = FrameFactory.StatusName(state.StatusOf(i.Index));
                return status == i.Status && values.Length == i.Values.Count &&
                       i.Values.Values.Zip(values).All(p => p.First == (float)p.Second);
            });
            return same * 2 >= items.Count;
        }, TimeSpan.FromSeconds(30), "a compact frame matching the live state");
    }

    [Fact]
    public async Task The_asset_directory_is_the_catalogue_in_order_with_the_version_frames_carry()
    {
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var reader = await CompactFrames.ReaderAsync(app);
        Assert.Equal(catalog.Assets.Count, reader.Dir.Count);
        Assert.Equal(catalog.Assets.Select(a => a.Id), reader.Dir.Ids);
        Assert.Equal(catalog.Id, reader.Dir.City);
        var firstRoad = catalog.Assets.First(a => a.Id.StartsWith("road-"));
        Assert.Equal(["flow_vph", "speed_kmh", "vc"], reader.Dir.Kinds[reader.Dir.KindOf[firstRoad.Index]].Channels);

        await using var client = await HubClient.ConnectAsync(app, messagePack: true);
        await client.SubscribeAsync(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        await client.WaitUntilAsync(() => !client.CompactFrames.IsEmpty, TimeSpan.FromSeconds(30), "a compact frame");
        Assert.All(client.CompactFrames, f => Assert.Equal(reader.Dir.Version, CompactFrames.Header(f).Version));

        // Browsers keep it: asked again with its ETag, the server answers 304 without a body.
        using var http = app.CreateClient();
        var first = await http.GetAsync("/api/live/assets");
        var etag = Assert.Single(first.Headers.GetValues("ETag"));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/live/assets");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Area_frames_carry_only_the_areas_in_view(bool messagePack)
    {
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        await using var client = await HubClient.ConnectAsync(app, messagePack);
        await client.SubscribeAsync(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        // Frames queued before the subscription may still be on their way: let them land, then watch.
        await client.WaitUntilAsync(() => !client.AreaFrames.IsEmpty, TimeSpan.FromSeconds(20), "a first area frame");
        await Task.Delay(1000);
        client.AreaFrames.Clear();
        await client.WaitUntilAsync(() => client.AreaFrames.SelectMany(f => f).Any(a => a.Level == "dong"), TimeSpan.FromSeconds(30), "dong KPIs in view");

        var seen = client.AreaFrames.SelectMany(f => f).ToList();
        var inView = seen.Where(a => a.Level == "dong").Select(a => catalog.FindDong(a.Code)!).ToList();
        Assert.All(inView, d =>
        {
            var e = d.Boundary.EnvelopeInternal;
            Assert.True(e.MinX <= Songdo[2] && e.MaxX >= Songdo[0] && e.MinY <= Songdo[3] && e.MaxY >= Songdo[1], $"dong {d.Code} is out of view");
        });
        // A handful of dongs around central Songdo, not the city's 150-odd.
        Assert.InRange(seen.Where(a => a.Level == "dong").Select(a => a.Code).Distinct().Count(), 1, 20);
        Assert.DoesNotContain(seen, a => a.Level == "gu" && catalog.FindDistrict(a.Code)!.Boundary.EnvelopeInternal.MaxY < Songdo[1]);
    }

    [Fact]
    public void Clients_looking_at_the_same_tiles_share_one_encoded_frame()
    {
        var catalog = app.Services.GetRequiredService<CityCatalog>();
        var directory = app.Services.GetRequiredService<AssetDirectory>();
        var tiles = new FrameTiles(catalog);
        var cache = new TileFrameCache(directory, tiles);
        var deltas = catalog.Assets.Select(a => new AssetDelta(a.Index, Abstractions.Assets.AssetStatus.Warning, [1.5, 2.5, 3.5], 1_700_000_000_000 + a.Index)).ToList();
        cache.Begin(deltas);

        var view = new Viewport(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        var nudged = view with { West = view.West + 1e-6, North = view.North - 1e-6 };
        Assert.Equal(FrameTiles.RangeOf(view), FrameTiles.RangeOf(nudged));
        var frame = cache.FrameFor(view);
        Assert.NotNull(frame);
        Assert.Same(frame, cache.FrameFor(nudged));

        // It holds exactly the assets of the view's tiles, each once.
        var range = FrameTiles.RangeOf(view);
        var expected = catalog.Assets.Where(a => tiles.Contains(range, a.Index)).Select(a => a.Index).Order().ToList();
        var indexes = new List<int>();
        for (var at = CompactAssetFrame.HeaderLength; at < frame.Length; at += CompactAssetFrame.ItemLength(directory.ChannelsOf(indexes[^1])))
            indexes.Add(BitConverter.ToInt32(frame, at));
        Assert.Equal(expected, indexes.Order());
        Assert.Equal(deltas.Where(d => expected.Contains(d.AssetIndex)).Max(d => d.TimestampMs), CompactAssetFrame.ReadTs(frame));

        // Another part of the city gets its own frame; a patch of sea with no assets gets none.
        Assert.NotSame(frame, cache.FrameFor(new Viewport(126.40, 37.70, 126.50, 37.76, 14)));
        Assert.Null(cache.FrameFor(new Viewport(124.0, 36.0, 124.01, 36.01, 15)));
    }

    [Fact]
    public void A_client_that_falls_behind_gets_a_snapshot_instead_of_every_frame_it_missed()
    {
        var queue = new CompactQueue();
        queue.Add(new byte[100]);
        queue.Add(new byte[100]);
        var (frames, snapshot) = queue.Take();
        Assert.Equal(2, frames.Count);
        Assert.False(snapshot);
        Assert.False(queue.HasPending);

        for (var i = 0; i <= CompactQueue.MaxFrames; i++) queue.Add(new byte[100]);
        (frames, snapshot) = queue.Take();
        Assert.Empty(frames);
        Assert.True(snapshot);
        queue.Add(new byte[CompactQueue.MaxBytes + 1]);
        Assert.True(queue.Take().Snapshot);
    }
}
