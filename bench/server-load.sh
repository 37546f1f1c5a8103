#!/usr/bin/env bash
# Load on market-server through the real client: concurrent rents and reads (throughput, p50/p99)
# and rounds of two concurrent accepts on one contract (exactly one must win every round).
# Usage: bench/server-load.sh [--db PATH|jdbc:postgresql://..|--embedded-pg] [threads] [rents-per-thread] [rounds]
# --embedded-pg starts a throwaway PostgreSQL (io.zonky embedded-postgres, the tests' one).
# Default: a fresh SQLite file, 8 threads x 50 rents, 100 race rounds. Rate limits are off;
# --limits switches them on with budgets too large to ever refuse, to measure what checking
# them costs (the per-address bucket runs on every request).
set -euo pipefail
cd "$(dirname "$0")/.."
db=
embedded=
limits=
if [ "${1:-}" = "--limits" ]; then limits=1; shift; fi
if [ "${1:-}" = "--db" ]; then db=$2; shift 2; fi
if [ "${1:-}" = "--embedded-pg" ]; then embedded=1; shift; fi
asked=$db
threads=${1:-8}; per=${2:-50}; rounds=${3:-100}

[ -d dist/target/market/lib/server ] || ./mvnw -q -B -DskipTests package
cp=$(ls dist/target/market/lib/server/*.jar | tr '\n' ':')

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "${pg_pid:-}" ]; then exec 9>&-; wait "$pg_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
pg_pid=
if [ -n "$embedded" ]; then
  # compile in the reactor so client-core resolves without being installed
  ./mvnw -q -B -pl server -am compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/test-cp.txt" > "$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 1; }
  mkfifo "$work/pg.in"
  java -cp "$(cat "$work/test-cp.txt")" bench/EmbeddedPg.java < "$work/pg.in" > "$work/pg.out" 2> "$work/pg.err" &
  pg_pid=$!
  exec 9> "$work/pg.in"
  for _ in $(seq 1 600); do grep -q '^jdbc:' "$work/pg.out" 2>/dev/null && break; sleep 0.1; done
  db=$(grep '^jdbc:' "$work/pg.out") || { echo "embedded PostgreSQL did not start" >&2; cat "$work/pg.err" >&2; exit 1; }
  asked="embedded"
fi
db=${db:-$work/market.db}
if [ -n "$limits" ]; then
  big=1000000000
  rl=(--rent-rate $big --rent-burst $big --address-rate $big --address-burst $big)
else
  rl=(--no-rate-limits)
fi
bin/market-server --port 0 --db "$db" "${rl[@]}" > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 600); do grep -q '^listening on ' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
[ -n "$url" ] || { echo "server did not start:" >&2; cat "$work/server.err" >&2; exit 1; }

case $db in jdbc:*) kind=PostgreSQL ;; *) kind=SQLite ;; esac
if [ -n "$embedded" ]; then opt="--embedded-pg "; elif [ -n "$asked" ]; then opt="--db <$kind> "; else opt=""; fi
if [ -n "$limits" ]; then opt="--limits $opt"; fi
echo "command: bench/server-load.sh $opt$threads $per $rounds   ($(nproc) cores, $kind)"
java -cp "$cp" bench/ServerLoad.java "$url" "$threads" "$per" "$rounds"
