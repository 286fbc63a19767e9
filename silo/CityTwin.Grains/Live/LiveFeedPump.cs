using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Live;

/// <summary>
/// Flushes the live feed as soon as something is published, so a batch reaches the web node at
/// once; two flushes are at least <see cref="LiveFeedOptions.FlushInterval"/> apart, so under load
/// everything that lands in between is coalesced into the next frame (latest value wins) and the
/// number of frames per second stays bounded whatever the ingest rate.
/// </summary>
public sealed class LiveFeedPump(LiveFeed feed, IOptions<LiveFeedOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gap = options.Value.FlushInterval;
        // Counting from start-up, so a long interval (tests that flush by hand) defers even the first flush.
        var last = time.GetTimestamp();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await feed.Arrivals.WaitAsync(stoppingToken);
                var wait = gap - time.GetElapsedTime(last);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
                var started = time.GetTimestamp();
                // A wake-up that finds nothing (its data left with the previous flush) does not
                // restart the interval, so the next publication is not held back by it.
                if (feed.Flush()) last = started;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
