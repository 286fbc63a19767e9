using CityTwin.Hosting;
using CityTwin.Storage.Sqlite;

namespace CityTwin.Storage.Tests;

/// <summary>A fresh SQLite file in a temporary folder the store has to create itself, deleted afterwards.</summary>
public sealed class SqliteStorageFixture : StorageFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"citytwin-storage-{Guid.NewGuid():N}");

    public string DatabasePath => Path.Combine(_directory, "nested", "grains.db");

    protected override Task PrepareDatabaseAsync() => Task.CompletedTask;

    // The serializer the app configures, so the conformance holds for what is actually stored.
    protected override void AddStorage(ISiloBuilder silo, string name) =>
        silo.AddSqliteGrainStorage(name, o =>
        {
            o.DataSource = DatabasePath;
            o.GrainStorageSerializer = new JsonGrainStateSerializer();
        });

    protected override Task DeleteDatabaseAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
