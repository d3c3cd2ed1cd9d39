#!/usr/bin/env bash
# Coverage against the peer a GIS analyst would use: PostgreSQL + PostGIS + pgRouting (pgr_drivingDistance,
# many roots, equicost) on the same walk network, demand and operating stations, side by side with ours.
# Run by hand (needs root for apt-get and su):  tests/bench/peers.sh [EDGES POINTS STATIONS SEED]
#                                           or:  tests/bench/peers.sh data/porto-alegre   (a region folder)
# Defaults: a synthetic county of 45,000 edges (about the Porto Alegre walk network), 20,000 points, 40 stations.
# pgRouting snaps to the nearest vertex and ignores the off-road leg, so its covered total differs from ours
# (ours joins each point at the nearest point of the nearest edge and counts the leg and partial edges).
set -euo pipefail
EDGES=${1:-45000}; POINTS=${2:-20000}; STATIONS=${3:-40}; SEED=${4:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin

if ! dpkg -s postgresql-15-postgis-3 postgresql-15-pgrouting >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3 postgresql-15-pgrouting >/dev/null
fi

WORK=$(mktemp -d /tmp/peers.XXXXXX)
chmod 755 "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cleanup() { su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build -c Release "$ROOT/tests/bench/Planner.Benchmarks" -v q -nologo >/dev/null
if [ -d "${1:-}" ]; then
  REGION=$(cd "$1" && pwd)
  dotnet "$ROOT/tests/bench/Planner.Benchmarks/bin/Release/net10.0/Planner.Benchmarks.dll" export-region "$WORK/data" "$REGION"
  LABEL="region $(basename "$REGION")"
else
  dotnet "$ROOT/tests/bench/Planner.Benchmarks/bin/Release/net10.0/Planner.Benchmarks.dll" export "$WORK/data" "$EDGES" "$POINTS" "$STATIONS" "$SEED"
  LABEL="synthetic $EDGES edges"
fi
chmod -R a+rX "$WORK/data"

mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
su postgres -c "$PGBIN/initdb -D $WORK/pg -A trust -U postgres" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg/log -o '-p $PORT -k $WORK/pg -h 127.0.0.1' -w start" >/dev/null
PSQL="psql -X -q -h 127.0.0.1 -p $PORT -U postgres -d postgres -v ON_ERROR_STOP=1"

su postgres -c "$PSQL" <<SQL
CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;
CREATE TABLE edges(id bigint PRIMARY KEY, source bigint, target bigint, cost float8, reverse_cost float8);
\copy edges FROM '$WORK/data/edges.csv' CSV HEADER
CREATE TABLE vertices(id bigint PRIMARY KEY, x float8, y float8);
\copy vertices FROM '$WORK/data/vertices.csv' CSV HEADER
ALTER TABLE vertices ADD COLUMN geom geometry(Point); UPDATE vertices SET geom = ST_MakePoint(x, y);
CREATE INDEX ON vertices USING gist(geom);
CREATE TABLE demand(id text, x float8, y float8, total float8);
\copy demand FROM '$WORK/data/demand.csv' CSV HEADER
CREATE TABLE stations(id text, x float8, y float8);
\copy stations FROM '$WORK/data/stations.csv' CSV HEADER
-- Nearest-vertex snapping within the same 500 m as ours (a one-off load step, not timed).
ALTER TABLE demand ADD COLUMN vid bigint; ALTER TABLE stations ADD COLUMN vid bigint;
UPDATE demand d SET vid = (SELECT v.id FROM vertices v WHERE ST_DWithin(v.geom, ST_MakePoint(d.x, d.y), 500) ORDER BY v.geom <-> ST_MakePoint(d.x, d.y) LIMIT 1);
UPDATE stations s SET vid = (SELECT v.id FROM vertices v WHERE ST_DWithin(v.geom, ST_MakePoint(s.x, s.y), 500) ORDER BY v.geom <-> ST_MakePoint(s.x, s.y) LIMIT 1);
CREATE INDEX ON demand(vid);
ANALYZE;
SQL

QUERY="SELECT coalesce(sum(d.total), 0) FROM demand d WHERE d.vid IN (SELECT node FROM pgr_drivingDistance('SELECT id, source, target, cost, reverse_cost FROM edges', (SELECT array_agg(DISTINCT vid) FROM stations WHERE vid IS NOT NULL), 900, directed => false, equicost => true));"
for i in 1 2 3; do
  OUT=$(su postgres -c "$PSQL -t -A -c '\\timing on' -c \"$QUERY\"")
done
PG_COVERED=$(echo "$OUT" | grep -E "^[0-9.e+]+$" | head -1)
PG_MS=$(echo "$OUT" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
read -r OUR_MS OUR_COVERED NEDGES NSTATIONS < "$WORK/data/ours.txt"
VERSION=$(su postgres -c "$PSQL -t -A -c 'SELECT pgr_version()'")

NPOINTS=$(($(wc -l < "$WORK/data/demand.csv") - 1))
printf '\nregion: %s (walk graph %s edges), %s points, %s operating stations, 15 min walk\n' "$LABEL" "$NEDGES" "$NPOINTS" "$NSTATIONS"
printf '%-28s %12s %14s\n' "method" "time (ms)" "covered total"
printf '%-28s %12s %14s\n' "pgRouting $VERSION" "$PG_MS" "$PG_COVERED"
printf '%-28s %12s %14s\n' "CoverageMap (Dijkstra)" "$OUR_MS" "$OUR_COVERED"
python3 -c "print(f'speed-up: {float(\"$PG_MS\")/float(\"$OUR_MS\"):.1f}x')"
