using Microsoft.AspNetCore.Http.Connections;

namespace CityTwin.Web.Live;

/// <summary>
/// Buffer limits of the <c>/hubs/twin</c> connections, sized for thousands of clients: what a
/// connection may hold in buffers is what ten thousand of them cost. Safe for real clients because
/// the broadcaster keeps one send in flight per client and coalesces the rest (latest value wins),
/// so a smaller buffer means a slow client gets fewer, fresher frames, never a lost one.
/// The receive side keeps SignalR's defaults (32 kB per message, 64 kB buffered): a connection
/// holds no receive buffer while idle, so a lower limit would save nothing and only turn an
/// oversized message from a refused call into a closed connection.
/// </summary>
public static class HubConnectionSettings
{
    /// <summary>
    /// Bytes of frames written for a client and not yet on its socket before the send waits
    /// (SignalR's default is 64 kB). A frame larger than this still goes out whole; the limit
    /// only stops further frames piling up behind it for a slow client. It also sets how much a
    /// connection keeps afterwards: a pipe keeps the buffer segments it once needed for reuse, and
    /// Kestrel's pool keeps the blocks the busiest moment took, so 16 kB (a <c>districts</c> frame
    /// of <see cref="AreaPacing.ItemsPerFrame"/> areas and a bit) rather than 32 kB.
    /// </summary>
    public const long TransportMaxBufferSize = 16 * 1024;

    public static void Apply(HttpConnectionDispatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TransportMaxBufferSize = TransportMaxBufferSize;
    }
}
