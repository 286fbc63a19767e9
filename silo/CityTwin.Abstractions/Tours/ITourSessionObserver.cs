using Orleans.Concurrency;

namespace CityTwin.Abstractions.Tours;

/// <summary>
/// A web node with followers of a session: the session grain pushes every change to each web node
/// that registered, and each web node passes it on to its own SignalR connections.
/// </summary>
[Alias("CityTwin.ITourSessionObserver")]
public interface ITourSessionObserver : IGrainObserver
{
    /// <summary>One-way: a slow or vanished web node never holds up the presenter.</summary>
    [OneWay, Alias("OnStop")] Task OnStopAsync(TourSessionView session);

    [OneWay, Alias("OnPing")] Task OnPingAsync(TourPing ping);

    [OneWay, Alias("OnEnded")] Task OnEndedAsync(string code);
}
