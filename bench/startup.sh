#!/usr/bin/env bash
# Start-up of the market CLI, measured side by side in one run with hyperfine:
#   - a one-line Java hello (the floor),
#   - `market --version` and `market offerings list -o json` against a local server with the demo
#     offerings, each: plain JVM (no archive, default JIT and GC), and the launcher's flags with and
#     without the CDS archive.
# Usage: bench/startup.sh [runs]   (default 20 runs per command, 3 warm-ups)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}

if ! command -v hyperfine >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
  else
    echo "bench/startup.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 1
  fi
fi

[ -d dist/target/market/lib/cli ] || ./mvnw -q -B -DskipTests package
lib=dist/target/market/lib/cli
cp=$(ls "$lib"/*.jar | tr '\n' ':')
jsa=dist/target/market/lib/market-cli.jsa
bin/market --cds-train

work=$(mktemp -d)
server_pid=
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

bin/market-server --port 0 --db "$work/market.db" --demo --no-rate-limits > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 300); do grep -q '^listening on ' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
[ -n "$url" ] || { echo "server did not start:" >&2; cat "$work/server.err" >&2; exit 1; }
export MARKET_HOME=$work/home

fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=off"
list="offerings list -o json --api-url $url"

echo "# $(date -u +%FT%TZ) on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# command: bench/startup.sh $runs"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/startup.json" \
  -n "java hello (floor)" "java -Xshare:auto -cp $work/hello Hello" \
  -n "market --version: plain JVM" "java -cp $cp dev.market.cli.Main --version" \
  -n "market --version: flags, no archive" "java $fast -cp $cp dev.market.cli.Main --version" \
  -n "market --version: flags + CDS archive" "java $fast -XX:SharedArchiveFile=$jsa -cp $cp dev.market.cli.Main --version" \
  -n "market offerings list: plain JVM" "java -cp $cp dev.market.cli.Main $list" \
  -n "market offerings list: flags, no archive" "java $fast -cp $cp dev.market.cli.Main $list" \
  -n "market offerings list: flags + CDS archive" "java $fast -XX:SharedArchiveFile=$jsa -cp $cp dev.market.cli.Main $list" \
  -n "bin/market --version, the launcher" "bin/market --version"
echo
# medians side by side (hyperfine's summary above reports means)
python3 - "$work/startup.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
floor = statistics.median(results[0]["times"])
print("| command | median ms | min ms | x floor |")
print("|---|---:|---:|---:|")
for r in results:
    m = statistics.median(r["times"])
    print(f"| {r['command']} | {m*1000:.0f} | {min(r['times'])*1000:.0f} | {m/floor:.1f} |")
PY
