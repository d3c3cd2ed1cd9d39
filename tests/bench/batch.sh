#!/usr/bin/env bash
# Batch throughput: a throw-away PostGIS, COUNTIES generated counties (EDGES road edges and POINTS demand points
# each, fixed seeds), one `planner batch --all` with 1 worker process and then with 2 (each --threads 1),
# printing counties per minute for each, the ratio, peak memory per worker and the database size.
#
#   bash tests/bench/batch.sh                      # 50 counties of 20,000 edges and 5,000 points
#   COUNTIES=10 EDGES=5000 POINTS=1000 bash tests/bench/batch.sh   # a quick check
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
COUNTIES="${COUNTIES:-50}"
EDGES="${EDGES:-20000}"
POINTS="${POINTS:-5000}"
THREADS="${THREADS:-1}"
export TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/planner-batch-bench.XXXXXX")"
chmod 755 "$TMPDIR" # initdb runs as the postgres user when we are root
WORKERS=()

cleanup() {
  for pid in "${WORKERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  bash "$ROOT/scripts/postgis.sh" stop >/dev/null 2>&1 || true
  rm -rf "$TMPDIR"
}
trap cleanup EXIT

dotnet build Planner.Cli -c Release -v quiet -nologo >/dev/null
dotnet build tests/bench/Planner.Benchmarks -c Release -v quiet -nologo >/dev/null
PLANNER="$ROOT/Planner.Cli/bin/Release/net10.0/planner.dll"

bash scripts/postgis.sh start >/dev/null
# shellcheck disable=SC1091
source "$TMPDIR/planner-postgis.env"
STORE="$PLANNER_TEST_POSTGIS"
PORT="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$STORE")"
sql() { psql -h 127.0.0.1 -p "$PORT" -U postgres -d planner_test -Atqc "$1"; }

dotnet "tests/bench/Planner.Benchmarks/bin/Release/net10.0/Planner.Benchmarks.dll" seed-counties "$STORE" "$COUNTIES" "$EDGES" "$POINTS"

# One run: start N worker processes, batch every county, stop them; prints "counties/minute peak-MB-per-worker".
run() {
  local n="$1"
  local log="$TMPDIR/batch-$n.log"
  sql "DROP TABLE IF EXISTS planner_county_results" || true
  WORKERS=()
  for _ in $(seq "$n"); do
    dotnet "$PLANNER" worker --store "$STORE" --threads "$THREADS" 2>>"$TMPDIR/workers.log" &
    WORKERS+=("$!")
  done
  sleep 3
  dotnet "$PLANNER" batch --store "$STORE" --all --format csv --out "$TMPDIR/batch-$n.csv" 2>"$log"
  local peak=0 ticks=0
  for pid in "${WORKERS[@]}"; do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    local kb; kb="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
    [ "${kb:-0}" -gt "$peak" ] && peak="$kb"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  WORKERS=()
  local rate; rate="$(sed -nE 's/.*\(([0-9.]+) counties\/minute\).*/\1/p' "$log" | tail -1)"
  # CPU seconds the workers used per county: the cost that does not depend on what else the machine runs.
  echo "$rate $((peak / 1024)) $(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v c="$COUNTIES" 'BEGIN { printf "%.2f", t / hz / c }')"
  grep -E "counties/minute" "$log" >&2
}

read -r one mem1 cpu1 < <(run 1)
read -r two mem2 cpu2 < <(run 2)
failed="$(grep -c ',failed,' "$TMPDIR/batch-2.csv" || true)"
db="$(sql "SELECT pg_size_pretty(pg_database_size('planner_test'))")"
echo "batch bench: $COUNTIES counties of $EDGES edges / $POINTS points"
echo "  1 worker : $one counties/minute (peak $mem1 MB, $cpu1 CPU s per county)"
echo "  2 workers: $two counties/minute (peak $mem2 MB per worker, $cpu2 CPU s per county)"
echo "  load average (other processes share the cores): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  ratio    : $(awk -v a="$two" -v b="$one" 'BEGIN { printf "%.2f", a / b }')x"
echo "  failed counties: $failed; database: $db; 2-worker run of $COUNTIES counties: $(awk -v c="$COUNTIES" -v r="$two" 'BEGIN { printf "%.0f", c / r * 60 }') s"
