-- CityTwin: shared table for the Orleans ADO.NET providers (PostgreSQL 15+).
--
-- Every Orleans ADO.NET provider (clustering, grain storage, reminders) starts by
-- running "SELECT QueryKey, QueryText FROM OrleansQuery" and afterwards executes only
-- the SQL text stored here, keyed by name. The following scripts (02..04) fill it.
--
-- Identifiers are deliberately unquoted: PostgreSQL folds them to lower case, which
-- is what the providers' own unquoted SELECT resolves to.
-- Idempotent: safe to run again on the same database.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (QueryKey)
);
