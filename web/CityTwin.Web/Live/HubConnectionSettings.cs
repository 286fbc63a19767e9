using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

namespace CityTwin.Web.Live;

/// <summary>
/// Buffer limits of the <c>/hubs/twin</c> connections, sized for thousands of clients: what a
/// connection may hold in buffers is what ten thousand of them cost. Each limit is safe for real
/// clients because the broadcaster keeps one send in flight per client and coalesces the rest
/// (latest value wins), so a smaller buffer means a slow client gets fewer, fresher frames, never
/// a lost one; and nothing a client sends comes near the receive limits.
/// </summary>
public static class HubConnectionSettings
{
    /// <summary>
    /// Largest message a client may send. The hub's calls are <c>Subscribe({bbox, zoom})</c>
    /// (about 100 bytes) and <c>JoinTour(code)</c>; 8 kB is 80 times that (SignalR's default is 32 kB).
    /// </summary>
    public const long MaximumReceiveMessageSize = 8 * 1024;

    /// <summary>
    /// Bytes received from a client buffered before the server stops reading its socket (default
    /// 64 kB). Twice the largest message, so a whole message always fits (a smaller value than
    /// one message would stall the connection).
    /// </summary>
    public const long ApplicationMaxBufferSize = 2 * MaximumReceiveMessageSize;

    /// <summary>
    /// Bytes of frames written for a client and not yet on its socket before the send waits
    /// (default 64 kB). A frame larger than this still goes out whole; the limit only stops a
    /// second frame piling up behind it for a slow client.
    /// </summary>
    public const long TransportMaxBufferSize = 32 * 1024;

    public static void Apply(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
    }

    public static void Apply(HttpConnectionDispatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApplicationMaxBufferSize = ApplicationMaxBufferSize;
        options.TransportMaxBufferSize = TransportMaxBufferSize;
    }
}
