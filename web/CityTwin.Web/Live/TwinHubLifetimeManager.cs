using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Live;

/// <summary>
/// SignalR's own lifetime manager for <see cref="TwinHub"/>, plus one thing the hub cannot see by
/// itself: the protocol a connection negotiated, kept in its <c>Items</c> so the hub can give
/// MessagePack clients compact frames and JSON clients named ones.
/// </summary>
public sealed class TwinHubLifetimeManager(ILogger<DefaultHubLifetimeManager<TwinHub>> logger) : DefaultHubLifetimeManager<TwinHub>(logger)
{
    public const string ProtocolKey = "citytwin.protocol";

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        connection.Items[ProtocolKey] = connection.Protocol.Name;
        return base.OnConnectedAsync(connection);
    }

    /// <summary>True when the caller speaks MessagePack (the map does).</summary>
    public static bool IsMessagePack(HubCallerContext context) =>
        context.Items.TryGetValue(ProtocolKey, out var name) && name is "messagepack";
}
