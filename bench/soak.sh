#!/usr/bin/env bash
# The soak run: the server under -Xmx512m over the 38k-article corpus-fr index, searched at full speed by 64
# connections while articles are written at 50/s, for 10 minutes; then every written article must be found.
#   bench/soak.sh [SHARED_DIR]                     (default ../shared)
# Environment knobs (all optional):
#   INDEX=DIR          reuse this index (built there if missing); default: a fresh one in a temp dir. The run adds
#                      its articles to it: point it at a copy you can throw away.
#   SECONDS_TOTAL=600  measured seconds (after WARMUP=10 s of unmeasured load)
#   CONNECTIONS=64     search connections (closed loop)
#   WRITE_RATE=50      articles written per second (open loop)
#   SAMPLE_EVERY=30    seconds between samples of the server's heap, open files, threads, commits, RSS
#   SERVER_OPTS="..."  JVM options for the server (default -Xmx512m)
#   SKIP_BUILD=1       do not rebuild target/verbatim.jar
#   OUT=DIR            keep queries.tsv, samples.tsv, soak.log and server.log there (default: the temp dir, deleted)
# Prints a line per sample, the search and write latencies, and a last line "SOAK key=value ..."; exits 1 when a
# request failed or a written article is not found.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/setup.sh" "${1:-}"

key="soak-$RANDOM$RANDOM"
echo "== machine before: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -n 1)"
VERBATIM_ADMIN_KEY="$key" start_server
echo "== server pid $server_pid on port $port (${SERVER_OPTS:--Xmx512m})"
status=0
"$java" -cp "$classes" Soak --url "http://localhost:$port" --queries "$out/queries.tsv" --key "$key" --pid "$server_pid" \
  --connections "${CONNECTIONS:-64}" --write-rate "${WRITE_RATE:-50}" --seconds "${SECONDS_TOTAL:-600}" --warmup "${WARMUP:-10}" \
  --sample-every "${SAMPLE_EVERY:-30}" --articles "$shared/corpus-fr/articles.jsonl.gz" --samples "$out/samples.tsv" \
  2>&1 | tee "$out/soak.log" || status=$?
echo "== server at the end: $(grep -E 'VmRSS|VmHWM' /proc/$server_pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
echo "== machine at the end: load average $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
exit "$status"
