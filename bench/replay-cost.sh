#!/usr/bin/env bash
# What the replay guard and durable writes cost, side by side in one run (bench/SignedLoad.java):
# signed reads on a server with the replay store on (A) and one with it off (B, the same database,
# --bench-no-replay-store), alternated; durable rents on A; the database's own durable single-row
# insert rate at the same concurrency.
# Usage: bench/replay-cost.sh [--embedded-pg | --db jdbc:postgresql://..] [clients] [reads-per-client]
#                             [rents-per-client] [rounds]
# Default: a fresh SQLite file, 32 clients, 200 reads and 10 rents each, 3 rounds.
# --embedded-pg starts a throwaway PostgreSQL (the tests' io.zonky one) and connects with
# synchronous_commit=on (its default config turns it off), so commits are durable there too.
set -euo pipefail
cd "$(dirname "$0")/.."
db=
embedded=
if [ "${1:-}" = "--db" ]; then db=$2; shift 2; fi
if [ "${1:-}" = "--embedded-pg" ]; then embedded=1; shift; fi
clients=${1:-32}; reads=${2:-200}; rents=${3:-10}; rounds=${4:-3}

work=$(mktemp -d)
pids=()
cleanup() {
  # start() runs in $(...), a subshell: its pids reach us through files, not the array
  for f in "$work"/*.pid; do
    if [ -e "$f" ]; then pids+=("$(cat "$f")"); fi
  done
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
    # not our child, so no wait: poll for its graceful stop (at most 30 s: JFR dumps its recording
    # while it stops), then kill it
    for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  if [ -n "${pg_pid:-}" ]; then exec 9>&-; wait "$pg_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# the reactor's classes (no install, no stale dist jars)
./mvnw -q -B -pl server -am compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" > "$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 1; }
cp="server/target/classes:$(cat "$work/cp.txt")"

pg_pid=
if [ -n "$embedded" ]; then
  mkfifo "$work/pg.in"
  java -cp "$cp" bench/EmbeddedPg.java < "$work/pg.in" > "$work/pg.out" 2> "$work/pg.err" &
  pg_pid=$!
  exec 9> "$work/pg.in"
  for _ in $(seq 1 600); do grep -q '^jdbc:' "$work/pg.out" 2>/dev/null && break; sleep 0.1; done
  db=$(grep '^jdbc:' "$work/pg.out") || { echo "embedded PostgreSQL did not start" >&2; cat "$work/pg.err" >&2; exit 1; }
  db="$db&options=-c%20synchronous_commit%3Don"
fi
db=${db:-$work/market.db}
case $db in jdbc:*) kind=PostgreSQL; baseline=$db ;; *) kind=SQLite; baseline=$work/baseline.db ;; esac

start() { # name, extra flags...
  local name=$1; shift
  local extra=
  # e.g. BENCH_JAVA_OPTS_A='-XX:StartFlightRecording=filename=/tmp/a.jfr' profiles server A
  if [ "$name" = a ]; then extra=${BENCH_JAVA_OPTS_A:-}; fi
  # shellcheck disable=SC2086
  java $extra -Dmarket.bench=true -cp "$cp" dev.market.server.ServerMain --port 0 --db "$db" \
    --no-rate-limits --demo "$@" > "$work/$name.out" 2> "$work/$name.err" &
  echo $! > "$work/$name.pid"
  for _ in $(seq 1 600); do grep -q '^listening on ' "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  sed -n 's/^listening on //p' "$work/$name.out"
}
url_a=$(start a)
[ -n "$url_a" ] || { cat "$work/a.err" >&2; exit 1; }
url_b=$(start b --bench-no-replay-store)
[ -n "$url_b" ] || { cat "$work/b.err" >&2; exit 1; }

if [ -n "$embedded" ]; then opt="--embedded-pg "; elif [ "$kind" = PostgreSQL ]; then opt="--db <url> "; else opt=""; fi
echo "command: bench/replay-cost.sh $opt$clients $reads $rents $rounds   ($(nproc) cores, $kind, $(date -u +%F))"
java -cp "$cp" bench/SignedLoad.java "$url_a" "$url_b" "$db" "$baseline" "$clients" "$reads" "$rents" "$rounds"

# server A's own count of how its signed reads were checked, logged when it stops (SIGTERM)
a_pid=$(cat "$work/a.pid")
kill "$a_pid" 2>/dev/null || true
for _ in $(seq 1 300); do kill -0 "$a_pid" 2>/dev/null || break; sleep 0.1; done
sed -n 's/.*replay guard: /server A at its stop: /p' "$work/a.err"
