using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Live;

/// <summary>
/// SignalR hub at <c>/hubs/twin</c>. Clients call <c>Subscribe({bbox, zoom})</c> whenever their
/// map moves; the server pushes the frames <see cref="ITwinClient"/> names.
/// </summary>
public sealed class TwinHub(TwinBroadcaster broadcaster, ILogger<TwinHub> logger) : Hub<ITwinClient>
{
    public override Task OnConnectedAsync()
    {
        broadcaster.Connect(Context.ConnectionId);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        broadcaster.Disconnect(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public Task Subscribe(SubscribeRequest request)
    {
        var (viewport, error) = (request ?? new SubscribeRequest()).Validate();
        if (viewport is null)
        {
            logger.LogWarning("Rejected Subscribe from {Connection}: {Error}", Context.ConnectionId, error);
            throw new HubException($"Invalid subscription: {error}");
        }
        broadcaster.SetViewport(Context.ConnectionId, viewport.Value);
        return Task.CompletedTask;
    }
}
