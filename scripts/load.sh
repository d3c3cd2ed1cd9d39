#!/usr/bin/env bash
# Load test of the coverage report endpoint with Debian's wrk, on loopback only.
#   scripts/load.sh                       # guixi from data/, 50 connections, 30 s
#   REGION=tiny DATA=/path/to/data scripts/load.sh
#   scripts/load.sh --whatif-flood        # 8 connections flood POST /whatif (STATIONS stations, circles on)
#                                         # while 4 connections read GET /regions: the reads' p95, 429s, memory
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

if [ "${1:-}" = "--whatif-flood" ]; then
  shift
  STATIONS=${STATIONS:-2000}
  # The flood's body: STATIONS stations on a grid over the box of the region's own stations (Guixi: 0.6 x 0.6
  # degrees), each a township station with two workers, circles on: the heaviest what-if a key may send below
  # Planner:MaxFeatures. Built with awk so the script needs nothing a fresh machine lacks.
  read -r minlon minlat maxlon maxlat < <(grep -o '"coordinates":\[[0-9.-]*,[0-9.-]*\]' "$DATA/$REGION/stations.geojson" |
    tr -d '"coordinates:[]' | awk -F, 'NR==1{a=$1;b=$2;c=$1;d=$2} {if($1<a)a=$1; if($2<b)b=$2; if($1>c)c=$1; if($2>d)d=$2} END{print a,b,c,d}')
  awk -v n="$STATIONS" -v x0="$minlon" -v y0="$minlat" -v x1="$maxlon" -v y1="$maxlat" 'BEGIN {
    side = int(sqrt(n)) + 1; printf "{\"minutes\":15,\"mode\":\"walk\",\"circles\":true,\"stations\":["
    for (i = 0; i < n; i++) {
      lon = x0 + (x1 - x0) * (i % side) / side; lat = y0 + (y1 - y0) * int(i / side) / side
      printf "%s{\"id\":\"F%05d\",\"name\":\"flood %d\",\"lon\":%.6f,\"lat\":%.6f,\"level\":\"township_station\",\"status\":\"operating\",\"socialWorkers\":2}", (i ? "," : ""), i, i, lon, lat
    }
    printf "]}" }' >"$work/whatif.json"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data-binary "@$work/whatif.json" "$base/regions/$REGION/whatif")
  [ "$code" = 200 ] || { echo "what-if warm-up answered $code"; exit 1; }
  probe_alone=$(wrk -t1 -c4 -d10s -H "X-Api-Key: $key" -s /dev/stdin "$base/regions" <<'LUA'
done = function(summary, latency, requests) io.write(string.format("p95=%.1fms\n", latency:percentile(95) / 1000)) end
LUA
)
  rss_before=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  cat >"$work/flood.lua" <<LUA
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; refused = 0; other = 0 end
wrk.method = "POST"
wrk.headers["X-Api-Key"] = "$key"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/whatif.json", "rb"); wrk.body = f:read("*a"); f:close()
function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 429 then refused = refused + 1 else other = other + 1; if other == 1 then io.stderr:write("what-if answered " .. status .. ": " .. string.sub(body, 1, 300) .. "\n") end end
end
function done(summary, latency, requests)
  local o, r, x = 0, 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); r = r + t:get("refused"); x = x + t:get("other") end
  io.write(string.format("whatif_ok=%d whatif_429=%d whatif_other=%d\n", o, r, x))
end
LUA
  wrk -t1 -c8 -d"$DURATION" -s "$work/flood.lua" "$base/regions/$REGION/whatif" >"$work/flood.out" 2>&1 &
  flood=$!
  sleep 1
  probe=$(wrk -t1 -c4 -d"$DURATION" -H "X-Api-Key: $key" -s /dev/stdin "$base/regions" <<'LUA'
done = function(summary, latency, requests) io.write(string.format("p95=%.1fms requests=%d non2xx=%d\n", latency:percentile(95) / 1000, summary.requests, summary.errors.status)) end
LUA
)
  rss_peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  wait "$flood"
  rss_after=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  grep "what-if answered" "$work/flood.out" | head -1 >&2 || true
  flooded=$(grep -o 'whatif_.*' "$work/flood.out")
  reads=$(grep -o 'p95=.*' <<<"$probe")
  summary="case=whatif-flood region=$REGION stations=$STATIONS duration=$DURATION GET/regions alone: $(grep -o 'p95=[^ ]*' <<<"$probe_alone"); under flood: $reads; $flooded VmRSS_before=${rss_before}kB VmHWM=${rss_peak}kB VmRSS_after=${rss_after}kB"
  echo "$summary"
  if [ "${1:-}" = "--append" ]; then
    printf '| %s | %s | %s | %s | %s | %s | %s | %s kB | %s kB | %s kB |\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$REGION" "$STATIONS" "$DURATION" \
      "$(grep -o 'p95=[^ ]*' <<<"$probe_alone" | cut -d= -f2)" "$(cut -d' ' -f1 <<<"$reads" | cut -d= -f2)" "$flooded" "$rss_before" "$rss_peak" "$rss_after" >>docs/load.md
  fi
  exit 0
fi

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
