namespace CityTwin.Abstractions.Tours;

/// <summary>
/// One live presentation, keyed by its join code. It lives in a grain rather than in a web node,
/// so the presenter and the followers may be connected to different web nodes of a cluster.
/// </summary>
[Alias("CityTwin.ITourSessionGrain")]
public interface ITourSessionGrain : IGrainWithStringKey
{
    /// <summary>How long a web node's registration lasts without renewal.</summary>
    static readonly TimeSpan ObserverLease = TimeSpan.FromSeconds(10);

    /// <summary>Starts presenting <paramref name="tour"/> at its first stop; null when the code is already in use.</summary>
    [Alias("Start")] Task<TourSessionView?> StartAsync(Tour tour, string presenter);

    /// <summary>The session, or null when there is none under this code (never started, or ended).</summary>
    [Alias("Get")] Task<TourSessionView?> GetAsync();

    /// <summary>Moves to stop <paramref name="index"/> (0-based) and tells every follower; null when there is no session.</summary>
    [Alias("GoTo")] Task<TourSessionView?> GoToAsync(int index);

    /// <summary>Shows followers a pulse at the point; false when there is no session.</summary>
    [Alias("Ping")] Task<bool> PingAsync(double lon, double lat);

    /// <summary>Ends the session and tells every follower.</summary>
    [Alias("End")] Task EndAsync();

    /// <summary>Registers (or renews) a web node that has followers; false when there is no session.</summary>
    [Alias("Watch")] Task<bool> WatchAsync(ITourSessionObserver observer);

    [Alias("Unwatch")] Task UnwatchAsync(ITourSessionObserver observer);
}
