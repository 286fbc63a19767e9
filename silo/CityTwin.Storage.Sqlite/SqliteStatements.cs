namespace CityTwin.Storage.Sqlite;

/// <summary>The SQL of <see cref="SqliteGrainStorage"/>; every write is one conditional statement.</summary>
internal static class SqliteStatements
{
    /// <summary>Bumped when the table layout changes, so a later version can migrate older files.</summary>
    public const int SchemaVersion = 1;

    // The row of a cleared state is kept (payload NULL) with its version counting on, as the
    // ADO.NET provider does: a writer still holding an ETag from before the clear then fails
    // instead of silently resurrecting the old state.
    public const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_id     TEXT    NOT NULL,
            state_name   TEXT    NOT NULL,
            grain_type   TEXT    NOT NULL,
            payload      BLOB    NULL,
            version      INTEGER NOT NULL,
            modified_utc TEXT    NOT NULL,
            PRIMARY KEY (grain_id, state_name)
        ) WITHOUT ROWID;
        """;

    public const string Read = """
        SELECT payload, version FROM grain_state
        WHERE grain_id = @grain_id AND state_name = @state_name;
        """;

    public const string ReadVersion = """
        SELECT version FROM grain_state
        WHERE grain_id = @grain_id AND state_name = @state_name;
        """;

    // A first write must find no row at all, not even a cleared one: an existing row means another
    // activation got there first.
    public const string Insert = """
        INSERT INTO grain_state (grain_id, state_name, grain_type, payload, version, modified_utc)
        VALUES (@grain_id, @state_name, @grain_type, @payload, 1, @modified_utc)
        ON CONFLICT (grain_id, state_name) DO NOTHING
        RETURNING version;
        """;

    public const string Update = """
        UPDATE grain_state
        SET payload = @payload, version = version + 1, modified_utc = @modified_utc
        WHERE grain_id = @grain_id AND state_name = @state_name AND version = @version
        RETURNING version;
        """;

    public const string Clear = """
        UPDATE grain_state
        SET payload = NULL, version = version + 1, modified_utc = @modified_utc
        WHERE grain_id = @grain_id AND state_name = @state_name AND version = @version
        RETURNING version;
        """;
}
