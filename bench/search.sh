#!/usr/bin/env bash
# Offering search on 100,000 offerings: seeds a temp SQLite file and embedded PostgreSQL through the
# server's real migrations, then times the listing queries of GET /offerings through the real store
# (JdbcStore + OfferingSql). Prints median and p95 per query, and the command used.
# Usage: bench/search.sh [rows] [runs]   (defaults 100000 and 30; PG_SKIP=true leaves PostgreSQL
# out; EXPLAIN=true prints each query's plan)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
runs=${2:-30}
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT

./mvnw -q -B -pl server -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
cp="server/target/test-classes:server/target/classes:client-core/target/classes:$(cat "$cp_file")"

cmd=(java -Xmx1g -Drows="$rows" -Druns="$runs" -Dpg.skip="${PG_SKIP:-false}"
  -Dexplain="${EXPLAIN:-false}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -cp "$cp" dev.market.server.bench.SearchBench)
echo "# command: bench/search.sh $rows $runs  (java -Xmx1g -Drows=$rows -Druns=$runs ... dev.market.server.bench.SearchBench)"
echo "# machine: $(nproc) cpus, $(java -version 2>&1 | head -1)"
"${cmd[@]}"
