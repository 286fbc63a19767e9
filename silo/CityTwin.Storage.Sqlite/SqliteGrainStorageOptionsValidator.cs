using Orleans.Runtime;

namespace CityTwin.Storage.Sqlite;

/// <summary>Fails silo start early on options that could only fail later, on the first grain write.</summary>
public sealed class SqliteGrainStorageOptionsValidator(SqliteGrainStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.DataSource))
        {
            throw new OrleansConfigurationException(
                $"SQLite grain storage \"{name}\": {nameof(SqliteGrainStorageOptions.DataSource)} (the database file path) is required.");
        }

        // A memory database lives only as long as one connection, so nothing would survive a restart.
        if (options.DataSource.Trim().Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new OrleansConfigurationException(
                $"SQLite grain storage \"{name}\": {nameof(SqliteGrainStorageOptions.DataSource)} must be a file path, not :memory:.");
        }

        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException(
                $"SQLite grain storage \"{name}\": {nameof(SqliteGrainStorageOptions.BusyTimeout)} must be positive.");
        }

        if (options.GrainStorageSerializer is null)
        {
            throw new OrleansConfigurationException(
                $"SQLite grain storage \"{name}\": no {nameof(SqliteGrainStorageOptions.GrainStorageSerializer)} is configured or registered.");
        }
    }
}
