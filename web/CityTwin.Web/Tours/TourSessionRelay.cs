using CityTwin.Abstractions.Threading;
using CityTwin.Abstractions.Tours;
using CityTwin.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Tours;

/// <summary>
/// This web node's link between tour sessions (grains) and its own SignalR connections. A node with
/// followers of a session registers with that session's grain and renews every
/// <see cref="RenewInterval"/>; the grain pushes each stop change and ping to every registered node,
/// which hands it to its group of followers. So a presenter on one node moves followers on any other.
/// </summary>
public sealed class TourSessionRelay(IGrainFactory grains, IHubContext<TwinHub, ITwinClient> hub, ILogger<TourSessionRelay> logger)
    : BackgroundService, ITourSessionObserver
{
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _followers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sessionsOf = new(StringComparer.Ordinal);
    private ITourSessionObserver? _reference;

    public static string GroupOf(string code) => $"tour:{code}";

    /// <summary>Adds a connection to the session's followers; the session's current stop, or null when there is no such session.</summary>
    public async Task<TourStopFrame?> JoinAsync(string connectionId, string code)
    {
        var session = grains.GetGrain<ITourSessionGrain>(code);
        // Registered before reading the stop: a change in between reaches the follower as a push.
        if (!await session.WatchAsync(Reference())) return null;
        await hub.Groups.AddToGroupAsync(connectionId, GroupOf(code));
        lock (_gate)
        {
            Members(_followers, code).Add(connectionId);
            Members(_sessionsOf, connectionId).Add(code);
        }
        return await session.GetAsync() is { } view ? TourStopFrame.Of(view) : null;
    }

    public async Task LeaveAsync(string connectionId, string code)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, GroupOf(code));
        lock (_gate)
        {
            Forget(_followers, code, connectionId);
            Forget(_sessionsOf, connectionId, code);
        }
    }

    /// <summary>A connection closed: it follows nothing any more (SignalR drops it from its groups itself).</summary>
    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            if (!_sessionsOf.Remove(connectionId, out var codes)) return;
            foreach (var code in codes) Forget(_followers, code, connectionId);
        }
    }

    /// <summary>How many connections of this node follow the session (for tests and status).</summary>
    public int FollowersOf(string code)
    {
        lock (_gate) return _followers.TryGetValue(code, out var members) ? members.Count : 0;
    }

    public Task OnStopAsync(TourSessionView session) => hub.Clients.Group(GroupOf(session.Code)).tourStop(TourStopFrame.Of(session));

    public Task OnPingAsync(TourPing ping) => hub.Clients.Group(GroupOf(ping.Code)).tourPing(new TourPingFrame(ping.Code, ping.Lon, ping.Lat));

    public async Task OnEndedAsync(string code)
    {
        await hub.Clients.Group(GroupOf(code)).tourEnded(new TourEndedFrame(code));
        DropSession(code);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewInterval);
        while (await timer.TickOrStopAsync(stoppingToken))
        {
            string[] codes;
            lock (_gate) codes = [.. _followers.Keys];
            foreach (var code in codes)
            {
                try
                {
                    // Renewing also re-registers with a session grain rebuilt on another silo after a failover.
                    if (!await grains.GetGrain<ITourSessionGrain>(code).WatchAsync(Reference()))
                        await OnEndedAsync(code);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Could not renew the follow of tour session {Code} ({Error}); retrying in {Seconds} s", code, ex.Message, RenewInterval.TotalSeconds);
                }
            }
        }
        if (_reference is not null) grains.DeleteObjectReference<ITourSessionObserver>(this);
    }

    private ITourSessionObserver Reference()
    {
        lock (_gate) return _reference ??= grains.CreateObjectReference<ITourSessionObserver>(this);
    }

    private void DropSession(string code)
    {
        lock (_gate)
        {
            if (!_followers.Remove(code, out var members)) return;
            foreach (var connection in members) Forget(_sessionsOf, connection, code);
        }
    }

    private static HashSet<string> Members(Dictionary<string, HashSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }

    private static void Forget(Dictionary<string, HashSet<string>> map, string key, string member)
    {
        if (map.TryGetValue(key, out var set) && set.Remove(member) && set.Count == 0) map.Remove(key);
    }
}
