#!/usr/bin/env bash
# Real-browser end-to-end test of the api-gateway page.
# Usage: browser-test/run.sh [path/to/api-gateway.jar]   (build the jar first; this script builds nothing)
# Needs: Debian's chromium (/usr/bin/chromium), node >= 20 with npm, JDK 25 (JAVA, JAVA_HOME or the temurin-25 path).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$(realpath -m "${1:-$here/../api-gateway/target/api-gateway-0.1.0.jar}")"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

fail() { echo "browser-test: $*" >&2; exit 1; }

[[ -x "$chromium" ]] || fail "$chromium not found: install Debian's chromium (apt-get install -y chromium)"
command -v node >/dev/null || fail "node not found: install Node.js >= 20"
command -v npm >/dev/null || fail "npm not found: install npm"
[[ -f "$jar" ]] || fail "gateway jar $jar not found: build it first (./mvnw -pl api-gateway -am -DskipTests package)"

java="${JAVA:-}"
if [[ -z "$java" ]]; then
  for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "$(command -v java || true)"; do
    if [[ -x "$candidate" ]] && "$candidate" -version 2>&1 | grep -qE 'version "2[5-9]'; then java="$candidate"; break; fi
  done
fi
[[ -n "$java" ]] || fail "no JDK 25 found: set JAVA or JAVA_HOME"

cd "$here"
# node_modules is stale when the lock file changed since npm last installed it.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  timeout 300 npm ci --no-audit --no-fund
fi

work="$(mktemp -d)"
gateway_pid=""
cleanup() {
  if [[ -n "$gateway_pid" ]] && kill -0 "$gateway_pid" 2>/dev/null; then
    kill "$gateway_pid" 2>/dev/null || true
    timeout 15 tail --pid="$gateway_pid" -f /dev/null || kill -9 "$gateway_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port="$(timeout 10 node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
api_key="browser-test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
base="http://127.0.0.1:$port"
mkdir -p "$work/storage"

API_KEY="$api_key" PORT="$port" LOCAL_STORAGE_DIR="$work/storage" PUBLIC_BASE_URL="$base" \
  timeout 600 "$java" -jar "$jar" >"$work/gateway.log" 2>&1 &
gateway_pid=$!

ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$gateway_pid" 2>/dev/null; then break; fi
  if timeout 2 node -e "fetch('$base/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; then ready=1; break; fi
  sleep 0.5
done
if [[ -z "$ready" ]]; then
  echo "browser-test: gateway did not become healthy on $base; its log:" >&2
  cat "$work/gateway.log" >&2
  exit 1
fi

status=0
GATEWAY_URL="$base" API_KEY="$api_key" CHROMIUM_PATH="$chromium" \
  timeout 300 node --test --test-concurrency=1 page.test.mjs || status=$?
if [[ $status -ne 0 ]]; then
  echo "browser-test: failed (exit $status); gateway log:" >&2
  tail -n 50 "$work/gateway.log" >&2
fi
exit "$status"
