using System.Diagnostics;
using CityTwin.Testing;
using Npgsql;

namespace CityTwin.Cluster.Tests;

/// <summary>
/// A throwaway PostgreSQL database prepared by the product's own <c>deploy/sql/create-database.sh</c>,
/// so the tests prove the deploy scripts as well as the code. Dropped on dispose.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private ClusterDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var name = $"citytwin_cluster_{Guid.NewGuid():N}"[..32];
        var script = RepoPaths.Combine("deploy", "sql", "create-database.sh");
        var output = await RunAsync("bash", [script, name]);
        var builder = new NpgsqlConnectionStringBuilder(
            Environment.GetEnvironmentVariable("CITYTWIN_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=citytwin;Password=citytwin")
        {
            Database = name,
        };
        var db = new ClusterDatabase(name, builder.ConnectionString);
        try
        {
            await using var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"PostgreSQL database {name} is not reachable after create-database.sh; output:\n{output}", ex);
        }
        return db;
    }

    /// <summary>Rows of the membership table for <paramref name="clusterId"/>: silo port and status.</summary>
    public async Task<IReadOnlyList<(int Port, int Status)>> MembershipAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT port, status FROM orleansmembershiptable WHERE deploymentid = @id", connection);
        command.Parameters.AddWithValue("id", clusterId);
        var rows = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.GetInt32(1)));
        return rows;
    }

    /// <summary>
    /// An outage as the app sees one: the database refuses new connections and its open ones are
    /// cut. (The database's owner may do both; the server itself stays up for the other tests.)
    /// </summary>
    public async Task RefuseConnectionsAsync()
    {
        await OnServerAsync($"ALTER DATABASE {Name} WITH ALLOW_CONNECTIONS false");
        await OnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()");
    }

    public Task AcceptConnectionsAsync() => OnServerAsync($"ALTER DATABASE {Name} WITH ALLOW_CONNECTIONS true");

    /// <summary>Runs <paramref name="sql"/> as the app role, connected to the server's maintenance database.</summary>
    private async Task OnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("runuser", ["-u", "postgres", "--", "psql", "-q", "-c", $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)"]);
        }
        catch (InvalidOperationException)
        {
            // Not root: leave the database; its name is unique and it holds test data only.
        }
    }

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{output}");
        return output;
    }
}
