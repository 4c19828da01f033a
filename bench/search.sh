#!/usr/bin/env bash
# Search latency under load, over HTTP and in-process (the floor), on the 38k-article corpus-fr.
#   bench/search.sh [SHARED_DIR]                   (default ../shared)
# Environment knobs (all optional):
#   INDEX=DIR          reuse this index (built there if missing); default: a fresh one in a temp dir
#   SECONDS_PER_RUN=20 measured seconds per run (after WARMUP=5 s of unmeasured load)
#   PREWARM=30         seconds of unmeasured load (16 connections) on the fresh server before its first run, and
#                      added to each floor run's warm-up (each is a fresh JVM), so both sides are measured JIT-warm
#   CONNECTIONS="1 16 64"   closed-loop concurrency levels, for HTTP and for the floor
#   RATES="50"         open-loop runs at these requests/s (at most 64 in flight), HTTP and floor; "" for none
#   QUERIES=N          requests in the generated mix (default 4000); SEED=42
#   SERVER_OPTS="..."  extra JVM options for the server (default -Xmx512m), e.g.
#                      SERVER_OPTS="-Xmx512m -XX:StartFlightRecording=filename=/tmp/serve.jfr"
#   SERVER_ARGS="..."  extra arguments for `serve`, e.g. SERVER_ARGS="--backend solr --solr-zk 127.0.0.1:9983"
#                      (INDEX still gives the query mix; the collection must be indexed already)
#   SKIP_FLOOR=1       no in-process floor runs (the floor reads INDEX with Lucene: meaningless for Solr)
#   SKIP_BUILD=1       do not rebuild target/verbatim.jar
#   CLIENT=jdk         LoadTest's HTTP client: jdk (the JDK HttpClient, as before) or socket (a bare kept-alive socket
#                      per connection: less client overhead in the figures; see bench/README.md "Suggest over HTTP")
#   OUT=DIR            keep results.tsv, queries.tsv and server.log there (default: the temp dir, deleted)
# Prints a table (label, category, requests, req/s, p50/p90/p99/max ms, errors) and the server's RSS/heap.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/setup.sh" "${1:-}"
jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
secs="${SECONDS_PER_RUN:-20}"
warmup="${WARMUP:-5}"
prewarm="${PREWARM:-30}"
conns="${CONNECTIONS:-1 16 64}"
rates="${RATES-50}"
cut -f1 "$out/queries.tsv" | sort | uniq -c | tr '\n' ' '; echo

echo "== machine before: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -n 1)"
results="$out/results.tsv"
: > "$results"

# --- HTTP
# shellcheck disable=SC2086 # SERVER_ARGS are words
start_server ${SERVER_ARGS:-}
echo "== server pid $server_pid on port $port (${SERVER_OPTS:--Xmx512m}${SERVER_ARGS:+; $SERVER_ARGS})"
if [ "$prewarm" -gt 0 ]; then
  echo "-- prewarm: 16 connections, $prewarm s, not measured"
  "$java" -cp "$classes" LoadTest --url "http://localhost:$port" --queries "$out/queries.tsv" \
    --connections 16 --seconds 1 --warmup "$prewarm" --label prewarm --tsv "$out/prewarm.tsv" --client "${CLIENT:-jdk}" > /dev/null
fi
for c in $conns; do
  echo "-- http, $c connections, ${warmup}+${secs} s"
  "$java" -cp "$classes" LoadTest --url "http://localhost:$port" --queries "$out/queries.tsv" \
    --connections "$c" --seconds "$secs" --warmup "$warmup" --label "http-$c" --tsv "$results" --client "${CLIENT:-jdk}"
done
for r in $rates; do
  echo "-- http, open loop at $r requests/s, ${warmup}+${secs} s"
  "$java" -cp "$classes" LoadTest --url "http://localhost:$port" --queries "$out/queries.tsv" \
    --connections 64 --rate "$r" --seconds "$secs" --warmup "$warmup" --label "http@$r" --tsv "$results" --client "${CLIENT:-jdk}"
done
rss="$(grep -E 'VmRSS|VmHWM' /proc/$server_pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
heap="$("$jcmd" "$server_pid" GC.heap_info 2>/dev/null | grep -i -m1 -E 'total|heap' | tr -s ' ' || true)"
echo "== machine after http: load average $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

# --- the floor: same requests, same concurrency, in-process
conns_floor="$conns"; rates_floor="$rates"
if [ -n "${SKIP_FLOOR:-}" ]; then conns_floor=; rates_floor=; fi
for c in $conns_floor; do
  echo "-- floor, $c threads, $((warmup + prewarm))+${secs} s"
  "$java" -Xmx512m -cp "$cp" LuceneFloor --index "$index" --queries "$out/queries.tsv" \
    --threads "$c" --seconds "$secs" --warmup "$((warmup + prewarm))" --label "floor-$c" --tsv "$results" 2>&1 | quiet
done
for r in $rates_floor; do
  echo "-- floor, open loop at $r requests/s, $((warmup + prewarm))+${secs} s"
  "$java" -Xmx512m -cp "$cp" LuceneFloor --index "$index" --queries "$out/queries.tsv" \
    --threads 64 --rate "$r" --seconds "$secs" --warmup "$((warmup + prewarm))" --label "floor@$r" --tsv "$results" 2>&1 | quiet
done
if [ -z "${SKIP_FLOOR:-}" ]; then
  echo "-- floor + JSON serialisation, 16 threads"
  "$java" -Xmx512m -cp "$cp" LuceneFloor --index "$index" --queries "$out/queries.tsv" \
    --threads 16 --seconds "$secs" --warmup "$((warmup + prewarm))" --json --label "floor+json-16" --tsv "$results" 2>&1 | quiet
fi

echo
echo "== results (ms); machine at end: load average $(cut -d' ' -f1-3 /proc/loadavg)"
grep -v '^label' "$results" | sort -t$'\t' -k2,2 -k1,1V | awk -F'\t' 'BEGIN { printf "%-14s %-8s %7s %8s %8s %8s %8s %8s %6s\n", "label","category","n","req/s","p50","p90","p99","max","errors" }
  { printf "%-14s %-8s %7s %8s %8s %8s %8s %8s %6s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9 }'
echo
echo "== http / floor, p50 and p99, per category at each concurrency"
awk -F'\t' '$1 != "label" { if (index($1, "@")) { split($1, l, "@"); kind = l[1]; c = "@" l[2] } else { split($1, l, "-"); kind = l[1]; c = l[2] } key = $2 SUBSEP c; p50[kind, key] = $5; p99[kind, key] = $7; cats[$2]; cs[c] }
  END { for (cat in cats) for (c in cs) if (("http", cat SUBSEP c) in p50 && ("floor", cat SUBSEP c) in p50 && p50["floor", cat SUBSEP c] > 0)
          printf "%-8s c=%-4s p50 %6.2f / %6.2f = %5.2fx   p99 %7.2f / %7.2f = %5.2fx\n", cat, c,
            p50["http", cat SUBSEP c], p50["floor", cat SUBSEP c], p50["http", cat SUBSEP c] / p50["floor", cat SUBSEP c],
            p99["http", cat SUBSEP c], p99["floor", cat SUBSEP c], p99["http", cat SUBSEP c] / (p99["floor", cat SUBSEP c] > 0 ? p99["floor", cat SUBSEP c] : 1) }' "$results" | sort
echo
echo "== server memory after the HTTP runs: $rss"
[ -z "$heap" ] || echo "== server heap: $heap"
