using System.Net;
using System.Net.Sockets;

namespace CityTwin.Testing;

/// <summary>Ports the OS reports free, so parallel test hosts never fight over Orleans' or HTTP ports.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
