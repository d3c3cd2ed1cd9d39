#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 + PostGIS 3 for the storage tests.
#
#   scripts/postgis.sh start   install (Debian packages) if missing, initdb in a temp dir, start on a free
#                              loopback port, create database planner_test with the postgis extension, and
#                              write $TMPDIR/planner-postgis.env exporting PLANNER_TEST_POSTGIS
#   scripts/postgis.sh stop    stop the server and remove its directory and the env file
#
# PostgreSQL refuses to run as root, so initdb and pg_ctl run as the postgres user.
set -euo pipefail

TMP="${TMPDIR:-/tmp}"
ENV_FILE="$TMP/planner-postgis.env"
STATE_FILE="$TMP/planner-postgis.dir"
PG_VERSION=15

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_bin() {
  local dir="/usr/lib/postgresql/$PG_VERSION/bin"
  if [ -x "$dir/$1" ]; then echo "$dir/$1"; else command -v "$1"; fi
}

install_if_missing() {
  if [ -f "/usr/share/postgresql/$PG_VERSION/extension/postgis.control" ] && [ -x "/usr/lib/postgresql/$PG_VERSION/bin/initdb" ]; then
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "postgis.sh: PostgreSQL $PG_VERSION + PostGIS 3 are missing and installing them needs root" >&2
    exit 1
  fi
  echo "postgis.sh: installing postgresql-$PG_VERSION-postgis-3 (Debian packages)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" >/dev/null
}

free_port() {
  python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

start() {
  if [ -f "$STATE_FILE" ]; then
    echo "postgis.sh: already started ($(cat "$STATE_FILE")); run stop first" >&2
    exit 1
  fi
  install_if_missing
  local dir port
  dir="$(mktemp -d "$TMP/planner-postgis.XXXXXX")"
  chown postgres:postgres "$dir" 2>/dev/null || true
  chmod 700 "$dir"
  port="$(free_port)"
  as_postgres "$(pg_bin initdb)" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  as_postgres "$(pg_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
  echo "$dir" >"$STATE_FILE"
  as_postgres "$(pg_bin psql)" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE planner_test"
  as_postgres "$(pg_bin psql)" -h 127.0.0.1 -p "$port" -U postgres -d planner_test -v ON_ERROR_STOP=1 -q \
    -c "CREATE EXTENSION postgis"
  echo "export PLANNER_TEST_POSTGIS=\"Host=127.0.0.1;Port=$port;Username=postgres;Database=planner_test\"" >"$ENV_FILE"
  echo "postgis.sh: PostGIS on 127.0.0.1:$port (data in $dir); source $ENV_FILE" >&2
}

stop() {
  if [ ! -f "$STATE_FILE" ]; then
    echo "postgis.sh: not running" >&2
    rm -f "$ENV_FILE"
    return
  fi
  local dir
  dir="$(cat "$STATE_FILE")"
  if [ -d "$dir/data" ]; then
    as_postgres "$(pg_bin pg_ctl)" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir"
  rm -f "$STATE_FILE" "$ENV_FILE"
  echo "postgis.sh: stopped" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
