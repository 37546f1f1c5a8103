#!/usr/bin/env bash
# Load on market-server through the real client: concurrent rents (throughput, p50/p99 latency)
# and rounds of two concurrent accepts on one contract (exactly one must win every round).
# Usage: bench/server-load.sh [--db PATH|jdbc:postgresql://..] [threads] [rents-per-thread] [rounds]
# Default: a fresh SQLite file, 8 threads x 50 rents, 100 race rounds. Rate limits are off.
set -euo pipefail
cd "$(dirname "$0")/.."
db=
if [ "${1:-}" = "--db" ]; then db=$2; shift 2; fi
asked=$db
threads=${1:-8}; per=${2:-50}; rounds=${3:-100}

[ -d dist/target/market/lib/server ] || ./mvnw -q -B -DskipTests package
cp=$(ls dist/target/market/lib/server/*.jar | tr '\n' ':')

work=$(mktemp -d)
server_pid=
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
db=${db:-$work/market.db}
bin/market-server --port 0 --db "$db" --no-rate-limits > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 600); do grep -q '^listening on ' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
[ -n "$url" ] || { echo "server did not start:" >&2; cat "$work/server.err" >&2; exit 1; }

case $db in jdbc:*) kind=PostgreSQL ;; *) kind=SQLite ;; esac
echo "command: bench/server-load.sh ${asked:+--db <$kind URL>} $threads $per $rounds   ($(nproc) cores, $kind, synchronous=FULL)"
java -cp "$cp" bench/ServerLoad.java "$url" "$threads" "$per" "$rounds"
