#!/usr/bin/env bash
# Ingest throughput, end to end (read, clean, analyse, index, commit), with the real CLI.
#   bench/ingest.sh [SHARED_DIR]     (default ../shared)
# 1. the 38,369-article ../shared/corpus-fr/articles.jsonl.gz
# 2. the 1,000 raw HTML pages of ../shared/corpus-fr/html/
# Each into a fresh index in a temp folder; prints the CLI's summary line (articles/s, MB/s).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "${1:-$root/../shared}" && pwd)"
. "$root/.mvn/select-jdk.sh"
(cd "$root" && ./mvnw -q -B -DskipTests package)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/jsonl" "$work/html"
ln -s "$shared/corpus-fr/articles.jsonl.gz" "$work/jsonl/"
for f in "$shared"/corpus-fr/html/*.html; do ln -s "$f" "$work/html/"; done

echo "== JSONL: corpus-fr/articles.jsonl.gz"
"$java" ${BENCH_JAVA_OPTS:-} -jar "$root/target/verbatim.jar" index --corpus "$work/jsonl" --index "$work/index-jsonl" </dev/null
echo "== HTML: corpus-fr/html/*.html"
"$java" ${BENCH_JAVA_OPTS:-} -jar "$root/target/verbatim.jar" index --corpus "$work/html" --index "$work/index-html" </dev/null
echo "== machine: $(nproc) cores, $("$java" -version 2>&1 | head -n 1)"
