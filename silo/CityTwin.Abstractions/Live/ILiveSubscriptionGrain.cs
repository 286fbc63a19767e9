namespace CityTwin.Abstractions.Live;

/// <summary>
/// Where web nodes of a cluster register for live frames (key: <see cref="Key"/>). Registrations
/// expire unless renewed, so the list heals by itself when a web node or this grain's silo dies.
/// </summary>
[Alias("CityTwin.ILiveSubscriptionGrain")]
public interface ILiveSubscriptionGrain : IGrainWithStringKey
{
    const string Key = "live";

    /// <summary>How long a registration lasts without renewal.</summary>
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    [Alias("Renew")] Task RenewAsync(ILiveFrameObserver observer);

    [Alias("Remove")] Task RemoveAsync(ILiveFrameObserver observer);

    [Alias("GetObservers")] Task<ILiveFrameObserver[]> GetObserversAsync();
}
