using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Live;

/// <summary>Flushes the live feed at a fixed cadence: a few frames per second, whatever the ingest rate.</summary>
public sealed class LiveFeedPump(LiveFeed feed, IOptions<LiveFeedOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) feed.Flush();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
