#!/usr/bin/env bash
# Runs a benchmark verb against a throwaway PostgreSQL 15 server on loopback, then removes it.
#   bench/run-postgres.sh books --orders 500000 --inflight 1000
#   bench/run-postgres.sh recovery --events 1000000
# The server runs as the postgres user from a temp dir; it is stopped and deleted on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL binaries not found in $PG_BIN (apt-get install postgresql-15, or set PG_BIN)" >&2; exit 2; }
[ $# -ge 1 ] || { echo "usage: $0 books|recovery [benchmark options]" >&2; exit 2; }

dir=$(mktemp -d /tmp/loom-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$dir"

as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
# Durable commits as in production (fsync on, synchronous_commit on); sized for this 2-core machine.
as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=on -c synchronous_commit=on -c shared_buffers=512MB -c max_connections=100" start >/dev/null
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE loom" >/dev/null

export LOOM_BENCH_PG="Host=127.0.0.1;Port=$port;Database=loom;Username=postgres;Pooling=true;Maximum Pool Size=50"
echo "postgres 15 on 127.0.0.1:$port (temp dir $dir)"
dotnet run -c Release --project bench/LoomExchange.Benchmarks -- "$@" --store postgres
