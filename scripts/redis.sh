#!/usr/bin/env bash
# A throwaway Redis for team-mode tests (Orleans membership, reminders and grain directory), from Debian's redis-server:
# a fresh directory under /tmp, listening on a free loopback port only, no persistence (no RDB snapshots, no AOF).
#   scripts/redis.sh start        prints OFU_REDIS=127.0.0.1:<port> and OFU_REDIS_DIR=<dir> (eval-able)
#   scripts/redis.sh start <pid>  the same, and the server is stopped once process <pid> is gone
#   scripts/redis.sh stop <dir>   stops that server by its process id and removes the directory
set -euo pipefail
bin=${OFU_REDIS_BIN:-/usr/bin/redis-server}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  [ -x "$bin" ] || { echo "redis-server is not installed ($bin): apt-get install redis-server" >&2; exit 1; }
  local dir port
  dir=$(mktemp -d /tmp/ofu-redis.XXXXXX)
  chmod 700 "$dir"
  for attempt in 1 2 3; do
    port=$(free_port)
    "$bin" --bind 127.0.0.1 --port "$port" --protected-mode yes --dir "$dir" --save '' --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    for _ in $(seq 1 50); do
      if [ -s "$dir/redis.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        break 2
      fi
      sleep 0.1
    done
    [ -s "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    [ "$attempt" -eq 3 ] && { cat "$dir/redis.log" >&2; exit 1; }
  done
  if [ -n "${1:-}" ]; then
    local owner=$1 self
    self=$(readlink -f "$0")
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; "$2" stop "$3"' _ "$owner" "$self" "$dir" </dev/null >/dev/null 2>&1 &
  fi
  echo "OFU_REDIS='127.0.0.1:$port'"
  echo "OFU_REDIS_DIR='$dir'"
}

stop() {
  local dir=${1:?usage: redis.sh stop <dir>}
  case "$dir" in /tmp/ofu-redis.*) ;; *) echo "not a directory this script made: $dir" >&2; exit 1 ;; esac
  if [ -s "$dir/redis.pid" ]; then
    local pid
    pid=$(cat "$dir/redis.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [pid] | stop <dir>" >&2; exit 2 ;;
esac
