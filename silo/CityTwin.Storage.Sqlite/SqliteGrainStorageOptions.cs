using Orleans.Storage;

namespace CityTwin.Storage.Sqlite;

/// <summary>Options of one named <see cref="SqliteGrainStorage"/>.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Path of the database file; its directory is created at silo start when missing.</summary>
    public string DataSource { get; set; } = string.Empty;

    /// <summary>
    /// Serializer of the grain state. Left unset, Orleans fills in the serializer registered for this
    /// provider's name, or else the silo-wide <see cref="IGrainStorageSerializer"/>.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>How long a statement waits for another writer (another process on the same file) before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Silo lifecycle stage at which the schema is created; grains activate only after it.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;
}
