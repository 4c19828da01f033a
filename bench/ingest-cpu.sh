#!/usr/bin/env bash
# Where an ingest's CPU goes, by thread: indexing workers, the reader (main), JIT compilers, merges, GC.
#   bench/ingest-cpu.sh JAR CORPUS_DIR [java options...]
# Indexes CORPUS_DIR with JAR into a fresh temp index, samples /proc/PID/task/*/stat every 0.5 s (Linux only),
# then prints wall, user and sys seconds and the CPU seconds of each thread group. CPU time is what to compare
# on a shared machine: interleave the builds you compare (A B A B) and repeat.
# INDEX_ARGS (default --no-merge) go to `index`: the final merge into one segment (7 s on 38k) is left out so the
# figures compare with those taken before it existed; INDEX_ARGS= for jars older than --no-merge, or to include it.
set -euo pipefail
jar=$1 corpus=$2
shift 2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

/usr/bin/time -o "$work/time" -f "%e %U %S" "$java" "$@" -jar "$jar" index ${INDEX_ARGS---no-merge} --corpus "$corpus" --index "$work/index" \
    </dev/null >"$work/out" 2>&1 &
timer=$!
pid=""
while [ -z "$pid" ] && kill -0 "$timer" 2>/dev/null; do sleep 0.1; pid=$(pgrep -P "$timer" || true); done
declare -A ticks name
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
    for task in /proc/"$pid"/task/*; do
        stat=$(cat "$task/stat" 2>/dev/null) && comm=$(cat "$task/comm" 2>/dev/null) || continue
        fields=(${stat##*) })   # after "(comm) ": field 12 is utime, 13 stime (clock ticks)
        ticks[${task##*/}]=$(( fields[11] + fields[12] ))
        name[${task##*/}]=$comm
    done
    sleep 0.5
done
wait "$timer" || true
tail -n 1 "$work/out"
read -r wall user sys < "$work/time"
echo "wall $wall s, user $user s, sys $sys s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
hz=$(getconf CLK_TCK)
for t in "${!ticks[@]}"; do echo "${name[$t]%%#*}|${ticks[$t]}"; done \
    | sed -E 's/[0-9]+\|/|/' \
    | awk -F'|' -v hz="$hz" '{cpu[$1] += $2} END {for (g in cpu) if (cpu[g] >= hz / 10) printf "%7.1f s  %s\n", cpu[g] / hz, g}' \
    | sort -rn
