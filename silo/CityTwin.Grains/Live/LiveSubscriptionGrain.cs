using CityTwin.Abstractions.Live;

namespace CityTwin.Grains.Live;

/// <summary>
/// The list of web nodes that want live frames. Nothing here is stored: web nodes renew every few
/// seconds, so after a failover this grain is rebuilt by the next renewals.
/// </summary>
public sealed class LiveSubscriptionGrain(TimeProvider time) : Grain, ILiveSubscriptionGrain
{
    private readonly Dictionary<ILiveFrameObserver, DateTimeOffset> _leases = [];

    public Task RenewAsync(ILiveFrameObserver observer)
    {
        _leases[observer] = time.GetUtcNow() + ILiveSubscriptionGrain.Lease;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(ILiveFrameObserver observer)
    {
        _leases.Remove(observer);
        return Task.CompletedTask;
    }

    public Task<ILiveFrameObserver[]> GetObserversAsync()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _leases.Where(l => l.Value < now).Select(l => l.Key).ToList()) _leases.Remove(expired);
        return Task.FromResult(_leases.Keys.ToArray());
    }
}
