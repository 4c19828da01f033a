#!/usr/bin/env bash
# Interleaved A/B of two `serve` settings on one jar and one index: latency at each concurrency and the server's CPU
# per request (its process's user+sys time over the run / requests answered), which a busy machine disturbs less.
#   bench/pool-ab.sh [SHARED_DIR]
# Environment knobs (besides setup.sh's INDEX, OUT, SKIP_BUILD, SEED, QUERIES, SERVER_OPTS):
#   A_ARGS="--search-threads 0"   B_ARGS=""   the two sides' extra `serve` arguments (default: searches on the HTTP
#                                            threads against the default search pool)
#   A_OPTS, B_OPTS                           the two sides' JVM options (default: SERVER_OPTS, or -Xmx512m)
#   A_JAR, B_JAR                             the two sides' jars (default: this build's target/verbatim.jar)
#   ROUNDS=2  CONNECTIONS="1 16 64"  SECONDS_PER_RUN=10  PREWARM=30 (16 connections, not measured, per server start)
# Prints one line per side, round and concurrency: req/s, p50/p99/mean of all requests, p99 of words and browse searches
# (the costliest), p50/p99 of suggest, and the server's CPU ms
# per request: on the threads serving requests (req-cpu), and on the others (other: JIT compilers, GC).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/setup.sh" "${1:-}"
rounds="${ROUNDS:-2}"
conns="${CONNECTIONS:-1 16 64}"
secs="${SECONDS_PER_RUN:-10}"
prewarm="${PREWARM:-30}"
ticks="$(getconf CLK_TCK)"
built="$jar"
# CPU ticks of each group of threads (name without its number), for the breakdown written beside the results.
thread_ticks() {
  local t f
  for t in /proc/"$1"/task/*; do
    read -r -a f < <(sed 's/^.*) //' "$t/stat" 2>/dev/null) || continue
    echo "$(sed 's/[0-9#-]*$//; s/ /_/g' "$t/comm" 2>/dev/null) $((f[11] + f[12]))"
  done | awk '{ n[$1] += $2 } END { for (k in n) print k, n[k] }'
}
# CPU ticks of the threads that serve requests (Jetty's, the search pool's, virtual threads' carriers), then of the rest
# (JIT compilers, GC, ...), which a shorter or slower run spreads over fewer requests.
cpu_ticks() {
  local req=0 all=0 t f
  for t in /proc/"$1"/task/*; do
    read -r -a f < <(sed 's/^.*) //' "$t/stat" 2>/dev/null) || continue
    all=$((all + f[11] + f[12]))
    case "$(cat "$t/comm" 2>/dev/null)" in JettyServerThre*|verbatim-search*|ForkJoinPool*) req=$((req + f[11] + f[12])) ;; esac
  done
  echo "$req $all"
}

printf '%-5s %-2s %4s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %s\n' round AB conn 'req/s' p50 p99 mean words99 browse99 \
  sug-p50 sug-p99 'req-cpu' 'other' 'load'
for round in $(seq "$rounds"); do
  # A first in odd rounds, B first in even ones: the first server of a round measured slower at 1 connection.
  order="A B"; [ $((round % 2)) -eq 0 ] && order="B A"
  for side in $order; do
    if [ "$side" = A ]; then args="${A_ARGS---search-threads 0}"; opts="${A_OPTS-}"; jar="${A_JAR:-$built}"
    else args="${B_ARGS-}"; opts="${B_OPTS-}"; jar="${B_JAR:-$built}"; fi
    # shellcheck disable=SC2086 # args are words
    SERVER_OPTS="${opts:-${SERVER_OPTS:--Xmx512m}}" start_server $args
    "$java" -cp "$classes" LoadTest --url "http://localhost:$port" --queries "$out/queries.tsv" --connections 16 \
      --seconds 1 --warmup "$prewarm" --label prewarm --client socket > /dev/null
    for c in $conns; do
      tsv="$out/ab-$round-$side-$c.tsv"; rm -f "$tsv"
      read -r req0 all0 < <(cpu_ticks "$server_pid")
      thread_ticks "$server_pid" > "$out/threads-before"
      "$java" -cp "$classes" LoadTest --url "http://localhost:$port" --queries "$out/queries.tsv" --connections "$c" \
        --seconds "$secs" --warmup 0 --prime 0 --label "$side-$c" --tsv "$tsv" --client socket > "$out/load-$round-$side-$c.txt"
      read -r req1 all1 < <(cpu_ticks "$server_pid")
      thread_ticks "$server_pid" | awk 'NR == FNR { b[$1] = $2; next } { print $1, $2 - b[$1] }' "$out/threads-before" - \
        | sort -k2,2nr > "$out/threads-$round-$side-$c.txt"
      awk -F'\t' -v r="$round" -v s="$side" -v c="$c" -v t="$((req1 - req0))" -v o="$((all1 - all0 - req1 + req0))" -v hz="$ticks" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
        $2 == "ALL" { n = $3; rps = $4; p50 = $5; p99 = $7; errors = $9; mean = $10 } $2 == "suggest" { s50 = $5; s99 = $7 }
        $2 == "words" { w99 = $7 } $2 == "browse" { b99 = $7 }
        END { printf "%-5s %-2s %4s %8.0f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.3f %8.3f %s%s\n", r, s, c, rps, p50, p99, mean,
              w99, b99, s50, s99, 1000 * t / hz / n, 1000 * o / hz / n, load, (errors > 0 ? "  ERRORS " errors : "") }' "$tsv"
    done
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  done
done
