#!/usr/bin/env bash
# Load benchmark: our gateway (in-process engine) beside the seed's Node peer (Fastify + sharp/mozjpeg),
# same machine, same run, loopback only. For each server × image × concurrency it records requests/s,
# p50/p99 latency, status codes, errors and the server's peak RSS (VmHWM, reset before each phase).
#
# Usage: bench/load/run.sh [--short] [--only gateway|peer]
#   --short  CI mode: concurrency 1 and 4, few requests, cold JVMs (a smoke test of the harness, not a measurement);
#            exits 1 unless every request of both servers was answered 200 (the goal at concurrency <= 4)
# Env: JAVA (temurin 25), GATEWAY_JAR (target/api-gateway-0.1.0.jar), SEED_NODE (../shared/bench/peers/seed-node),
#      KODAK (a Kodak PNG), LARGE (a ~9 MP PNG), N_SMALL / N_LARGE (requests per phase), CONCURRENCY ("1 4 16 64"),
#      WARMUP_SMALL / WARMUP_LARGE (uncounted requests each server gets first, default 1500 / 8: the JVM compiler still
#      takes 1-11 ms of CPU per Kodak request until about 1500 requests, so fewer measures the warm-up, not the service),
#      GATEWAY_ENV (extra VAR=value words for the gateway, e.g. "ENGINE_WORKERS=2 PIXEL_BUDGET=40000000"),
#      GATEWAY_JAVA_OPTS (JVM flags, default "-Xms768m -Xmx768m -XX:+UseG1GC": the heap bounds the RSS and sizes
#      PIXEL_BUDGET; fixed in size and collected by G1 as the product's images run it).
# Needs: node + npm (the peer and its autocannon load generator, installed by the peer's own scripts).
# The figures depend on whatever else runs on the machine: compare the two servers within one run only.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
GATEWAY_JAR="${GATEWAY_JAR:-$repo/api-gateway/target/api-gateway-0.1.0.jar}"
SEED_NODE="${SEED_NODE:-$repo/../shared/bench/peers/seed-node}"
KODAK="${KODAK:-$repo/../shared/corpus/kodak/kodim23.png}"
LARGE="${LARGE:-$repo/../shared/corpus/large/alfred-schrock-shoE2y51uX0.png}"
CONCURRENCY="${CONCURRENCY:-1 4 16 64}"
N_SMALL="${N_SMALL:-200}"
N_LARGE="${N_LARGE:-64}"
WARMUP_SMALL="${WARMUP_SMALL:-1500}"
WARMUP_LARGE="${WARMUP_LARGE:-8}"
only=""
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --short) CONCURRENCY="1 4"; N_SMALL=12; N_LARGE=4; WARMUP_SMALL=4; WARMUP_LARGE=1; check=1; shift ;;
    --only) only="$2"; shift 2 ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done

for f in "$GATEWAY_JAR" "$KODAK" "$LARGE" "$SEED_NODE/start.sh"; do
  [ -e "$f" ] || { echo "missing: $f (build with: ./mvnw -pl api-gateway -DskipTests package)" >&2; exit 2; }
done

work="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_healthy() { # url pid
  for _ in $(seq 1 300); do
    curl -fsS "$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "server $2 exited; see $work/*.log" >&2; tail -20 "$work"/*.log >&2; exit 1; }
    sleep 0.2
  done
  echo "server at $1 did not become healthy" >&2; exit 1
}

key=benchkey
declare -A url pid
if [ "$only" != peer ]; then
  port=$(free_port)
  # shellcheck disable=SC2086
  env API_KEY=$key PORT="$port" RATE_LIMIT_MAX=100000000 STORAGE_BACKEND=local LOCAL_STORAGE_DIR="$work/gateway-data" \
      PUBLIC_BASE_URL="http://127.0.0.1:$port" ${GATEWAY_ENV:-} \
      "$JAVA" ${GATEWAY_JAVA_OPTS:--Xms768m -Xmx768m -XX:+UseG1GC} -jar "$GATEWAY_JAR" > "$work/gateway.log" 2>&1 &
  pid[gateway]=$!; pids+=("$!"); url[gateway]="http://127.0.0.1:$port"
fi
if [ "$only" != gateway ]; then
  port=$(free_port)
  API_KEY=$key PORT="$port" HOST=127.0.0.1 RATE_LIMIT_MAX=100000000 STORAGE_DIR="$work/peer-data" LOG_LEVEL=warn \
      "$SEED_NODE/start.sh" > "$work/peer.log" 2>&1 &
  pid[peer]=$!; pids+=("$!"); url[peer]="http://127.0.0.1:$port"
fi
for name in "${!url[@]}"; do wait_healthy "${url[$name]}" "${pid[$name]}"; done

# Both servers see the same warm-up traffic first (not counted): the JVM compiles its hot loops during the
# first requests, and a long-running service is measured in its steady state.
for name in gateway peer; do
  [ -n "${url[$name]:-}" ] || continue
  API_KEY=$key WARMUP=2 "$SEED_NODE/load.sh" "${url[$name]}" "$KODAK" "$WARMUP_SMALL" 2 >/dev/null 2>&1 || true
  API_KEY=$key WARMUP=1 "$SEED_NODE/load.sh" "${url[$name]}" "$LARGE" "$WARMUP_LARGE" 2 >/dev/null 2>&1 || true
done

results="$work/results.tsv"
printf 'server\timage\tc\treq/s\tp50_ms\tp99_ms\tstatus\terrors\tpeak_rss_mib\n' > "$results"
for image in "$KODAK" "$LARGE"; do
  n=$N_SMALL; [ "$image" = "$LARGE" ] && n=$N_LARGE
  for c in $CONCURRENCY; do
    for name in gateway peer; do
      [ -n "${url[$name]:-}" ] || continue
      p=${pid[$name]}
      echo 5 > "/proc/$p/clear_refs" 2>/dev/null || true   # reset VmHWM to the current RSS
      phase_n=$(( n > c * 2 ? n : c * 2 ))
      out=$(API_KEY=$key WARMUP=$c "$SEED_NODE/load.sh" "${url[$name]}" "$image" "$phase_n" "$c" 2>&1 || true)
      hwm_kib=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
      result=$(grep '^RESULT' <<<"$out" || true)
      codes=$(grep '^status codes' <<<"$out" | sed 's/^status codes *//; s/ /,/g' || true)
      field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(basename "$image")" "$c" "$(field rps)" "$(field p50_ms)" \
          "$(field p99_ms)" "${codes:-?}" "$(field errors)/$(field timeouts)" "$(( hwm_kib / 1024 ))" >> "$results"
      [ -n "$result" ] || { echo "load.sh gave no RESULT for $name c=$c:" >&2; tail -5 <<<"$out" >&2; }
    done
  done
done

echo
echo "Loopback, $(nproc) cores, $(date -u +%FT%TZ); errors = connection errors/timeouts; shared machine: noisy figures."
column -t -s $'\t' "$results"
if [ -n "${BENCH_OUT:-}" ]; then cp "$results" "$BENCH_OUT"; fi
if [ "$check" = 1 ]; then
  # Every phase: only 200s (status "200:N"), no connection error or timeout.
  failed=$(awk -F'\t' 'NR > 1 && ($7 !~ /^200:[0-9]+$/ || $8 != "0/0") {print $1, $2, "c=" $3, $7, $8}' "$results")
  if [ -n "$failed" ]; then
    echo "not every request was answered 200:" >&2
    echo "$failed" >&2
    exit 1
  fi
  echo "every request answered 200, no connection errors"
fi
