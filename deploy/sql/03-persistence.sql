-- CityTwin: Orleans ADO.NET grain storage schema, functions and queries, PostgreSQL 15+.
--
-- Used by AddAdoNetGrainStorage (Orleans.Persistence.AdoNet). Requires 01-main.sql.
--
-- Contract (Orleans 10.4.2):
--  * a state row is identified by ServiceId, GrainTypeString (the state name Orleans is given;
--    CityTwin's IsolatingGrainStorage makes it "{grain type}/{state name}" and prefixes string
--    keys with "k:", so no two grains share a row), GrainIdN0/GrainIdN1 (Guid or integer key)
--    and GrainIdExtensionString (string key, or key extension; may be NULL).
--    GrainIdHash and GrainTypeHash are 32-bit hashes of those, used only for indexing;
--  * the ETag is the row's integer Version as a string: "1" after the first write,
--    +1 on every write or clear. Orleans passes it back as @GrainStateVersion
--    (NULL when it has never seen a row);
--  * write and clear return the new version; they return NULL when the version check
--    fails, which Orleans turns into an InconsistentStateException;
--  * clear (ClearStorageKey, the default) keeps the row with PayloadBinary = NULL and a
--    bumped Version; with DeleteStateOnClear = true (DeleteStorageKey) the row is
--    deleted and the grain's ETag becomes null.
-- Idempotent: safe to run again on the same database.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now()
);

-- One row per grain state. NULLS NOT DISTINCT (PostgreSQL 15+) makes a NULL key extension
-- count as a value, so two first writes of the same state cannot both insert.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain
    ON OrleansStorage (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString,
                       GrainIdN0, GrainIdN1, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- Write a state. With no expected version: insert version 1, unless the row already
-- exists. With an expected version: replace the payload only if the row still has that
-- version. Returns the new version, or NULL on a version conflict.
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, Version, ModifiedOn)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type,
             p_grain_id_ext, p_service_id, p_payload, 1, now())
        ON CONFLICT DO NOTHING
        RETURNING Version INTO new_version;
    ELSE
        UPDATE OrleansStorage
        SET PayloadBinary = p_payload,
            Version = Version + 1,
            ModifiedOn = now()
        WHERE GrainIdHash = p_grain_id_hash
          AND GrainTypeHash = p_grain_type_hash
          AND ServiceId = p_service_id
          AND GrainTypeString = p_grain_type
          AND GrainIdN0 = p_grain_id_n0
          AND GrainIdN1 = p_grain_id_n1
          AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_ext
          AND Version = p_expected_version
        RETURNING Version INTO new_version;
    END IF;
    RETURN new_version;
END;
$fn$;

-- Clear a state but keep its row: payload NULL, version bumped (only if the row still
-- has the expected version). Returns the new version, or NULL on a version conflict.
CREATE OR REPLACE FUNCTION orleans_storage_clear(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        Version = Version + 1,
        ModifiedOn = now()
    WHERE GrainIdHash = p_grain_id_hash
      AND GrainTypeHash = p_grain_type_hash
      AND ServiceId = p_service_id
      AND GrainTypeString = p_grain_type
      AND GrainIdN0 = p_grain_id_n0
      AND GrainIdN1 = p_grain_id_n1
      AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_ext
      AND Version = p_expected_version
    RETURNING Version INTO new_version;
    RETURN new_version;
END;
$fn$;

-- Delete a state row (DeleteStateOnClear = true), only if it still has the expected
-- version. Returns that version + 1 (Orleans only checks that it differs from the ETag
-- it sent), or NULL on a version conflict.
CREATE OR REPLACE FUNCTION orleans_storage_delete(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = p_grain_id_hash
      AND GrainTypeHash = p_grain_type_hash
      AND ServiceId = p_service_id
      AND GrainTypeString = p_grain_type
      AND GrainIdN0 = p_grain_id_n0
      AND GrainIdN1 = p_grain_id_n1
      AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_ext
      AND Version = p_expected_version
    RETURNING Version + 1 INTO new_version;
    RETURN new_version;
END;
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Grain activation reads its state. No row: Orleans starts from a fresh state with a
-- null ETag. A cleared row (NULL payload) still yields its Version as the ETag.
('ReadFromStorageKey', $q$
SELECT PayloadBinary AS "PayloadBinary",
       Version       AS "Version"
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- WriteStateAsync: returns the new ETag, NULL on a version conflict.
('WriteToStorageKey', $q$
SELECT orleans_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
                             @GrainTypeString, @GrainIdExtensionString, @ServiceId,
                             @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion";
$q$),

-- ClearStateAsync with DeleteStateOnClear = false (default): returns the new ETag,
-- NULL on a version conflict.
('ClearStorageKey', $q$
SELECT orleans_storage_clear(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
                             @GrainTypeString, @GrainIdExtensionString, @ServiceId,
                             @GrainStateVersion) AS "NewGrainStateVersion";
$q$),

-- ClearStateAsync with DeleteStateOnClear = true: deletes the row; NULL on a version
-- conflict.
('DeleteStorageKey', $q$
SELECT orleans_storage_delete(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
                              @GrainTypeString, @GrainIdExtensionString, @ServiceId,
                              @GrainStateVersion) AS "NewGrainStateVersion";
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
