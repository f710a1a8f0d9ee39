#!/usr/bin/env bash
# Process-level chaos run (issue 6): a Lighthouse and 3 exchange nodes on a throwaway PostgreSQL 15 on loopback,
# `loomctl bench` load over every gateway, a SIGKILL of a random node every --interval seconds for --kills rounds
# (each restarted), then verification against the journal. Last line:
#   chaos kills=… failover_p50_s=… failover_max_s=… acked=… lost=… duplicated=…
#   scripts/chaos.sh --kills 10 [--interval 15] [--rate 1000] [--json chaos.json] [--node-arg --Loom:Cluster:...=...]
# Script options (everything else goes to the driver, `LoomExchange.Benchmarks chaos`, see its usage):
#   --no-build            use the existing build outputs
#   --configuration C     build and run configuration C (default Release)
# The server runs as the postgres user from a temp dir; it is stopped and deleted on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL binaries not found in $PG_BIN (apt-get install postgresql-15, or set PG_BIN)" >&2; exit 2; }

build=1
configuration=Release
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --configuration) configuration=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ "$build" = 1 ]; then
  for project in src/Node src/Lighthouse src/Cli bench/LoomExchange.Benchmarks; do
    dotnet build "$project" -c "$configuration" -v q -nologo >/dev/null || { echo "build of $project failed" >&2; exit 2; }
  done
fi

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
# Durable commits as in production (fsync on, synchronous_commit on); three nodes' pools need the connections.
as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=on -c synchronous_commit=on -c shared_buffers=256MB -c max_connections=200" start >/dev/null
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE loom" >/dev/null

export LOOM_CHAOS_PG="Host=127.0.0.1;Port=$port;Database=loom;Username=postgres;Pooling=true;Maximum Pool Size=20"
echo "postgres 15 on 127.0.0.1:$port (temp dir $dir)"
dotnet "bench/LoomExchange.Benchmarks/bin/$configuration/net10.0/LoomExchange.Benchmarks.dll" chaos --configuration "$configuration" ${args[@]+"${args[@]}"}
