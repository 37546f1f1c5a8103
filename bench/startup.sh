#!/usr/bin/env bash
# Start-up of the market CLI, measured side by side in one hyperfine run, under JDK 17 (the default
# java) and JDK 25 (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64; left out when absent):
#   - a one-line Java hello (the floor for --version and --help; target <= 3x),
#   - bench/StartupFloor.java, the stack floor for `offerings list -o json` (target <= 1.1x): picocli
#     parsing one option, Jackson, OkHttp, the same GET, the JSON printed; run with the launcher's
#     flags and the same archive technique (CDS on 17, AOT cache on 25), trained on the same GET,
#   - the same floor with --identity, the floor of a signed read (reported for `market rentals
#     -o json`): it also loads a key file, signs the GET of the identity's contracts and prints them;
#     its own archive, trained on that signed GET,
#   - bin/market itself (the launcher with its archive) for --version, --help, offerings list and
#     rentals (the identity has one rental),
#   - the CLI on a plain JVM (no flags, no archive) for reference.
# The server is a local market-server --demo on SQLite.
# Usage: bench/startup.sh [runs]   (default 20 runs per command, 3 warm-ups)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
jdk17=${JDK17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

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
jdks="$jdk17"
[ -x "$jdk25/bin/java" ] && jdks="$jdks $jdk25"

work=$(mktemp -d)
server_pid=
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
mkdir -p "$work/hello" "$work/floor"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
"$jdk17/bin/javac" --release 17 -d "$work/hello" "$work/hello/Hello.java"
"$jdk17/bin/javac" --release 17 -nowarn -d "$work/floor" -cp "$cp" bench/StartupFloor.java
# a jar, not a directory: CDS archives nothing from a class path with a non-empty directory on it
"$jdk17/bin/jar" cf "$work/floor.jar" -C "$work/floor" .

bin/market-server --port 0 --db "$work/market.db" --demo --no-rate-limits > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 300); do grep -q '^listening on ' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
[ -n "$url" ] || { echo "server did not start:" >&2; cat "$work/server.err" >&2; exit 1; }
export MARKET_HOME=$work/home
# an identity with one rental, for the signed read (the phrase is the BIP39 test vector's)
printf 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK8RqtHiLvprCXaGyTxcJedbWL8qL9+G29z/FaIJGqrj bench\n' > "$work/key.pub"
{
  echo "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about" \
    | bin/market identity import bench
  bin/market wallet deposit 5 --api-url "$url"
  bin/market rent 1 --hours 2 --ssh-key "$work/key.pub" --contact email:bench@example.org --yes \
    --api-url "$url"
} > "$work/setup.log" 2>&1 || { echo "bench set-up failed:" >&2; cat "$work/setup.log" >&2; exit 1; }

fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=off"
list="offerings list -o json --api-url $url"
rentals="rentals -o json --api-url $url"
echo "# $(date -u +%FT%TZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for jh in $jdks; do echo "# $("$jh/bin/java" -version 2>&1 | head -1)"; done
echo "# command: bench/startup.sh $runs"
# One hyperfine run per JDK, with JAVA_HOME set for it as a user's shell would set it: bin/market
# is run as people run it, not through env(1), whose own exec (~0.7 ms) the floor does not pay.
for jh in $jdks; do
  v=$("$jh/bin/java" -version 2>&1 | head -1 | sed 's/.*version "\([0-9]*\).*/\1/')
  # the launcher's archive for this JDK, made the way the build makes it
  env JAVA_HOME="$jh" bin/market --cds-train
  # the floors' archives: same technique, each trained on its own GET to the same server
  floor="-cp $work/floor.jar:$cp StartupFloor --api-url $url"
  for kind in get signed; do
    args=$floor
    [ "$kind" = signed ] && args="$floor --identity bench"
    if [ "$v" -ge 25 ]; then
      # made the way bin/market makes its own: without method profiles
      "$jh/bin/java" $fast -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining \
        -XX:AOTCacheOutput="$work/floor-$kind-$v.aot" $args >/dev/null
    else
      "$jh/bin/java" $fast -XX:ArchiveClassesAtExit="$work/floor-$kind-$v.jsa" $args >/dev/null 2>&1
    fi
  done
  if [ "$v" -ge 25 ]; then
    get_archive="-XX:AOTCache=$work/floor-get-$v.aot" signed_archive="-XX:AOTCache=$work/floor-signed-$v.aot"
  else
    get_archive="-XX:SharedArchiveFile=$work/floor-get-$v.jsa" signed_archive="-XX:SharedArchiveFile=$work/floor-signed-$v.jsa"
  fi
  JAVA_HOME="$jh" hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/startup-$v.json" \
    -n "jdk$v java hello" "$jh/bin/java -cp $work/hello Hello" \
    -n "jdk$v market --version" "bin/market --version" \
    -n "jdk$v market --help" "bin/market --help" \
    -n "jdk$v stack floor (offerings GET)" "$jh/bin/java $fast $get_archive $floor" \
    -n "jdk$v market offerings list -o json" "bin/market $list" \
    -n "jdk$v stack floor (signed GET)" "$jh/bin/java $fast $signed_archive $floor --identity bench" \
    -n "jdk$v market rentals -o json" "bin/market $rentals" \
    -n "jdk$v plain JVM: offerings list -o json" "$jh/bin/java -cp $cp dev.market.cli.Main $list" >&2
done
# same output from the launcher and a plain JVM, or the figures compare different work
for jh in $jdks; do
  for c in "$list" "$rentals"; do
    diff <(env JAVA_HOME="$jh" bin/market $c) <("$jh/bin/java" -cp "$cp" dev.market.cli.Main $c) >/dev/null \
      || { echo "bin/market and a plain JVM disagree on $c under $jh" >&2; exit 1; }
  done
done
echo
# medians side by side (hyperfine's summary reports means); each row against its JDK's floor
python3 - "$work"/startup-*.json <<'PY'
import json, statistics, sys
results = [r for f in sys.argv[1:] for r in json.load(open(f))["results"]]
med = {r["command"]: statistics.median(r["times"]) for r in results}
print("| command | median ms | min ms | x floor | floor | target |")
print("|---|---:|---:|---:|---|---|")
for r in results:
    name = r["command"]
    jdk = name.split(" ")[0]
    if "--version" in name or "--help" in name:
        floor, target = f"{jdk} java hello", 3.0
    elif name.endswith("market offerings list -o json"):
        floor, target = f"{jdk} stack floor (offerings GET)", 1.1
    elif name.endswith("market rentals -o json"):
        floor, target = f"{jdk} stack floor (signed GET)", None
    else:
        floor, target = None, None
    m = med[name]
    ratio = f"{m / med[floor]:.2f}" if floor else ""
    if target is None:
        verdict = "reported (no target)" if floor else ""
    else:
        verdict = ("met" if m / med[floor] <= target else "NOT met") + f" (<= {target}x)"
    print(f"| {name} | {m*1000:.0f} | {min(r['times'])*1000:.0f} | {ratio} | {floor or ''} | {verdict} |")
PY
