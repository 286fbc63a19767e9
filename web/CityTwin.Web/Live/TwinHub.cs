using CityTwin.Web.Tours;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Live;

/// <summary>
/// SignalR hub at <c>/hubs/twin</c>. Clients call <c>Subscribe({bbox, zoom})</c> whenever their
/// map moves; the server pushes the frames <see cref="ITwinClient"/> names.
/// </summary>
public sealed class TwinHub(TwinBroadcaster broadcaster, TourSessionRelay tours, Alarms.AlarmAudience alarms, ILogger<TwinHub> logger) : Hub<ITwinClient>
{
    public override Task OnConnectedAsync()
    {
        broadcaster.Connect(Context.ConnectionId, IsMessagePack);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        broadcaster.Disconnect(Context.ConnectionId);
        tours.Disconnected(Context.ConnectionId);
        alarms.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// MessagePack clients (the map) take compact binary asset frames; JSON clients keep named items.
    /// MessagePack is the one binary protocol the hub speaks, and the handshake sets the connection's
    /// transfer format to its protocol's: reading it costs a connection nothing, where a per-connection
    /// <c>Items</c> entry would create a concurrent dictionary for each of thousands of connections.
    /// </summary>
    private bool IsMessagePack => Context.Features.Get<ITransferFormatFeature>()?.ActiveFormat == TransferFormat.Binary;

    public Task Subscribe(SubscribeRequest request)
    {
        var (viewport, error) = (request ?? new SubscribeRequest()).Validate();
        if (viewport is null)
        {
            logger.LogWarning("Rejected Subscribe from {Connection}: {Error}", Context.ConnectionId, error);
            throw new HubException($"Invalid subscription: {error}");
        }
        broadcaster.SetViewport(Context.ConnectionId, viewport.Value, IsMessagePack);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Says which alarm changes this client receives (its map view, its open list's filters:
    /// <see cref="Alarms.AlarmWatchRequest"/>); answers the open alarms in the view.
    /// </summary>
    public Task<Alarms.AlarmItem[]> WatchAlarms(Alarms.AlarmWatchRequest request)
    {
        var (watch, error) = (request ?? new Alarms.AlarmWatchRequest()).Validate();
        if (watch is null)
        {
            logger.LogWarning("Rejected WatchAlarms from {Connection}: {Error}", Context.ConnectionId, error);
            throw new HubException($"Invalid alarm watch: {error}");
        }
        return alarms.WatchAsync(Context.ConnectionId, watch);
    }

    /// <summary>
    /// Follows a tour session by its join code: from now on the client receives <c>tourStop</c>,
    /// <c>tourPing</c> and <c>tourEnded</c>; the answer is the current stop (late joiners land there).
    /// Following is all a client can do here: moving the session takes a trainer's REST call.
    /// </summary>
    public async Task<TourStopFrame> JoinTour(string code)
    {
        if (JoinCodes.Normalise(code) is not { } canonical)
        {
            logger.LogWarning("Rejected JoinTour from {Connection}: malformed code", Context.ConnectionId);
            throw new HubException($"Invalid join code: use the {JoinCodes.Length} characters the presenter shows");
        }
        return await tours.JoinAsync(Context.ConnectionId, canonical)
            ?? throw new HubException($"No tour session {canonical}: it has ended or the code is mistyped");
    }

    /// <summary>Stops following a tour session.</summary>
    public Task LeaveTour(string code) =>
        JoinCodes.Normalise(code) is { } canonical ? tours.LeaveAsync(Context.ConnectionId, canonical) : Task.CompletedTask;
}
