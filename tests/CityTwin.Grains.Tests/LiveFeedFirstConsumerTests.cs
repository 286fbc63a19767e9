using CityTwin.Abstractions.Areas;
using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Kpis;
using CityTwin.Abstractions.Live;
using CityTwin.Grains.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CityTwin.Grains.Tests;

/// <summary>
/// Changes published before anyone listens (the first ticks of a start, before the web app's
/// broadcaster subscribes) are kept for the first consumer: the grains send an asset only when it
/// changes, so a dropped first value would leave a steady asset unknown to the map.
/// </summary>
public sealed class LiveFeedFirstConsumerTests
{
    [Fact]
    public void What_was_published_before_the_first_consumer_reaches_it_latest_value_first()
    {
        using var feed = new LiveFeed(NullLogger<LiveFeed>.Instance, new FakeTimeProvider(DateTimeOffset.UtcNow));
        feed.PublishAssets([new AssetDelta(7, AssetStatus.Ok, [1.0], 1_000, 2_000)]);
        feed.PublishAssets([new AssetDelta(7, AssetStatus.Warning, [2.0], 1_500, 2_500), new AssetDelta(9, AssetStatus.Ok, [3.0], 1_500, 2_500)]);
        feed.PublishKpis(AreaLevel.Dong, "2818551000", KpiSet.Empty);

        // Nobody listens: a flush delivers nothing and drops nothing.
        Assert.False(feed.Flush());

        var consumer = new RecordingConsumer();
        using var subscription = feed.Subscribe(consumer);
        Assert.True(feed.Flush());
        var frame = Assert.Single(consumer.Take());
        Assert.Equal([(7, 2.0), (9, 3.0)], frame.Assets.Select(d => (d.AssetIndex, d.Values[0])).Order());
        Assert.Equal(AssetStatus.Warning, frame.Assets.Single(d => d.AssetIndex == 7).Status);
        Assert.Contains((AreaLevel.Dong, "2818551000"), frame.Kpis.Keys);

        // Once delivered, it is gone: the next flush has nothing.
        Assert.False(feed.Flush());
    }
}
