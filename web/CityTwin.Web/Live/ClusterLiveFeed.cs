using CityTwin.Abstractions.Threading;
using CityTwin.Abstractions.Live;

namespace CityTwin.Web.Live;

/// <summary>
/// A web node's source of frames in a cluster: registers an observer with
/// <see cref="ILiveSubscriptionGrain"/> and renews it every <see cref="RenewInterval"/>, so after a
/// silo dies the registration is back within seconds wherever the registry grain now lives. Frames
/// from several silos are handed on one at a time, as consumers expect.
/// </summary>
public sealed class ClusterLiveFeed(IClusterClient client, ILogger<ClusterLiveFeed> logger)
    : BackgroundService, ILiveFrameSource, ILiveFrameObserver
{
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private ILiveFrameConsumer[] _consumers = [];

    public IDisposable Subscribe(ILiveFrameConsumer consumer)
    {
        lock (_gate) _consumers = [.. _consumers, consumer];
        return new Subscription(this, consumer);
    }

    public Task OnFrameAsync(LiveFrameMessage frame)
    {
        var live = frame.ToFrame();
        lock (_gate)
        {
            foreach (var consumer in _consumers)
            {
                try
                {
                    consumer.OnFrame(live);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Live frame consumer {Consumer} failed", consumer.GetType().Name);
                }
            }
        }
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = client.CreateObjectReference<ILiveFrameObserver>(this);
        var registry = client.GetGrain<ILiveSubscriptionGrain>(ILiveSubscriptionGrain.Key);
        using var timer = new PeriodicTimer(RenewInterval);
        do
        {
            try
            {
                await registry.RenewAsync(reference);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not renew the live-frame registration ({Error}); retrying in {Seconds} s", ex.Message, RenewInterval.TotalSeconds);
            }
        }
        while (await timer.TickOrStopAsync(stoppingToken));

        try
        {
            await registry.RemoveAsync(reference).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not remove the live-frame registration; it expires by itself");
        }
        client.DeleteObjectReference<ILiveFrameObserver>(this);
    }


    private void Unsubscribe(ILiveFrameConsumer consumer)
    {
        lock (_gate) _consumers = [.. _consumers.Where(c => !ReferenceEquals(c, consumer))];
    }

    private sealed class Subscription(ClusterLiveFeed owner, ILiveFrameConsumer consumer) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(consumer);
    }
}
