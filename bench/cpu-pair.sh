#!/usr/bin/env bash
# CPU per request of two builds (or two indexes, or two JVM option sets) run AT THE SAME TIME, so that both meet the
# same load on a busy machine: two CpuPerRequest JVMs started together, ROUNDS times.
#   bench/cpu-pair.sh QUERIES "LABEL|JAR|INDEX|JVM OPTIONS" "LABEL|JAR|INDEX|JVM OPTIONS"
# Each side needs its own index folder (CpuPerRequest opens it with Lucene's write lock: copy it). Knobs: ROUNDS=3,
# PASSES=2. Prints, per round, each side's CPU ms per request over all requests, searches (all but suggest), words, filter, quotes, browse, and
# the whole JVM's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/select-jdk.sh"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
queries="$1"; shift
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
IFS='|' read -r _ jar _ _ <<< "$1"
"${java%java}javac" -nowarn -d "$classes" -cp "$jar" "$root"/bench/*.java
side() {
  local label jar index opts
  IFS='|' read -r label jar index opts <<< "$1"
  # shellcheck disable=SC2086 # options are words
  "$java" -Xmx512m $opts -cp "$jar:$classes" CpuPerRequest --index "$index" --queries "$queries" \
    --passes "${PASSES:-2}" --label "$label" 2>"$classes/$label.err" | grep -E ' (ALL|SEARCHES|PROCESS|words|filter|quotes|browse) '
}
for round in $(seq "${ROUNDS:-3}"); do
  echo "== round $round, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  side "$1" > "$classes/a.txt" & a=$!
  side "$2" > "$classes/b.txt" & b=$!
  wait "$a" || true
  wait "$b" || true
  cat "$classes/a.txt" "$classes/b.txt"
  grep -h -m 3 -E 'Exception|Error' "$classes"/*.err || true # a side that failed says why
done
