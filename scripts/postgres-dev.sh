#!/usr/bin/env bash
# A throwaway local PostgreSQL cluster for hegui's tests and development (`.ci/run` uses it too).
#   scripts/postgres-dev.sh start [DIR]   start a cluster in DIR (default /tmp/hegui-postgres) on a free
#                                         local port, with TLS, and print `export HEGUI_TEST_POSTGRES_URL=…`
#   scripts/postgres-dev.sh stop [DIR]    stop it and delete DIR
# Usage: eval "$(scripts/postgres-dev.sh start)"; swift test; scripts/postgres-dev.sh stop
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail
command=${1:-start}
dir=${2:-${HEGUI_POSTGRES_DIR:-/tmp/hegui-postgres}}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-dev: no PostgreSQL server found; install Debian's postgresql package" >&2
  exit 2
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$dir"
  ;;
start)
  if [ -f "$dir/data/postmaster.pid" ] && [ -f "$dir/url" ]; then
    echo "export HEGUI_TEST_POSTGRES_URL='$(cat "$dir/url")'"
    exit 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 -N >"$dir/initdb.log"
  # A self-signed certificate, so `sslmode=require` can be tested.
  openssl req -new -x509 -days 365 -nodes -subj "/CN=localhost" \
    -keyout "$dir/data/server.key" -out "$dir/data/server.crt" 2>/dev/null
  chmod 600 "$dir/data/server.key"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/data/server.key" "$dir/data/server.crt"
  # A free local port: ask the kernel for one.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c ssl=on -c max_connections=200 -c fsync=off" >/dev/null
  as_owner "$bin/createdb" -h "$dir" -p "$port" -U postgres hegui_test
  echo "postgresql://postgres@localhost:$port/hegui_test?host=$dir" >"$dir/url"
  echo "export HEGUI_TEST_POSTGRES_URL='$(cat "$dir/url")'"
  ;;
*)
  echo "usage: $0 start|stop [DIR]" >&2
  exit 2
  ;;
esac
