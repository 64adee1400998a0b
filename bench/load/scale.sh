#!/usr/bin/env bash
# Scaling benchmark of the clustered topology (the one system-tests/ClusterIT checks), loopback only:
# nginx in front of G gateways and, as a second upstream, in front of E engines; a real redis-server shares the
# rate limits (set high enough never to refuse); each gateway stores into its own local folder, so the figures
# are about gateways and engines, not about a store. For each G x E it starts everything afresh, measures requests/s
# of POST /compress with a Kodak photo at each concurrency (the seed's load generator, autocannon), and prints a
# markdown table.
#
# Usage: bench/load/scale.sh
# Env: JAVA (temurin 25), GATEWAY_JAR, ENGINE_JAR (the shaded jars under */target), KODAK (a Kodak PNG),
#      SEED_NODE (../shared/bench/peers/seed-node: its load.sh), GATEWAYS ("1 3"), ENGINES ("1 2"),
#      CONCURRENCY ("4 16"), N (requests per phase, 160), WARMUP (requests before each phase, not counted, 32;
#      at least the largest concurrency),
#      JAVA_OPTS (each JVM's flags, default "-Xmx512m").
# Needs: nginx, redis-server (Debian), node + npm (the load generator), curl, python3.
# Every process runs on the same machine as the load generator: on a small machine the figures say how the
# CPU is shared, not how a real cluster scales. Compare configurations within one run only.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
GATEWAY_JAR="${GATEWAY_JAR:-$repo/api-gateway/target/api-gateway-0.1.0.jar}"
ENGINE_JAR="${ENGINE_JAR:-$repo/compressor-engine/target/compressor-engine-0.1.0.jar}"
KODAK="${KODAK:-$repo/../shared/corpus/kodak/kodim23.png}"
SEED_NODE="${SEED_NODE:-$repo/../shared/bench/peers/seed-node}"
GATEWAYS="${GATEWAYS:-1 3}"
ENGINES="${ENGINES:-1 2}"
CONCURRENCY="${CONCURRENCY:-4 16}"
N="${N:-160}"
export WARMUP="${WARMUP:-32}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
[ $# -eq 0 ] || { sed -n '2,17p' "$0"; exit 2; }

for f in "$JAVA" "$GATEWAY_JAR" "$ENGINE_JAR" "$KODAK" "$SEED_NODE/load.sh"; do
  [ -e "$f" ] || { echo "missing: $f (build the jars with: ./mvnw -q install -DskipTests)" >&2; exit 2; }
done
for tool in nginx redis-server curl python3 node; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y nginx redis-server curl python3 nodejs npm)" >&2; exit 2; }
done

work="$(mktemp -d /tmp/scale-bench.XXXXXX)"
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_200() { # url pid name
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "$3 exited; its log:" >&2; tail -20 "$work/$3.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$3 not ready at $1" >&2; exit 1
}

wait_port() { # port pid name
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "$3 exited; its log:" >&2; tail -20 "$work/$3.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$3 not listening on $1" >&2; exit 1
}

upstream() { for port in "$@"; do echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=2s;"; done; }

start_cluster() { # gateways engines
  local g="$1" e="$2" i
  redis_port="$(free_port)"; public_port="$(free_port)"; engine_port="$(free_port)"
  gateway_ports=(); engine_ports=()
  for ((i = 0; i < g; i++)); do gateway_ports+=("$(free_port)"); done
  for ((i = 0; i < e; i++)); do engine_ports+=("$(free_port)"); done

  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
  pids+=($!); wait_port "$redis_port" $! redis

  for ((i = 0; i < e; i++)); do
    ENGINE_HOST=127.0.0.1 ENGINE_PORT="${engine_ports[$i]}" ENGINE_QUEUE_CAPACITY=64 \
      "$JAVA" $JAVA_OPTS -jar "$ENGINE_JAR" serve >"$work/engine-$i.log" 2>&1 &
    pids+=($!); engine_pids[$i]=$!
  done

  mkdir -p "$work/nginx/temp"
  local user=""; [ "$(id -u)" = 0 ] && user="user root;"
  cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
$user
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/temp/client_body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  client_max_body_size 30m;
  client_body_buffer_size 2m;
  upstream gateways {
$(upstream "${gateway_ports[@]}")
  }
  upstream engines {
$(upstream "${engine_ports[@]}")
  }
  server {
    listen 127.0.0.1:$public_port;
    location / {
      proxy_pass http://gateways;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
  server {
    listen 127.0.0.1:$engine_port;
    location / {
      proxy_pass http://engines;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
  }
}
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" >"$work/nginx.log" 2>&1 &
  pids+=($!); wait_port "$public_port" $! nginx

  for ((i = 0; i < e; i++)); do wait_200 "http://127.0.0.1:${engine_ports[$i]}/health" "${engine_pids[$i]}" "engine-$i"; done

  for ((i = 0; i < g; i++)); do
    env -i PATH="$PATH" HOME="$work" PORT="${gateway_ports[$i]}" API_KEY=benchkey \
      ENGINE_URL="http://127.0.0.1:$engine_port" REDIS_URL="redis://127.0.0.1:$redis_port" \
      RATE_LIMIT_MAX=100000000 RATE_LIMIT_WINDOW=60 TRUSTED_PROXIES=127.0.0.1 \
      STORAGE_BACKEND=local LOCAL_STORAGE_DIR="$work/data-$i" \
      "$JAVA" $JAVA_OPTS -jar "$GATEWAY_JAR" >"$work/gateway-$i.log" 2>&1 &
    pids+=($!); gateway_pids[$i]=$!
  done
  for ((i = 0; i < g; i++)); do wait_200 "http://127.0.0.1:${gateway_ports[$i]}/health/ready" "${gateway_pids[$i]}" "gateway-$i"; done
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }

declare -A rps p50 p99 errors
for g in $GATEWAYS; do
  for e in $ENGINES; do
    echo "== $g gateway(s), $e engine(s)" >&2
    start_cluster "$g" "$e"
    for c in $CONCURRENCY; do
      result="$(API_KEY=benchkey "$SEED_NODE/load.sh" "http://127.0.0.1:$public_port" "$KODAK" "$N" "$c" | tee -a "$work/load.log" | grep '^RESULT' || true)"
      echo "   c=$c $result" >&2
      rps[$g,$e,$c]="$(field rps)"; p50[$g,$e,$c]="$(field p50_ms)"; p99[$g,$e,$c]="$(field p99_ms)"
      non2xx="$(field non2xx)"; failed="$(field errors)"; timeouts="$(field timeouts)"
      if [ -n "$result" ]; then errors[$g,$e,$c]="$(( ${non2xx:-0} + ${failed:-0} + ${timeouts:-0} ))"; else errors[$g,$e,$c]=failed; fi
    done
    stop_all
  done
done

image="$(basename "$KODAK")"
echo
echo "POST /compress of $image ($(stat -c %s "$KODAK") bytes), $N requests per cell after $WARMUP warm-up, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
printf '| gateways | engines |'; for c in $CONCURRENCY; do printf ' c=%s req/s | c=%s p50 / p99 ms |' "$c" "$c"; done; echo ' errors |'
printf '|---:|---:|'; for c in $CONCURRENCY; do printf -- '---:|---:|'; done; echo '---:|'
for g in $GATEWAYS; do
  for e in $ENGINES; do
    printf '| %s | %s |' "$g" "$e"
    total=0
    for c in $CONCURRENCY; do
      printf ' %s | %s / %s |' "${rps[$g,$e,$c]:-?}" "${p50[$g,$e,$c]:-?}" "${p99[$g,$e,$c]:-?}"
      if [ "${errors[$g,$e,$c]}" = failed ] || [ "$total" = failed ]; then total=failed; else total=$(( total + errors[$g,$e,$c] )); fi
    done
    echo " $total |"
  done
done
