#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the store tests, from Debian's packages: a fresh data directory under /tmp,
# listening on a free loopback port only, trust authentication (loopback, test data only), durability off for speed.
#   scripts/postgres.sh start        prints OFU_POSTGRES=<connection string> and OFU_POSTGRES_DIR=<data dir> (eval-able)
#   scripts/postgres.sh start <pid>  the same, and the server is stopped once process <pid> is gone (the test run that
#                                    started it, which cannot count on running its own clean-up when it is ended)
#   scripts/postgres.sh stop <dir>   stops that server by its process id and removes the directory
# postgres refuses to run as root: as root the server runs as the 'postgres' system user.
set -euo pipefail
bin=${OFU_PG_BIN:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  [ -x "$bin/postgres" ] || { echo "PostgreSQL 15 is not installed ($bin/postgres): apt-get install postgresql-15" >&2; exit 1; }
  local dir port
  dir=$(mktemp -d /tmp/ofu-pg.XXXXXX)
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  for attempt in 1 2 3; do
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null && break
    [ "$attempt" -eq 3 ] && { cat "$dir/server.log" >&2; exit 1; }
  done
  if [ -n "${1:-}" ]; then
    local owner=$1 self
    self=$(readlink -f "$0")
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; "$2" stop "$3"' _ "$owner" "$self" "$dir" </dev/null >/dev/null 2>&1 &
  fi
  echo "OFU_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "OFU_POSTGRES_DIR='$dir'"
}

stop() {
  local dir=${1:?usage: postgres.sh stop <dir>}
  case "$dir" in /tmp/ofu-pg.*) ;; *) echo "not a directory this script made: $dir" >&2; exit 1 ;; esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    local pid
    pid=$(head -1 "$dir/data/postmaster.pid")
    # SIGINT: PostgreSQL's fast shutdown (ends sessions, no waiting for clients).
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [pid] | stop <dir>" >&2; exit 2 ;;
esac
