using System.Net;
using System.Net.Sockets;

namespace CityTwin.Benchmarks;

/// <summary>Loopback ports the OS reports free, so a benchmark's silo never collides with a running app or test host.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
