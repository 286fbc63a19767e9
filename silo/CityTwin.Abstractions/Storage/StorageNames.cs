namespace CityTwin.Abstractions.Storage;

/// <summary>Names of the Orleans storage providers grains persist into.</summary>
public static class StorageNames
{
    /// <summary>Durable store for what users create: SQLite when embedded, PostgreSQL in a cluster.</summary>
    public const string Durable = "citytwin";
}
