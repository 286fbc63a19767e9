#!/usr/bin/env bash
# Runs CityTwin as a cluster on this machine, without containers: PostgreSQL, two silos, the web
# node and the simulator, all on loopback.
#
#   deploy/local-cluster.sh up       start whatever is not running yet, wait until it is healthy
#   deploy/local-cluster.sh status   one line per process: running/stopped, pid, URL
#   deploy/local-cluster.sh down     stop the processes (SIGTERM, then SIGKILL after 20 s)
#
# State lives in .local-cluster/ at the repository root: publish/ (the build), logs/<name>.log,
# pids/<name>.pid. PostgreSQL is started when needed but never stopped: it may serve others.
#
# Settings (environment, with defaults):
#   CITYTWIN_DB, CITYTWIN_DB_USER, CITYTWIN_DB_PASSWORD   citytwin, citytwin, citytwin
#   PGHOST, PGPORT                                        127.0.0.1, 5432
#   CITYTWIN_CONNECTION_STRING    built from the five above
#   CITYTWIN_PG_CLUSTER           Debian cluster to start ("15 main"; else the first one listed)
#   CITYTWIN_SILO1_HTTP_PORT, CITYTWIN_SILO1_SILO_PORT, CITYTWIN_SILO1_GATEWAY_PORT   5181, 11111, 30000
#   CITYTWIN_SILO2_HTTP_PORT, CITYTWIN_SILO2_SILO_PORT, CITYTWIN_SILO2_GATEWAY_PORT   5182, 11112, 30001
#   CITYTWIN_WEB_HTTP_PORT        5080
#   CITYTWIN_HEALTH_TIMEOUT       seconds to wait for each /healthz (180)
#   CITYTWIN_STOP_TIMEOUT         seconds between SIGTERM and SIGKILL (20)
#   CITYTWIN_SKIP_BUILD=1         reuse .local-cluster/publish as it is
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$repo/.local-cluster"
logs="$state/logs"
pids="$state/pids"
publish="$state/publish"

db_name="${CITYTWIN_DB:-citytwin}"
db_user="${CITYTWIN_DB_USER:-citytwin}"
db_password="${CITYTWIN_DB_PASSWORD:-citytwin}"
pg_host="${PGHOST:-127.0.0.1}"
pg_port="${PGPORT:-5432}"
connection="${CITYTWIN_CONNECTION_STRING:-Host=$pg_host;Port=$pg_port;Database=$db_name;Username=$db_user;Password=$db_password}"

silo1_http=${CITYTWIN_SILO1_HTTP_PORT:-5181}
silo1_silo=${CITYTWIN_SILO1_SILO_PORT:-11111}
silo1_gateway=${CITYTWIN_SILO1_GATEWAY_PORT:-30000}
silo2_http=${CITYTWIN_SILO2_HTTP_PORT:-5182}
silo2_silo=${CITYTWIN_SILO2_SILO_PORT:-11112}
silo2_gateway=${CITYTWIN_SILO2_GATEWAY_PORT:-30001}
web_http=${CITYTWIN_WEB_HTTP_PORT:-5080}

health_timeout="${CITYTWIN_HEALTH_TIMEOUT:-180}"
stop_timeout="${CITYTWIN_STOP_TIMEOUT:-20}"

# Start order; down goes the other way (clients leave before the silos).
names=(silo1 silo2 sim web)

# Published project of each process, its folder under publish/ and its entry assembly.
project_of() {
    case "$1" in
        silo1 | silo2) echo "silo/CityTwin.Silo/CityTwin.Silo.csproj" ;;
        web) echo "web/CityTwin.Web/CityTwin.Web.csproj" ;;
        sim) echo "sim/CityTwin.Sim/CityTwin.Sim.csproj" ;;
    esac
}
folder_of() {
    case "$1" in
        silo1 | silo2) echo silo ;;
        *) echo "$1" ;;
    esac
}
dll_of() {
    case "$1" in
        silo1 | silo2) echo CityTwin.Silo.dll ;;
        web) echo CityTwin.Web.dll ;;
        sim) echo CityTwin.Sim.dll ;;
    esac
}
url_of() {
    case "$1" in
        silo1) echo "http://127.0.0.1:$silo1_http" ;;
        silo2) echo "http://127.0.0.1:$silo2_http" ;;
        web) echo "http://127.0.0.1:$web_http" ;;
        *) echo "" ;;
    esac
}

# Environment of each process, one KEY=VALUE a line. Every process gets the same cluster ids,
# database, city and seed: asset indices are derived from the last two.
env_of() {
    echo "ConnectionStrings__Orleans=$connection"
    echo "Orleans__ClusterId=citytwin"
    echo "Orleans__ServiceId=citytwin"
    echo "City__Name=incheon"
    echo "Simulation__Seed=20240624"
    echo "Orleans__AdvertisedIPAddress=127.0.0.1"
    case "$1" in
        silo1)
            echo "Orleans__Mode=Cluster"
            echo "Orleans__SiloPort=$silo1_silo"
            echo "Orleans__GatewayPort=$silo1_gateway"
            echo "Urls=http://127.0.0.1:$silo1_http"
            ;;
        silo2)
            echo "Orleans__Mode=Cluster"
            echo "Orleans__SiloPort=$silo2_silo"
            echo "Orleans__GatewayPort=$silo2_gateway"
            echo "Urls=http://127.0.0.1:$silo2_http"
            ;;
        web)
            echo "Orleans__Mode=Cluster"
            echo "Urls=http://127.0.0.1:$web_http"
            ;;
        sim)
            echo "Simulation__TickInterval=00:00:01"
            ;;
    esac
}

log() { echo "local-cluster: $*"; }
fail() {
    echo "local-cluster: $*" >&2
    exit 1
}

# The pid of a running process of ours, or nothing. The command line must still name our
# assembly, so a stale pid file whose number was reused by another process does not count.
pid_of() {
    local name="$1" file="$pids/$1.pid" pid
    [[ -f "$file" ]] || return 0
    pid="$(cat "$file" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$(dll_of "$name")" || return 0
    echo "$pid"
}

http_ok() {
    curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null
}

ensure_postgres() {
    if pg_isready -q -h "$pg_host" -p "$pg_port" 2>/dev/null; then
        return
    fi
    case "$pg_host" in
        127.0.0.1 | localhost | ::1) ;;
        *) fail "PostgreSQL at $pg_host:$pg_port does not answer (pg_isready); start it or set PGHOST/PGPORT" ;;
    esac
    command -v pg_ctlcluster >/dev/null 2>&1 \
        || fail "PostgreSQL at $pg_host:$pg_port does not answer and pg_ctlcluster is missing (apt-get install postgresql)"
    local cluster="${CITYTWIN_PG_CLUSTER:-}"
    if [[ -z "$cluster" ]]; then
        if pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -qx "15 main"; then
            cluster="15 main"
        else
            cluster="$(pg_lsclusters -h 2>/dev/null | awk 'NR == 1 {print $1, $2}')"
        fi
    fi
    [[ -n "$cluster" ]] || fail "no PostgreSQL cluster found (pg_lsclusters is empty)"
    log "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086 # "15 main" is two arguments on purpose
    if [[ $(id -u) -eq 0 ]]; then
        pg_ctlcluster $cluster start
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n pg_ctlcluster $cluster start || fail "could not start PostgreSQL: run 'sudo pg_ctlcluster $cluster start'"
    else
        fail "could not start PostgreSQL as $(id -un): run 'pg_ctlcluster $cluster start' as root"
    fi
    for _ in $(seq 1 30); do
        pg_isready -q -h "$pg_host" -p "$pg_port" && return
        sleep 1
    done
    fail "PostgreSQL did not accept connections on $pg_host:$pg_port within 30 s"
}

prepare_database() {
    local script="$repo/deploy/sql/create-database.sh"
    [[ -f "$script" ]] || fail "$script is missing"
    CITYTWIN_DB="$db_name" CITYTWIN_DB_USER="$db_user" CITYTWIN_DB_PASSWORD="$db_password" \
        PGHOST="$pg_host" PGPORT="$pg_port" bash "$script" "$db_name"
}

build() {
    local folder
    for folder in silo web sim; do
        local project
        case "$folder" in
            silo) project="$(project_of silo1)" ;;
            *) project="$(project_of "$folder")" ;;
        esac
        [[ -f "$repo/$project" ]] || fail "$project is missing"
        log "publishing $project"
        rm -rf "${publish:?}/$folder"
        # Intermediate files under .local-cluster too, away from the bin/ and obj/ of a developer's
        # own builds that may be running at the same time.
        dotnet publish "$repo/$project" -c Release -o "$publish/$folder" \
            --artifacts-path "$state/build" -nologo -v:q >"$logs/build-$folder.log" 2>&1 \
            || { tail -n 30 "$logs/build-$folder.log" >&2; fail "publishing $project failed; see $logs/build-$folder.log"; }
    done
}

start() {
    local name="$1" dir dll
    dir="$publish/$(folder_of "$name")"
    dll="$(dll_of "$name")"
    [[ -f "$dir/$dll" ]] || fail "$dir/$dll is missing; run without CITYTWIN_SKIP_BUILD"
    local -a environment
    mapfile -t environment < <(env_of "$name")
    echo "=== $(date -Is) starting $name" >>"$logs/$name.log"
    # From its publish folder, so the city pack beside the program is the one it loads.
    # Production, whatever the caller's shell says, so appsettings.Development.json stays out.
    (
        cd "$dir"
        nohup env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production "${environment[@]}" \
            dotnet "$dll" >>"$logs/$name.log" 2>&1 </dev/null &
        echo $! >"$pids/$name.pid"
    )
    log "$name started (pid $(cat "$pids/$name.pid")${2:+, $2})"
}

# Waits for a process's /healthz; stops early, with its log, if the process dies.
wait_healthy() {
    local name="$1" url
    url="$(url_of "$name")/healthz"
    local deadline=$((SECONDS + health_timeout))
    while ((SECONDS < deadline)); do
        if http_ok "$url"; then
            log "$name healthy ($url)"
            return
        fi
        if [[ -z "$(pid_of "$name")" ]]; then
            tail -n 30 "$logs/$name.log" >&2 || true
            fail "$name exited before $url answered 200; see $logs/$name.log"
        fi
        sleep 1
    done
    tail -n 30 "$logs/$name.log" >&2 || true
    fail "$name did not answer 200 on $url within $health_timeout s; see $logs/$name.log"
}

up() {
    mkdir -p "$logs" "$pids" "$publish"
    local name missing=()
    for name in "${names[@]}"; do
        [[ -n "$(pid_of "$name")" ]] || missing+=("$name")
    done
    if ((${#missing[@]} == 0)); then
        log "already running"
        status
        return
    fi

    ensure_postgres
    prepare_database

    # Rebuild only when nothing runs: overwriting the assemblies of a running process breaks it.
    if [[ "${CITYTWIN_SKIP_BUILD:-}" == 1 ]]; then
        log "CITYTWIN_SKIP_BUILD=1: using $publish as it is"
    elif ((${#missing[@]} == ${#names[@]})); then
        build
    else
        log "some processes still run: reusing the existing build for ${missing[*]}"
    fi

    for name in "${missing[@]}"; do
        start "$name" "$(url_of "$name")"
    done
    for name in silo1 silo2 web; do
        wait_healthy "$name"
    done
    [[ -n "$(pid_of sim)" ]] || fail "sim exited; see $logs/sim.log"
    log "up: map on $(url_of web)"
}

stop() {
    local name="$1" pid
    pid="$(pid_of "$name")"
    if [[ -z "$pid" ]]; then
        rm -f "$pids/$name.pid"
        return
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + stop_timeout))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name (pid $pid) still running after $stop_timeout s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    else
        log "$name (pid $pid) stopped"
    fi
    rm -f "$pids/$name.pid"
}

down() {
    local i
    for ((i = ${#names[@]} - 1; i >= 0; i--)); do
        stop "${names[i]}"
    done
    log "down"
}

# Exit code 0 when every process runs, 3 otherwise (as LSB status commands do).
status() {
    local name pid url all=0
    for name in "${names[@]}"; do
        pid="$(pid_of "$name")"
        url="$(url_of "$name")"
        if [[ -n "$pid" ]]; then
            printf '%-6s running  pid %-8s %s\n' "$name" "$pid" "${url:--}"
        else
            printf '%-6s stopped  %-12s %s\n' "$name" "" "${url:--}"
            all=3
        fi
    done
    return "$all"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) status ;;
    *)
        echo "usage: $0 up|down|status" >&2
        exit 2
        ;;
esac
