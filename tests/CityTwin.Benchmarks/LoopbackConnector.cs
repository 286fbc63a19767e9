using System.Net;
using System.Net.Sockets;

namespace CityTwin.Benchmarks;

/// <summary>
/// One HTTP handler for thousands of loopback WebSockets, each socket bound to one of several
/// source addresses (127.0.0.1, 127.0.0.2, …: all of 127/8 is loopback on Linux). Each source
/// address has its own ephemeral port range (32768–60999 by default, 28,232 ports), so ten
/// thousand connections, and the TIME_WAIT ports an earlier run left behind, never exhaust it.
/// </summary>
public static class LoopbackConnector
{
    public static HttpMessageInvoker Create(int sourceAddresses)
    {
        var next = 0;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(60),
            UseProxy = false,
            ConnectCallback = async (context, token) =>
            {
                var k = Interlocked.Increment(ref next) % Math.Max(1, sourceAddresses);
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)(1 + k)]), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpMessageInvoker(handler);
    }
}
