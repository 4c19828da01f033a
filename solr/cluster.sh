#!/usr/bin/env bash
# A local SolrCloud for development and tests: N Solr 9 nodes, each its own JVM, on 127.0.0.1, the first
# running the embedded ZooKeeper. Everything comes from Maven Central through this folder's pom.xml.
#
#   solr/cluster.sh start N    nodes on ports BASE..BASE+N-1 (BASE=$SOLR_BASE_PORT, default 8983);
#                              ZooKeeper on BASE+1000 (verbatim ... --solr-zk 127.0.0.1:9983)
#   solr/cluster.sh stop       stops every node started from the same data folder (SIGTERM, then SIGKILL)
#   solr/cluster.sh status     which nodes run, and the live nodes ZooKeeper knows
#
# Data, logs and pid files go under $SOLR_CLUSTER_DIR (default solr/target/cluster); a restart on the same
# folder finds its collections again. Node heap: $SOLR_HEAP (default 512m). JVM options: $SOLR_JVM_OPTS (default
# -XX:+UseSerialGC -XX:TieredStopAtLevel=1: quick to start and small, for development; for a benchmark or anything
# real, SOLR_JVM_OPTS= gives the JVM's defaults, G1 and the full JIT). Collection backups
# (verbatim serve --backend solr --backup-root DIR) may go under $SOLR_BACKUP_DIR (default $SOLR_CLUSTER_DIR/backups).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.mvn/select-jdk.sh"
verbatim_select_jdk
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
dir="${SOLR_CLUSTER_DIR:-$here/target/cluster}"
base="${SOLR_BASE_PORT:-8983}"
heap="${SOLR_HEAP:-512m}"
jvm_opts="${SOLR_JVM_OPTS--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
backups="${SOLR_BACKUP_DIR:-$dir/backups}"   # where collection backups may go (Solr's allowPaths)

classpath() {
  if [ ! -f "$here/target/classpath.txt" ] || [ ! -f "$here/target/verbatim-solr-node.jar" ] \
      || [ "$here/pom.xml" -nt "$here/target/classpath.txt" ]; then
    echo "building the Solr node module (first time: downloads Solr 9 from Maven Central)" >&2
    "$here/../mvnw" -q -B -ntp -f "$here/pom.xml" package dependency:build-classpath \
        -Dmdep.outputFile=target/classpath.txt >&2
  fi
  echo "$here/target/verbatim-solr-node.jar:$(cat "$here/target/classpath.txt")"
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_node() { # n port zk-option
  local n=$1 port=$2 zk=$3 home="$dir/node$1"
  mkdir -p "$home"
  if running "$home/pid"; then echo "node$n already running (pid $(cat "$home/pid"))"; return; fi
  # shellcheck disable=SC2086 # the options are words
  nohup "$java" -Xmx"$heap" $jvm_opts -Djava.net.preferIPv4Stack=true \
      -Dsolr.allowPaths="$backups" "$zk" -cp "$cp" verbatim.solrnode.SolrNode "$port" "$home" >"$home/out.log" 2>&1 &
  echo $! >"$home/pid"
}

await_ready() { # n
  local home="$dir/node$1"
  for _ in $(seq 1 240); do
    if grep -q '^READY ' "$home/out.log" 2>/dev/null; then echo "node$1 $(grep '^READY ' "$home/out.log" | cut -d' ' -f2)"; return; fi
    if ! running "$home/pid"; then echo "node$1 died; see $home/out.log" >&2; tail -20 "$home/out.log" >&2; exit 1; fi
    sleep 0.25
  done
  kill "$(cat "$home/pid")" 2>/dev/null || true
  echo "node$1 not ready after 60 s, stopped; see $home/out.log" >&2; exit 1
}

case "${1:-}" in
  start)
    count="${2:?usage: cluster.sh start N}"
    cp="$(classpath)"
    mkdir -p "$dir"
    start_node 1 "$base" -DzkRun
    await_ready 1
    for n in $(seq 2 "$count"); do start_node "$n" $((base + n - 1)) "-DzkHost=127.0.0.1:$((base + 1000))"; done
    for n in $(seq 2 "$count"); do await_ready "$n"; done
    echo "ZooKeeper 127.0.0.1:$((base + 1000)), data in $dir, collection backups allowed under $backups"
    ;;
  stop)
    pids=()
    for pidfile in "$dir"/node*/pid; do
      [ -f "$pidfile" ] || continue
      if running "$pidfile"; then pids+=("$(cat "$pidfile")"); fi
      rm -f "$pidfile"
    done
    # The ZooKeeper node (node1) last, so the others leave the cluster cleanly.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
    for _ in $(seq 1 60); do
      alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
      [ $alive = 0 ] && break; sleep 0.25
    done
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    echo "stopped ${#pids[@]} node(s)"
    ;;
  status)
    for home in "$dir"/node*; do
      [ -d "$home" ] || continue
      if running "$home/pid"; then echo "$(basename "$home") running, pid $(cat "$home/pid")"; else echo "$(basename "$home") stopped"; fi
    done
    curl -s "http://127.0.0.1:$base/solr/admin/collections?action=CLUSTERSTATUS&wt=json" | grep -o '"live_nodes":\[[^]]*\]' || echo "no cluster answering on $base"
    ;;
  *)
    echo "usage: $0 start N | stop | status" >&2; exit 2 ;;
esac
