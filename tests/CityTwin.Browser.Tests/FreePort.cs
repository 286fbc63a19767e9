using System.Net;
using System.Net.Sockets;

namespace CityTwin.Browser.Tests;

/// <summary>A TCP port nobody listens on right now (for the embedded silo, so tests never clash with a running app).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
