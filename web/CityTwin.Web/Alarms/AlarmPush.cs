using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Live;
using CityTwin.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Alarms;

/// <summary>
/// Pushes changed alarms to the clients whose view they touch, as the SignalR <c>alarms</c> frame:
/// a client gets a change when the alarm is inside its map view or, while its alarm list is open,
/// when the list's filters could show it (<see cref="AlarmWatch"/>). Every client then gets the
/// city-wide counts (<see cref="AlarmSummaryPush"/>). The alarms arrive in the live frames every
/// silo's feed sends this web node (embedded: the local feed), so each web node of a cluster
/// pushes the same changes to its own clients.
/// </summary>
public sealed class AlarmPush(IHubContext<TwinHub, ITwinClient> hub, ILiveFrameSource feed, AlarmItems items, AlarmAudience audience,
    AlarmSummaryPush summary, ILogger<AlarmPush> logger) : ILiveFrameConsumer, IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void OnFrame(LiveFrame frame)
    {
        if (frame.Alarms is not { Count: > 0 } alarms) return;
        var changed = alarms.Select(a => (View: a, Item: items.Of(a))).ToList();
        foreach (var (connectionId, watch) in audience.Watches)
        {
            List<AlarmItem>? mine = null;
            foreach (var (view, item) in changed)
                if (watch.Wants(view, item.Lon, item.Lat)) (mine ??= []).Add(item);
            if (mine is not null) _ = SendAsync(connectionId, mine);
        }
        summary.Changed(alarms.Count(IsNewCritical));
    }

    /// <summary>A critical alarm raised or back again in this change (the raise is its latest touch), not shelved.</summary>
    private static bool IsNewCritical(AlarmView a) =>
        a.Severity == AlarmSeverity.Critical && a.State == AlarmState.ActiveUnacknowledged && a.ShelvedUntil is null && a.RaisedAt == a.UpdatedAt;

    private async Task SendAsync(string connectionId, List<AlarmItem> list)
    {
        try
        {
            await hub.Clients.Client(connectionId).alarms(list);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not push {Count} alarm changes to {Connection}", list.Count, connectionId);
        }
    }
}
