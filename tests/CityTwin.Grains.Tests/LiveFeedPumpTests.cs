using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Live;
using CityTwin.Grains.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CityTwin.Grains.Tests;

/// <summary>
/// The live feed leaves the silo when data lands, not on a fixed cadence: idle, a publication is
/// flushed at once; within the flush interval of the previous flush, publications wait and are
/// coalesced into one frame, latest value per asset. Time is a fake clock, so nothing here depends
/// on how fast the machine is.
/// </summary>
public sealed class LiveFeedPumpTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Data_is_flushed_as_soon_as_it_lands_and_coalesced_while_the_interval_runs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var feed = new LiveFeed(NullLogger<LiveFeed>.Instance, time);
        var consumer = new RecordingConsumer();
        using var subscription = feed.Subscribe(consumer);
        using var pump = new LiveFeedPump(feed, Options.Create(new LiveFeedOptions { FlushInterval = Interval }), time);
        await pump.StartAsync(CancellationToken.None);
        try
        {
            feed.PublishAssets([Delta(1, 10)]);
            var first = await FramesAsync(consumer, advance: time);
            var only = Assert.Single(Assert.Single(first).Assets);
            Assert.Equal((1, 10.0), (only.AssetIndex, only.Values[0]));

            // Right after a flush: everything published waits for the interval, then leaves together.
            feed.PublishAssets([Delta(2, 1)]);
            feed.PublishAssets([Delta(2, 2)]);
            feed.PublishAssets([Delta(2, 3), Delta(3, 7)]);
            var second = await FramesAsync(consumer, advance: time);
            var frame = Assert.Single(second);
            Assert.Equal([(2, 3.0), (3, 7.0)], frame.Assets.Select(d => (d.AssetIndex, d.Values[0])).Order());

            // Idle for longer than the interval: the next publication leaves without the clock moving.
            time.Advance(Interval * 2);
            feed.PublishAssets([Delta(4, 5)]);
            var third = await FramesAsync(consumer, advance: null);
            Assert.Equal(4, Assert.Single(Assert.Single(third).Assets).AssetIndex);
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_publication_after_a_flush_is_never_lost()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var feed = new LiveFeed(NullLogger<LiveFeed>.Instance, time);
        var consumer = new RecordingConsumer();
        using var subscription = feed.Subscribe(consumer);
        using var pump = new LiveFeedPump(feed, Options.Create(new LiveFeedOptions { FlushInterval = Interval }), time);
        await pump.StartAsync(CancellationToken.None);
        try
        {
            var received = new Dictionary<int, double>();
            for (var round = 1; round <= 20; round++)
            {
                feed.PublishAssets([Delta(round % 4, round)]);
                foreach (var f in await FramesAsync(consumer, advance: time))
                    foreach (var d in f.Assets) received[d.AssetIndex] = d.Values[0];
                Assert.Equal(round, received[round % 4]);
            }
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }

    private static AssetDelta Delta(int index, double value) => new(index, AssetStatus.Ok, [value], 1_000, 2_000);

    /// <summary>
    /// Waits for the next frames; with a fake clock, moves it on a millisecond at a time while
    /// waiting, so that a step taken just after a flush leaves the next interval almost whole.
    /// </summary>
    private static async Task<IReadOnlyList<LiveFrame>> FramesAsync(RecordingConsumer consumer, FakeTimeProvider? advance)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var frames = consumer.Take();
            if (frames.Count > 0) return frames;
            advance?.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(5);
        }
        throw new TimeoutException("no frame was flushed");
    }
}
