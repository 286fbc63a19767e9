namespace CityTwin.Hosting;

/// <summary>Configuration section <c>Orleans</c>, read by every process (web, silo, simulator).</summary>
public sealed class OrleansHostingOptions
{
    public const string Section = "Orleans";

    /// <summary>Name of the connection string (section <c>ConnectionStrings</c>) of the cluster's PostgreSQL database.</summary>
    public const string ConnectionStringName = "Orleans";

    /// <summary>Npgsql's ADO.NET invariant name, as the Orleans ADO.NET providers expect it.</summary>
    public const string AdoNetInvariant = "Npgsql";

    public HostingMode Mode { get; set; } = HostingMode.Embedded;
    public string ClusterId { get; set; } = "citytwin";
    public string ServiceId { get; set; } = "citytwin";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients reach this silo at; loopback when empty.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Take the silo's name, address and ids from the Kubernetes pod (Microsoft.Orleans.Hosting.Kubernetes).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>Embedded mode: folder of the SQLite store; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>
    /// Embedded mode: file name of the SQLite store in <see cref="DataDirectory"/>. The web app sets
    /// it per city (<c>CityStores</c>), so what users made in one city never shows in another.
    /// </summary>
    public string StoreFile { get; set; } = "citytwin.db";

    /// <summary>
    /// Embedded mode: how long a write waits for the SQLite store when another process holds it
    /// (a backup, an admin's sqlite3 shell) before the write fails and the API answers 503.
    /// </summary>
    public TimeSpan StoreBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
