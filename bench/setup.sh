# The set-up shared by the benchmarks that serve corpus-fr (search.sh, soak.sh). Sourced, with $root set and the
# shared folder as $1. Leaves: $shared, $java, $work (deleted on exit), $out, $jar, $index, $classes, $cp,
# $out/queries.tsv (the query mix), $server_pid (set by start_server, or by you: cleanup stops it), quiet(), start_server.
shared="$(cd "${1:-$root/../shared}" && pwd)"
. "$root/.mvn/select-jdk.sh"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"
out="${OUT:-$work}"
mkdir -p "$out"
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
quiet() { grep -v -e '^WARNING' -e 'VectorizationProvider' -e '^$' || true; }

# Starts `serve` on $index with $SERVER_OPTS (default -Xmx512m) and the arguments given, on a free port; sets
# $server_pid and $port once it answers, or exits with its log.
start_server() {
  # shellcheck disable=SC2086 # SERVER_OPTS are words
  "$java" ${SERVER_OPTS:--Xmx512m} -jar "$jar" serve --corpus "$work/corpus" --index "$index" --port 0 "$@" \
    >"$out/server.log" 2>&1 &
  server_pid=$!
  port=
  for _ in $(seq 120); do
    port="$(sed -n 's|^Verbatim is serving .*http://localhost:\([0-9]*\)/.*|\1|p' "$out/server.log")"
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$out/server.log"; exit 1; }
    sleep 0.5
  done
  [ -n "$port" ] || { echo "server did not start"; cat "$out/server.log"; exit 1; }
}

[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
jar="$root/target/verbatim.jar"

mkdir -p "$work/corpus"
ln -s "$shared/corpus-fr/articles.jsonl.gz" "$work/corpus/"
index="${INDEX:-$work/index}"
if ! ls "$index"/segments_* >/dev/null 2>&1; then
  echo "== indexing corpus-fr into $index"
  "$java" -jar "$jar" index --corpus "$work/corpus" --index "$index" </dev/null 2>&1 | tr '\r' '\n' | tail -n 1
fi
# The bench programs share code (Recorder), so they are compiled together rather than launched as single files.
classes="$work/bench-classes"
"${java%java}javac" -nowarn -d "$classes" -cp "$jar" "$root"/bench/*.java
cp="$jar:$classes"
echo "== query mix (seed ${SEED:-42})"
"$java" -cp "$cp" MakeQueries --corpus "$shared/corpus-fr/articles.jsonl.gz" --index "$index" \
  --out "$out/queries.tsv" --count "${QUERIES:-4000}" --seed "${SEED:-42}" 2>&1 | quiet
