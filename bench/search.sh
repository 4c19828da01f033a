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
#                      per connection: less client overhead in the figures; see bench/README.md "Suggest over HTTP"),
#                      or wrk (Debian's `wrk`, bench/mix.lua: the same mix, one C event loop; whole-mix rows only, no
#                      per-category ones; the open-loop RATES runs still use LoadTest's socket client)
#   WRK_THREADS=1      wrk's threads (-t) with CLIENT=wrk
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
client="${CLIENT:-jdk}"
[ "$client" != wrk ] || command -v wrk >/dev/null || { echo "CLIENT=wrk: no wrk on the PATH (apt-get install wrk)"; exit 1; }
# CPU seconds (user + system) the server has used so far.
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$server_pid/stat"; }
# Closed loop of $1 connections: $2 s unmeasured, $3 s measured, labelled $4, rows appended to $5; then prints the
# CPU the load generator and the server used over the whole run (warm-up included): on 2 cores they compete.
closed_loop() {
  local c="$1" warm="$2" measured="$3" label="$4" tsv="$5" before wall0 TIMEFORMAT="%U %S"
  before="$(server_cpu)"; wall0="$(date +%s.%N)"
  if [ "$client" = wrk ]; then
    local t=$(( c < ${WRK_THREADS:-1} ? c : ${WRK_THREADS:-1} ))
    { time {
      [ "$warm" = 0 ] || wrk -t"$t" -c"$c" -d"${warm}s" --timeout 30s -s "$root/bench/mix.lua" "http://localhost:$port" \
        -- "$out/queries.tsv" "$label-warmup" "$t" > /dev/null
      wrk -t"$t" -c"$c" -d"${measured}s" --timeout 30s -s "$root/bench/mix.lua" "http://localhost:$port" \
        -- "$out/queries.tsv" "$label" "$t" > "$out/wrk.txt"
    } 2>&3; } 3>&2 2>"$out/client-time.txt"
    local row
    if row="$(grep -P '^\S+\tALL\t' "$out/wrk.txt")"; then
      echo "$row" >> "$tsv"
      echo "$row" | awk -F'\t' '{ printf "wrk: %s req/s, p50 %s ms, p90 %s, p99 %s, max %s, errors %s\n", $4, $5, $6, $7, $8, $9 }'
    else
      cat "$out/wrk.txt" >&2
    fi
  else
    { time "$java" -cp "$classes" LoadTest --url "http://localhost:$port" --queries "$out/queries.tsv" \
      --connections "$c" --seconds "$measured" --warmup "$warm" --label "$label" --tsv "$tsv" --client "$client" 2>&3
    } 3>&2 2>"$out/client-time.txt"
  fi
  awk -v wall="$(echo "$(date +%s.%N) - $wall0" | bc)" -v server="$(echo "$(server_cpu) - $before" | bc)" \
    '{ printf "cpu over %.1f s: client %.1f s (%.2f cores), server %.1f s (%.2f cores)\n", wall, $1 + $2, ($1 + $2) / wall, server, server / wall }' \
    "$out/client-time.txt"
}

# shellcheck disable=SC2086 # SERVER_ARGS are words
start_server ${SERVER_ARGS:-}
echo "== server pid $server_pid on port $port (${SERVER_OPTS:--Xmx512m}${SERVER_ARGS:+; $SERVER_ARGS}), client $client"
if [ "$prewarm" -gt 0 ]; then
  # LoadTest first sends 100 requests one by one (the facet labels, the completions): with CLIENT=wrk as well.
  echo "-- prewarm: 16 connections, $prewarm s, not measured"
  client="$([ "$client" = wrk ] && echo socket || echo "$client")" closed_loop 16 0 "$prewarm" prewarm "$out/prewarm.tsv" > /dev/null
fi
for c in $conns; do
  echo "-- http, $c connections, ${warmup}+${secs} s"
  closed_loop "$c" "$warmup" "$secs" "http-$c" "$results"
done
for r in $rates; do
  echo "-- http, open loop at $r requests/s, ${warmup}+${secs} s"
  "$java" -cp "$classes" LoadTest --url "http://localhost:$port" --queries "$out/queries.tsv" \
    --connections 64 --rate "$r" --seconds "$secs" --warmup "$warmup" --label "http@$r" --tsv "$results" \
    --client "$([ "$client" = wrk ] && echo socket || echo "$client")"
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
