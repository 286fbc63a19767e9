#!/usr/bin/env bash
# Installs and starts what the tests need beyond the .NET SDK: Debian Chromium for the browser
# tests, fonts (including Korean) so screenshots render the UI's three languages, and PostgreSQL
# for the cluster and storage tests, Mosquitto for the MQTT cluster test. Idempotent: it only installs what is missing and only starts
# PostgreSQL when it is down. npm packages are restored by the web build itself.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else SUDO=; fi
else
  SUDO=
fi

# mosquitto: the city broker of the MQTT cluster test, which starts its own on a free port (never the service).
packages=(chromium fonts-dejavu-core fonts-noto-cjk postgresql mosquitto)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "prerequisites: need root to install ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  echo "prerequisites: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
fi

# PostgreSQL: Debian's cluster, started without systemd; ready on 127.0.0.1:5432 in a few seconds.
if command -v pg_lsclusters >/dev/null 2>&1; then
  if [ -z "$(pg_lsclusters --no-header)" ]; then
    $SUDO pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n1)" main
  fi
  read -r version name _ < <(pg_lsclusters --no-header | head -n1)
  if ! pg_lsclusters --no-header | head -n1 | grep -q online; then
    echo "prerequisites: starting PostgreSQL $version/$name"
    $SUDO pg_ctlcluster "$version" "$name" start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p 5432
fi
