using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Live;
using CityTwin.Model.Telemetry;

namespace CityTwin.Grains.Tests;

/// <summary>
/// A dong hands an asset whose values stay the same to the live feed again once a minute, so a web
/// node that joined after its last change learns it (and does not show it offline for hours).
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class LiveRefreshTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task A_steady_asset_is_republished_after_the_refresh_interval()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.LiveRefresh;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var ours = catalog.AssetsInDong(dongCode).Select(a => a.Index).ToHashSet();
        var generator = new TelemetryGenerator(catalog, catalog.Seed, outageShare: 0);
        var batch = generator.GenerateDong(dongCode, generator.ConditionsAt(TestCatalog.Local(2025, 4, 2, 13)));
        var feed = fx.Feed;
        var consumer = new RecordingConsumer();
        using var subscription = feed.Subscribe(consumer);

        List<AssetDelta> OurDeltas()
        {
            feed.Flush();
            return [.. consumer.Take().SelectMany(f => f.Assets).Where(d => ours.Contains(d.AssetIndex))];
        }

        Assert.Empty((await dong.IngestAsync(batch)).Rejected);
        Assert.Equal(ours.Count, OurDeltas().Count);
        var sentAt = Environment.TickCount64;

        // Within the interval the same values are not sent again (checked right away, long before it ends).
        Assert.Empty((await dong.IngestAsync(batch)).Rejected);
        var again = OurDeltas();
        if (Environment.TickCount64 - sentAt < NeighbourhoodGrain.LiveRefreshMs) Assert.Empty(again);

        // Once it has passed, every asset of the dong goes out again with the values it holds.
        await Task.Delay(TimeSpan.FromMilliseconds(NeighbourhoodGrain.LiveRefreshMs + 1_000));
        Assert.Empty((await dong.IngestAsync(batch)).Rejected);
        var refreshed = OurDeltas();
        Assert.Equal(ours.Order(), refreshed.Select(d => d.AssetIndex).Order());
        var sent = batch.Readings.ToDictionary(r => r.AssetId, r => r.Values);
        Assert.All(refreshed, d => Assert.Equal(sent[catalog.Assets[d.AssetIndex].Id], d.Values));
    }
}
