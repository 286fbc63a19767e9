using Microsoft.Data.Sqlite;

namespace CityTwin.Storage.Tests;

/// <summary>The conformance suite against <see cref="Sqlite.SqliteGrainStorage"/> on a temporary file.</summary>
public sealed class SqliteGrainStorageConformanceTests(SqliteStorageFixture fixture)
    : GrainStorageConformance<SqliteStorageFixture>(fixture)
{
    [Fact]
    public async Task Sqlite_TheFileIsCreatedInItsMissingFolderAndUsesWriteAheadLogging()
    {
        Assert.True(File.Exists(Fixture.DatabasePath), $"{Fixture.DatabasePath} was not created.");

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Fixture.DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
