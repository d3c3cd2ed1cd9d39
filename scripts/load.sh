#!/usr/bin/env bash
# Load test of the coverage report endpoint with Debian's wrk, on loopback only.
#   scripts/load.sh                       # guixi from data/, 50 connections, 30 s
#   REGION=tiny DATA=/path/to/data scripts/load.sh
# Starts the API (Release) on 127.0.0.1 over a fresh GeoPackage workspace with a throw-away admin key given through configuration (never
# printed), warms the report cache with one request per format, records VmRSS, runs wrk with a Lua script
# that cycles JSON, CSV, GeoJSON and HTML report requests, records VmRSS again, and prints throughput, p50,
# p99, errors and memory. Add --append to append the figures to docs/load.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
REGION=${REGION:-guixi}
DATA=${DATA:-$root/data}
PORT=${PORT:-5199}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-30s}
THREADS=${THREADS:-2}
QUERY=${QUERY:-minutes=15}

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

dotnet build Planner.Api -c Release --nologo -v q >"${TMPDIR:-/tmp}/planner-load-build.log" 2>&1 || { cat "${TMPDIR:-/tmp}/planner-load-build.log"; exit 1; }
work=$(mktemp -d)
key="load-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
Planner__DataPath="$DATA" Planner__AdminKey="$key" Planner__KeysFile="$work/keys.json" Planner__Workspace="$work/workspace.gpkg" \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$root/Planner.Api/bin/Release/net10.0/Planner.Api.dll" --urls "http://127.0.0.1:$PORT" >"$work/api.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

base="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do   # the first start seeds the GeoPackage workspace from the region folders
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$base/health/ready" >/dev/null || { echo "API did not become ready"; cat "$work/api.log"; exit 1; }

url="$base/regions/$REGION/coverage?$QUERY"
for f in json csv geojson html; do
  read -r code secs < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "X-Api-Key: $key" "$url&f=$f")
  [ "$code" = 200 ] || { echo "warm-up $f answered $code"; exit 1; }
  echo "warm-up $f: ${secs}s"   # the first one computes the coverage; the others render from the cached result
done
rss_before=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

cat >"$work/formats.lua" <<LUA
local formats = { "json", "csv", "geojson", "html" }
local i = 0
wrk.headers["X-Api-Key"] = "$key"
wrk.headers["Accept-Language"] = "zh-CN"
request = function()
  i = i + 1
  return wrk.format("GET", "/regions/$REGION/coverage?$QUERY&f=" .. formats[(i % #formats) + 1])
end
LUA

out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/formats.lua" "$base")
rss_after=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "$out"

rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p50=$(awk '$1=="50%" {print $2}' <<<"$out")
p99=$(awk '$1=="99%" {print $2}' <<<"$out")
total=$(awk '/requests in/ {print $1}' <<<"$out")
non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
sockerr=$(awk '/Socket errors/ {print $0}' <<<"$out")
summary="region=$REGION connections=$CONNECTIONS duration=$DURATION requests=$total rps=$rps p50=$p50 p99=$p99 non2xx=${non2xx:-0} ${sockerr:-socket-errors=0} VmRSS_before=${rss_before}kB VmRSS_after=${rss_after}kB"
echo
echo "$summary"
if [ "${1:-}" = "--append" ]; then
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s kB | %s kB |\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$REGION" "$CONNECTIONS" "$DURATION" "$total" "$rps" "$p50" "$p99" "${non2xx:-0}" "$rss_before" "$rss_after" >>docs/load.md
fi
