namespace CityTwin.Hosting;

/// <summary>How a process takes part in the Orleans cluster.</summary>
public enum HostingMode
{
    /// <summary>One process holds the silo, the web app and the simulator; storage is a local SQLite file.</summary>
    Embedded,

    /// <summary>Separate silo, web and simulator processes; membership, grain state and reminders in PostgreSQL.</summary>
    Cluster,
}
