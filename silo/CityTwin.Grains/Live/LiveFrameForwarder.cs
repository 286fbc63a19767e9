using CityTwin.Abstractions.Threading;
using CityTwin.Abstractions.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Live;

/// <summary>
/// In a cluster, sends this silo's flushed frames to every registered web node (one-way calls), so
/// each web node sees the union of all silos' changes. The list of web nodes is refreshed every
/// second from <see cref="ILiveSubscriptionGrain"/>.
/// </summary>
public sealed class LiveFrameForwarder(ILiveFeed feed, IGrainFactory grains, ILogger<LiveFrameForwarder> logger)
    : BackgroundService, ILiveFrameConsumer
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private ILiveFrameObserver[] _observers = [];

    public void OnFrame(LiveFrame frame)
    {
        var observers = Volatile.Read(ref _observers);
        if (observers.Length == 0) return;
        var message = LiveFrameMessage.From(frame);
        foreach (var observer in observers)
        {
            try
            {
                _ = observer.OnFrameAsync(message);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Could not send a live frame to a web node");
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(this);
        var registry = grains.GetGrain<ILiveSubscriptionGrain>(ILiveSubscriptionGrain.Key);
        using var timer = new PeriodicTimer(RefreshInterval);
        do
        {
            try
            {
                Volatile.Write(ref _observers, await registry.GetObserversAsync());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep the last known list: the web nodes on it are most likely still there.
                logger.LogDebug(ex, "Could not refresh the list of web nodes");
            }
        }
        while (await timer.TickOrStopAsync(stoppingToken));
    }
}
