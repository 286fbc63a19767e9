using System.Globalization;
using Microsoft.AspNetCore.Hosting;

namespace CityTwin.Testing;

/// <summary>
/// What keeps a test host of the real app apart from every other host on the machine: its own
/// Orleans ports (a developer's app may hold the defaults) and its own durable store folder
/// (parallel hosts must never share grain state). Dispose to remove the folder.
/// </summary>
public sealed class IsolatedHost : IDisposable
{
    private readonly bool _ownsDataDirectory;

    public IsolatedHost()
        : this(Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N")), ownsDataDirectory: true)
    {
    }

    private IsolatedHost(string dataDirectory, bool ownsDataDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>Folder of the host's SQLite store.</summary>
    public string DataDirectory { get; }

    /// <summary>A host on an existing store (kept on dispose), e.g. to restart on what another host wrote.</summary>
    public static IsolatedHost OnStore(string dataDirectory) => new(dataDirectory, ownsDataDirectory: false);

    public void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:DataDirectory", DataDirectory);
        // The embedded MQTT broker too: never the shared 1883, and on loopback only.
        builder.UseSetting("Feeds:Mqtt:Port", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Feeds:Mqtt:BindAddress", "127.0.0.1");
    }

    public void Dispose()
    {
        if (!_ownsDataDirectory) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
