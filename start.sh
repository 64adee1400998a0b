#!/bin/sh
# Starts a service from the jars, building them first when they are missing:
#   API_KEY=secret ./start.sh            the product: gateway with the in-process engine, local storage
#   ./start.sh compressor-engine         the engine alone (port 8000)
# Rebuild after changing the sources: ./mvnw -DskipTests package
set -eu
cd "$(dirname "$0")"
. ./.mvn/jdk.sh
service=${1:-api-gateway}
case "$service" in
  api-gateway|compressor-engine) ;;
  *) echo "usage: $0 [api-gateway|compressor-engine]" >&2; exit 2 ;;
esac
jar=$(ls "$service"/target/"$service"-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "Building $service (first start only)..." >&2
  ./mvnw -q -pl "$service" -am -DskipTests package
  jar=$(ls "$service"/target/"$service"-*.jar | head -n 1)
fi
# G1 as in the images: on a small machine the JVM would pick the serial collector (see deploy/README.md).
exec "$JAVA_HOME/bin/java" -XX:+UseG1GC -jar "$jar"
