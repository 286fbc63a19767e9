using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace CityTwin.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in one SQLite file, so that what users create survives a restart of the
/// single-process deployment.
/// </summary>
/// <remarks>
/// A record is keyed by the grain id's string form (grain type and key) and the state name. Its ETag
/// is a version counter as text ("1" after the first write) and a write or clear carrying any other
/// ETag throws <see cref="InconsistentStateException"/> without changing the record. A clear keeps
/// the row with no payload and a new version, exactly like Orleans' ADO.NET storage: the grain then
/// holds that version as its ETag with <c>RecordExists</c> false, and may write again with it.
/// </remarks>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly string _name;
    private readonly SqliteGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly string _path;
    private readonly string _connectionString;
    private readonly string _connectionPragmas;

    // SQLite admits one writer at a time anyway; queueing this process's writers here lets them wait
    // without holding a thread, leaving the busy timeout for writers of other processes.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _ready;

    public SqliteGrainStorage(
        string name,
        SqliteGrainStorageOptions options,
        IActivatorProvider activatorProvider,
        ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _options = options;
        _serializer = options.GrainStorageSerializer;
        _activatorProvider = activatorProvider;
        _logger = logger;
        _path = Path.GetFullPath(options.DataSource);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        // FULL makes a commit reach the disk before the grain hears it succeeded: the volume is
        // what users create, small enough that durability wins over write latency.
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath => _path;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", _options.InitStage, InitializeAsync, CloseAsync);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        EnsureReady();
        byte[]? payload = null;
        long? version = null;
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = CreateCommand(connection, SqliteStatements.Read, stateName, grainId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
                version = reader.GetInt64(1);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOperationFailed(ex, "ReadState", _name, stateName, grainId, grainState.ETag);
            throw;
        }

        var state = payload is null ? default : _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.State = state ?? CreateInstance<T>();
        grainState.ETag = FormatETag(version);
        grainState.RecordExists = payload is not null;
        LogRead(_name, stateName, grainId, grainState.ETag, grainState.RecordExists);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        EnsureReady();
        var etag = grainState.ETag;
        var expected = ParseETag(etag);
        if (expected is null && !string.IsNullOrWhiteSpace(etag))
        {
            throw await ConflictAsync("WriteState", stateName, grainId, etag, cancellationToken).ConfigureAwait(false);
        }

        var payload = _serializer.Serialize(grainState.State).ToArray();
        var newVersion = await ExecuteWriteAsync(
            expected is null ? SqliteStatements.Insert : SqliteStatements.Update,
            "WriteState",
            stateName,
            grainId,
            etag,
            command =>
            {
                command.Parameters.AddWithValue("@grain_type", grainId.Type.ToString());
                command.Parameters.Add("@payload", SqliteType.Blob).Value = payload;
                if (expected is { } version) command.Parameters.AddWithValue("@version", version);
            },
            cancellationToken).ConfigureAwait(false);

        if (newVersion is null)
        {
            throw await ConflictAsync("WriteState", stateName, grainId, etag, cancellationToken).ConfigureAwait(false);
        }

        grainState.ETag = FormatETag(newVersion);
        grainState.RecordExists = true;
        LogWrote(_name, stateName, grainId, grainState.ETag, payload.Length);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        EnsureReady();
        // A grain that never read nor wrote has no ETag to clear with: learn it from storage, and
        // there is nothing to do when no state is stored.
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState, cancellationToken).ConfigureAwait(false);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var etag = grainState.ETag;
        if (ParseETag(etag) is not { } expected)
        {
            throw await ConflictAsync("ClearState", stateName, grainId, etag, cancellationToken).ConfigureAwait(false);
        }

        var newVersion = await ExecuteWriteAsync(
            SqliteStatements.Clear,
            "ClearState",
            stateName,
            grainId,
            etag,
            command => command.Parameters.AddWithValue("@version", expected),
            cancellationToken).ConfigureAwait(false);

        if (newVersion is null)
        {
            throw await ConflictAsync("ClearState", stateName, grainId, etag, cancellationToken).ConfigureAwait(false);
        }

        grainState.State = CreateInstance<T>();
        grainState.ETag = FormatETag(newVersion);
        grainState.RecordExists = false;
        LogCleared(_name, stateName, grainId, grainState.ETag);
    }

    public void Dispose()
    {
        _ready = false;
        ReleaseFile();
        _writeGate.Dispose();
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Path.GetDirectoryName(_path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

            // WAL lets readers run beside the one writer and survives a crash mid-write; the mode
            // is stored in the file, so setting it once per start is enough.
            await using (var journal = connection.CreateCommand())
            {
                journal.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = (string?)await journal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    LogJournalModeRefused(_name, _path, mode);
                }
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            long fileVersion;
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "PRAGMA user_version;";
                fileVersion = (long)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
            }

            if (fileVersion > SqliteStatements.SchemaVersion)
            {
                throw new InvalidOperationException(
                    $"SQLite grain storage \"{_name}\": {_path} has schema version {fileVersion}, newer than the {SqliteStatements.SchemaVersion} this build knows.");
            }

            await using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = SqliteStatements.CreateSchema
                    + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {SqliteStatements.SchemaVersion};");
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
            LogInitialized(_name, _path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInitializationFailed(ex, _name, _path);
            throw;
        }
    }

    private Task CloseAsync(CancellationToken cancellationToken)
    {
        _ready = false;
        ReleaseFile();
        return Task.CompletedTask;
    }

    // Pooled connections keep the file (and its WAL) open; closing them lets SQLite checkpoint the
    // WAL into the main file and another process take the file over cleanly.
    private void ReleaseFile()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<long?> ExecuteWriteAsync(
        string sql,
        string operation,
        string stateName,
        GrainId grainId,
        string? etag,
        Action<SqliteCommand> addParameters,
        CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = CreateCommand(connection, sql, stateName, grainId);
            command.Parameters.AddWithValue("@modified_utc", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            addParameters(command);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOperationFailed(ex, operation, _name, stateName, grainId, etag);
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<InconsistentStateException> ConflictAsync(
        string operation,
        string stateName,
        GrainId grainId,
        string? etag,
        CancellationToken cancellationToken)
    {
        // The stored version is read after the fact and only to explain the conflict.
        string? stored = null;
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = CreateCommand(connection, SqliteStatements.ReadVersion, stateName, grainId);
            stored = FormatETag(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?);
        }
        catch (SqliteException)
        {
        }

        LogConflict(operation, _name, stateName, grainId, etag, stored);
        return new InconsistentStateException(
            $"Version conflict ({operation}): SQLite grain storage \"{_name}\", state \"{stateName}\" of grain {grainId}: " +
            $"the grain holds ETag {etag ?? "(none)"} but storage holds {stored ?? "(no record)"}.",
            stored,
            etag);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _connectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@grain_id", grainId.ToString());
        command.Parameters.AddWithValue("@state_name", stateName);
        return command;
    }

    private void EnsureReady()
    {
        if (!_ready)
        {
            throw new InvalidOperationException(
                $"SQLite grain storage \"{_name}\" is not open: it is used before the silo started or after it stopped.");
        }
    }

    private T CreateInstance<T>() => _activatorProvider.GetActivator<T>().Create();

    private static long? ParseETag(string? etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private static string? FormatETag(long? version) => version?.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite grain storage {Name} opened {Path}")]
    private partial void LogInitialized(string name, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite grain storage {Name} could not open {Path}")]
    private partial void LogInitializationFailed(Exception exception, string name, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite grain storage {Name}: {Path} refused WAL journal mode and runs in {JournalMode}")]
    private partial void LogJournalModeRefused(string name, string path, string? journalMode);

    [LoggerMessage(Level = LogLevel.Trace, Message = "SQLite grain storage {Name} read {StateName} of {GrainId}: ETag {ETag}, record exists {RecordExists}")]
    private partial void LogRead(string name, string stateName, GrainId grainId, string? etag, bool recordExists);

    [LoggerMessage(Level = LogLevel.Trace, Message = "SQLite grain storage {Name} wrote {StateName} of {GrainId}: ETag {ETag}, {Bytes} bytes")]
    private partial void LogWrote(string name, string stateName, GrainId grainId, string? etag, int bytes);

    [LoggerMessage(Level = LogLevel.Trace, Message = "SQLite grain storage {Name} cleared {StateName} of {GrainId}: ETag {ETag}")]
    private partial void LogCleared(string name, string stateName, GrainId grainId, string? etag);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQLite grain storage {Name}: {Operation} of {StateName} of {GrainId} with ETag {ETag} conflicts with stored ETag {StoredETag}")]
    private partial void LogConflict(string operation, string name, string stateName, GrainId grainId, string? etag, string? storedETag);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite grain storage {Name}: {Operation} of {StateName} of {GrainId} with ETag {ETag} failed")]
    private partial void LogOperationFailed(Exception exception, string operation, string name, string stateName, GrainId grainId, string? etag);
}
