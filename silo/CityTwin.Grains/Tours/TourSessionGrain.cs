using CityTwin.Abstractions.Storage;
using CityTwin.Abstractions.Tours;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Tours;

/// <summary>
/// A live presentation under its join code. Stop changes are stored (a follower joining after a
/// failover still lands on the current stop); pings are not. Web nodes with followers register
/// here with a lease and get every change pushed one-way, whichever web node the presenter uses.
/// </summary>
public sealed class TourSessionGrain(
    [PersistentState("tour-session", StorageNames.Durable)] IPersistentState<TourSessionState> stored,
    TimeProvider time,
    ILogger<TourSessionGrain> logger)
    : Grain, ITourSessionGrain
{
    private readonly Dictionary<ITourSessionObserver, DateTimeOffset> _observers = [];

    public async Task<TourSessionView?> StartAsync(Tour tour, string presenter)
    {
        if (stored.State.Session is not null) return null;
        stored.State.Session = new TourSessionView
        {
            Code = this.GetPrimaryKeyString(),
            Tour = tour,
            Presenter = presenter,
            StopIndex = 0,
            StartedAt = time.GetUtcNow(),
            Version = 1,
        };
        await WriteOrForgetAsync(null);
        return stored.State.Session;
    }

    public Task<TourSessionView?> GetAsync() => Task.FromResult(stored.State.Session);

    public async Task<TourSessionView?> GoToAsync(int index)
    {
        if (stored.State.Session is not { } session) return null;
        var clamped = Math.Clamp(index, 0, session.Tour.Stops.Count - 1);
        var moved = session with { StopIndex = clamped, Version = session.Version + 1 };
        stored.State.Session = moved;
        await WriteOrForgetAsync(session);
        foreach (var observer in LiveObservers()) Send(() => observer.OnStopAsync(moved));
        return moved;
    }

    public Task<bool> PingAsync(double lon, double lat)
    {
        if (stored.State.Session is not { } session) return Task.FromResult(false);
        var ping = new TourPing(session.Code, lon, lat, time.GetUtcNow());
        foreach (var observer in LiveObservers()) Send(() => observer.OnPingAsync(ping));
        return Task.FromResult(true);
    }

    public async Task EndAsync()
    {
        if (stored.State.Session is not { } session) return;
        stored.State.Session = null;
        await WriteOrForgetAsync(session);
        foreach (var observer in LiveObservers()) Send(() => observer.OnEndedAsync(session.Code));
        _observers.Clear();
    }

    public Task<bool> WatchAsync(ITourSessionObserver observer)
    {
        if (stored.State.Session is null) return Task.FromResult(false);
        _observers[observer] = time.GetUtcNow() + ITourSessionGrain.ObserverLease;
        return Task.FromResult(true);
    }

    public Task UnwatchAsync(ITourSessionObserver observer)
    {
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    private List<ITourSessionObserver> LiveObservers()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _observers.Where(o => o.Value < now).Select(o => o.Key).ToList()) _observers.Remove(expired);
        return [.. _observers.Keys];
    }

    private void Send(Func<Task> push)
    {
        try
        {
            _ = push();
        }
        catch (Exception ex)
        {
            // A web node that went away expires from the list by itself.
            logger.LogDebug(ex, "Could not push a tour change to a web node");
        }
    }

    // A change is in force only once stored: on a failed write the previous session stays.
    private async Task WriteOrForgetAsync(TourSessionView? previous)
    {
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            stored.State.Session = previous;
            throw;
        }
    }
}
