# Sourced by mvnw and start.sh: the build and the services need a JDK 25 or newer.
# Keeps JAVA_HOME when it already points at one, else picks the newest under /usr/lib/jvm.
scai_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(scai_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  for scai_jdk in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -rV); do
    scai_jdk=${scai_jdk%/}
    if [ -x "$scai_jdk/bin/javac" ] && [ "$(scai_java_major "$scai_jdk")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME=$scai_jdk
      export JAVA_HOME
      break
    fi
  done
fi
if [ -z "${JAVA_HOME-}" ] || [ "$(scai_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  echo "StorageCompressAI needs a JDK 25 (Temurin): install one under /usr/lib/jvm or set JAVA_HOME to it." >&2
  exit 1
fi
