using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.Live;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.Telemetry;

namespace CityTwin.Grains.Tests;

[Collection(GrainClusterCollection.Name)]
public sealed class LiveFeedTests(GrainClusterFixture fx)
{
    [Fact]
    public async Task Live_feed_carries_asset_deltas_only_when_something_changed()
    {
        var catalog = fx.Catalog;
        var dongCode = TestDongs.LiveFeed;
        var dong = fx.Client.GetGrain<INeighbourhoodGrain>(dongCode);
        var ours = catalog.AssetsInDong(dongCode).ToDictionary(a => a.Index);
        var generator = new TelemetryGenerator(catalog, catalog.Seed, outageShare: 0);
        var batch = generator.GenerateDong(dongCode, generator.ConditionsAt(TestCatalog.Local(2025, 4, 2, 17)));
        var feed = fx.Feed;
        var consumer = new RecordingConsumer();
        using var subscription = feed.Subscribe(consumer);
        feed.Flush(); // whatever earlier tests left behind
        consumer.Take();

        List<AssetDelta> OurDeltas()
        {
            feed.Flush();
            return [.. consumer.Take().SelectMany(f => f.Assets).Where(d => ours.ContainsKey(d.AssetIndex))];
        }

        // First time: every asset goes from never-heard to a value.
        Assert.Empty((await dong.IngestAsync(batch)).Rejected);
        var first = OurDeltas();
        Assert.Equal(ours.Count, first.Count);
        Assert.Equal(ours.Keys.Order(), first.Select(d => d.AssetIndex).Order());
        var sent = batch.Readings.ToDictionary(r => r.AssetId);
        foreach (var delta in first)
        {
            var asset = ours[delta.AssetIndex];
            Assert.Equal(sent[asset.Id].Values, delta.Values);
            Assert.Equal(Expected.StatusOf(asset.Kind, sent[asset.Id].Values), delta.Status);
            Assert.Equal(batch.Timestamp.ToUnixTimeMilliseconds(), delta.TimestampMs);
        }

        // The same batch again changes nothing, so no asset is republished.
        Assert.Empty((await dong.IngestAsync(batch)).Rejected);
        Assert.Empty(OurDeltas());

        // One changed value gives exactly one delta.
        var light = catalog.Pick(dongCode, AssetKind.StreetlightCircuit, 1)[0];
        double[] changed = [9.9, 100, 0];
        Assert.NotEqual(sent[light.Id].Values, changed);
        Assert.Empty((await dong.IngestAsync(new TelemetryBatch(batch.Timestamp, [new AssetReading(light.Id, changed)]))).Rejected);
        var third = OurDeltas();
        var only = Assert.Single(third);
        Assert.Equal(light.Index, only.AssetIndex);
        Assert.Equal(changed, only.Values);
    }
}
