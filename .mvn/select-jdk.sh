# Sourced by ./mvnw, ./verbatim and .ci/run: Verbatim needs a JDK 21+ (Lucene 10). When JAVA_HOME
# (or the java on the PATH) is older, pick the newest JDK 21+ under /usr/lib/jvm and export it.
verbatim_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
verbatim_select_jdk() {
  current="${JAVA_HOME:+$JAVA_HOME/bin/java}"
  [ -n "$current" ] || current="$(command -v java || true)"
  if [ -n "$current" ] && [ -x "$current" ]; then
    major="$(verbatim_java_major "$current")"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null && [ -x "$(dirname "$current")/javac" ]; then
      return 0
    fi
  fi
  # ./mvnw runs with globbing off (set -f); the search below needs it for a moment.
  case $- in *f*) set +f; restore_noglob=1 ;; *) restore_noglob= ;; esac
  candidates="$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV)"
  [ -z "$restore_noglob" ] || set -f
  for home in $candidates; do
    home="${home%/}"
    if [ -x "$home/bin/javac" ]; then
      major="$(verbatim_java_major "$home/bin/java")"
      if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME="$home"
        return 0
      fi
    fi
  done
  echo "Verbatim needs a JDK 21 or newer (Lucene 10); none found. Install one and set JAVA_HOME." >&2
  return 1
}
verbatim_select_jdk
