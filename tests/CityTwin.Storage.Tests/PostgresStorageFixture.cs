using System.Diagnostics;
using System.Net.Sockets;
using CityTwin.Hosting;
using CityTwin.Testing;
using Npgsql;

namespace CityTwin.Storage.Tests;

/// <summary>
/// Orleans' own ADO.NET grain storage on a throwaway PostgreSQL database, made by the deployment's
/// create-database.sh (so its schema is what production runs) and dropped afterwards.
/// </summary>
public sealed class PostgresStorageFixture : StorageFixture
{
    public const string ConnectionVariable = "CITYTWIN_TEST_POSTGRES";
    private const string DefaultConnection = "Host=127.0.0.1;Port=5432;Username=citytwin;Password=citytwin";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    private readonly NpgsqlConnectionStringBuilder _server =
        new(Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured ? configured : DefaultConnection);
    private readonly string _database = $"citytwin_storage_{Guid.NewGuid():N}";
    private bool _created;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ConnectionString;

    protected override async Task PrepareDatabaseAsync()
    {
        var host = _server.Host ?? "127.0.0.1";
        await EnsureReachableAsync(host, _server.Port);

        var script = RepoPaths.Combine("deploy", "sql", "create-database.sh");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"The PostgreSQL conformance tests need {script}, which creates the database schema; it is missing.");
        }

        _created = true;
        await RunScriptAsync(script, host);
    }

    // The registration cluster mode uses, so the suite checks the storage the silos really run.
    protected override void AddStorage(ISiloBuilder silo, string name) =>
        silo.AddIsolatedAdoNetGrainStorage(name, o =>
        {
            o.Invariant = OrleansHostingOptions.AdoNetInvariant;
            o.ConnectionString = ConnectionString;
            o.GrainStorageSerializer = new JsonGrainStateSerializer();
        });

    protected override async Task DeleteDatabaseAsync()
    {
        if (!_created)
        {
            return;
        }

        // Pooled connections of the stopped hosts would otherwise keep the database in use.
        NpgsqlConnection.ClearAllPools();
        var maintenance = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task EnsureReachableAsync(string host, int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at {host}:{port} ({ex.Message}). The PostgreSQL storage conformance tests need it: " +
                $"start it (as root: pg_ctlcluster 15 main start) or set {ConnectionVariable} to a reachable server's connection string.",
                ex);
        }
    }

    private async Task RunScriptAsync(string script, string host)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, _database },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGHOST"] = host;
        start.Environment["PGPORT"] = _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_server.Username is { Length: > 0 } user) start.Environment["CITYTWIN_DB_USER"] = user;
        if (_server.Password is { Length: > 0 } password) start.Environment["CITYTWIN_DB_PASSWORD"] = password;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start bash for {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} {_database} did not finish within {ScriptTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {_database} failed with exit code {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }
}
