#!/usr/bin/env bash
# Creates the CityTwin PostgreSQL role and database if they are missing, then applies the
# Orleans ADO.NET schema (01-main.sql .. 04-reminders.sql) as that role, so the app role
# owns every object. Safe to run again, and for as many database names as needed.
#
# Usage: deploy/sql/create-database.sh [database-name]
#
# Settings (environment, with defaults):
#   CITYTWIN_DB           database name (citytwin); the argument overrides it
#   CITYTWIN_DB_USER      application role (citytwin)
#   CITYTWIN_DB_PASSWORD  its password (citytwin); used only when the role is created
#                         and to connect; an existing role's password is left as it is
#   PGHOST, PGPORT        server for the application connection (127.0.0.1, 5432)
#   PGADMIN_URL           libpq URL of a superuser for creating the role and database.
#                         Without it: as root on Debian with a local PGHOST, psql runs as the
#                         postgres OS user over the local socket; otherwise plain psql with
#                         the PG* variables (PGUSER, PGPASSWORD, ...).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
db="${1:-${CITYTWIN_DB:-citytwin}}"
db_user="${CITYTWIN_DB_USER:-citytwin}"
db_password="${CITYTWIN_DB_PASSWORD:-citytwin}"
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"

if [[ -z "$db" || -z "$db_user" ]]; then
    echo "create-database: database name and role must not be empty" >&2
    exit 2
fi

# psql as an administrator. Extra arguments go to psql; the SQL comes on standard input.
# The first argument is the database to connect to.
if [[ -n "${PGADMIN_URL:-}" ]]; then
    admin_mode="PGADMIN_URL"
elif [[ $(id -u) -eq 0 && -f /etc/debian_version ]] && id -u postgres >/dev/null 2>&1 \
        && command -v runuser >/dev/null 2>&1 \
        && [[ "$PGHOST" == 127.0.0.1 || "$PGHOST" == localhost || "$PGHOST" == ::1 || "$PGHOST" == /* ]]; then
    # Only for a server on this machine: the local socket reaches the same cluster.
    admin_mode="postgres OS user over the local socket"
else
    admin_mode="psql with the PG* variables"
fi

admin_psql() {
    local database="$1"
    shift
    case "$admin_mode" in
        PGADMIN_URL)
            # Keep the URL's host, user and password; only the database changes.
            psql -X -q -v ON_ERROR_STOP=1 "$@" -d "$PGADMIN_URL" -c '\connect "'"$database"'"' -f - ;;
        postgres*)
            (cd / && runuser -u postgres -- env -u PGHOST -u PGUSER -u PGPASSWORD -u PGDATABASE \
                psql -X -q -v ON_ERROR_STOP=1 -p "$PGPORT" -d "$database" "$@") ;;
        *)
            psql -X -q -v ON_ERROR_STOP=1 -d "$database" "$@" ;;
    esac
}

# The maintenance database the administrator connects to first.
maintenance_db="postgres"

echo "create-database: database '$db', role '$db_user', server $PGHOST:$PGPORT (admin: $admin_mode)"

role_exists=$(admin_psql "$maintenance_db" -At -v role="$db_user" <<'SQL'
SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role');
SQL
)
if [[ "$role_exists" == "t" ]]; then
    echo "role $db_user: exists (left unchanged)"
else
    # The DO block tolerates a concurrent run creating the same role first.
    admin_psql "$maintenance_db" -v role="$db_user" -v password="$db_password" <<'SQL'
SELECT format(
    'DO $do$ BEGIN CREATE ROLE %I LOGIN PASSWORD %L; '
    'EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $do$',
    :'role', :'password')
\gexec
SQL
    echo "role $db_user: created"
fi

db_exists=$(admin_psql "$maintenance_db" -At -v db="$db" <<'SQL'
SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db');
SQL
)
if [[ "$db_exists" == "t" ]]; then
    echo "database $db: exists"
else
    admin_psql "$maintenance_db" -v db="$db" -v role="$db_user" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0', :'db', :'role')
\gexec
SQL
    echo "database $db: created, owned by $db_user"
fi

# Needed only when the database already existed with another owner: let the role create
# its objects in the public schema (PostgreSQL 15 no longer grants that to everyone).
admin_psql "$db" -v role="$db_user" <<'SQL'
SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'role')
\gexec
SQL
echo "schema public in $db: usage and create granted to $db_user"

for script in 01-main.sql 02-clustering.sql 03-persistence.sql 04-reminders.sql; do
    PGPASSWORD="$db_password" PGOPTIONS="-c client_min_messages=warning" \
        psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
            -h "$PGHOST" -p "$PGPORT" -U "$db_user" -d "$db" -f "$here/$script"
    echo "applied $script to $db as $db_user"
done

query_count=$(PGPASSWORD="$db_password" psql -X -At -h "$PGHOST" -p "$PGPORT" -U "$db_user" -d "$db" \
    -c 'SELECT count(*) FROM OrleansQuery')
echo "done: $db has $query_count Orleans queries"
