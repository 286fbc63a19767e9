#!/usr/bin/env bash
# Offline field kit: a self-contained build of the whole twin (web app, silo, simulator, city pack,
# the map's npm libraries) that runs on a laptop with no .NET installed and no network.
#
#   scripts/field-kit.sh [RID] [OUT]        RID: linux-x64 (default), win-x64, osx-arm64, linux-arm64, osx-x64
#   scripts/field-kit.sh check [OUT]        starts the linux build with a fake HOME in a network
#                                           namespace that has only loopback, and reads the map,
#                                           the public view and /healthz from it (root, or user namespaces)
#
# Building needs the network once (NuGet and npm); the result needs none.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "check" ]]; then
  out="${2:-artifacts/field-kit/linux-x64}"
  [[ -x "$out/CityTwin.Web" ]] || { echo "no build in $out: run scripts/field-kit.sh linux-x64 $out first" >&2; exit 1; }
  home="$(mktemp -d)"
  data="$(mktemp -d)"
  trap 'rm -rf "$home" "$data"' EXIT
  # Only loopback exists inside the namespace: any attempt to reach another host fails at once.
  unshare -n bash -s "$out" "$home" "$data" <<'INNER'
set -euo pipefail
out="$1"; home="$2"; data="$3"
ip link set lo up
if curl -s -m 3 -o /dev/null https://nuget.org; then echo "the namespace reaches the internet" >&2; exit 1; fi
cd "$out"
start=$(date +%s.%N)
HOME="$home" DOTNET_CLI_HOME="$home" ./CityTwin.Web --urls http://127.0.0.1:5080 --Orleans:DataDirectory="$data" > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  if curl -sf -o /dev/null http://127.0.0.1:5080/healthz; then break; fi
  kill -0 $pid 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
  sleep 0.5
done
live=$(date +%s.%N)
printf 'live after %.1f s\n' "$(echo "$live - $start" | bc)"
for url in /healthz / /public.html /js/app.js /lib/maplibre-gl/maplibre-gl.mjs /api/city /api/public/indicators /api/layers/districts; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:5080$url")
  echo "$code $url"
  [[ "$code" == 200 ]] || exit 1
done
for _ in 1 2 3; do
  curl -s -o /dev/null -w 'GET /api/public/indicators: %{time_total} s, %{size_download} bytes\n' http://127.0.0.1:5080/api/public/indicators
done
echo "offline field kit: OK"
INNER
  exit 0
fi

rid="${1:-linux-x64}"
out="${2:-artifacts/field-kit/$rid}"
dotnet publish web/CityTwin.Web/CityTwin.Web.csproj -c Release -r "$rid" --self-contained true -o "$out" -nologo
du -sh "$out"
