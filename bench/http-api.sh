#!/usr/bin/env bash
# The HTTP APIs over loopback with durable commits (SQLite): wrk (Debian's `wrk`) drives `pigeon serve`, every
# request unique (bench/http/request.lua), side by side in one run through the native API and both seed dialects:
#   single  one message per request, CONNECTIONS connections       -> requests/s, p50/p99 latency
#   bulk    100 numbers per request (native, 002 bulk, 001 send)    -> messages accepted/s
# Messages accepted are counted from the gateway's own metric (submits_accepted), not from HTTP statuses, since
# dialect 002 answers refusals with HTTP 200. Usage: bench/http-api.sh [SECONDS] [CONNECTIONS] [WORKLOADS...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
shift $(( $# > 2 ? 2 : $# )) || true
workloads=("$@")
[ ${#workloads[@]} -eq 0 ] && workloads=(native-single d002-single d001-single native-bulk d002-bulk d001-bulk)
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

dotnet build src/Pigeon -c Release -o out/bench >/dev/null
pigeon=(dotnet out/bench/pigeon.dll)
data=$(mktemp -d /tmp/pigeon-http.XXXXXX)
. bench/free-ports.sh
wait_port() { for _ in $(seq 1 300); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
read -r smpp_port http_port sim_port < <(free_ports 3)
export PIGEON__Http__RequestsPerSecondPerKey=10000000 PIGEON__Http__RequestBurstPerKey=10000000

start_serve() {
  "${pigeon[@]}" serve --data "$data" --smpp-port "$smpp_port" --http-port "$http_port" --simulator-port "$sim_port" \
    </dev/null >>"$data/serve.log" 2>&1 &
  serve=$!
  wait_port "$http_port"
}
stop_serve() { kill -TERM "$serve" 2>/dev/null || true; wait "$serve" 2>/dev/null || true; }
trap stop_serve EXIT

start_serve
stop_serve
"${pigeon[@]}" balance add --data "$data" --customer demo --amount 100000000 >/dev/null
token=$("${pigeon[@]}" api-keys create --data "$data" --customer demo --name bench --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
start_serve

accepted() { curl -s "http://127.0.0.1:$http_port/metrics" | awk '/^pigeon_gateway_submits_accepted/ {s+=$2} END {printf "%d", s}'; }

printf '%-14s %10s %10s %9s %9s %12s %8s %8s %8s\n' workload requests req/s p50_ms p99_ms messages/s errors non2xx timeouts
# Warm-up, not measured: every workload's code path is compiled and tiered before any is timed.
for kind in "${workloads[@]}"; do
  BENCH_KIND=$kind BENCH_TOKEN=$token BENCH_SENDER=Pigeon BENCH_PREFIX=447911 BENCH_RUN=w \
    wrk -t1 -c8 -d3s -s bench/http/request.lua "http://127.0.0.1:$http_port" >/dev/null 2>&1
done

for kind in "${workloads[@]}"; do
  before=$(accepted)
  # Destinations: valid UK mobile numbers (07703 …) of the demo customer's country, unique per request.
  output=$(BENCH_KIND=$kind BENCH_TOKEN=$token BENCH_SENDER=Pigeon BENCH_PREFIX=447703 BENCH_RUN=m \
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/http/request.lua "http://127.0.0.1:$http_port" 2>&1)
  grep '^refused' <<<"$output" >&2 || true
  result=$(grep '^RESULT' <<<"$output")
  after=$(accepted)
  eval "$(echo "$result" | sed 's/^RESULT //' | tr ' ' '\n' | sed 's/^/r_/')"
  printf '%-14s %10d %10.0f %9.2f %9.2f %12.0f %8d %8d %8d\n' "$kind" "$r_requests" "$r_rps" "$r_p50_ms" "$r_p99_ms" \
    "$(echo "($after - $before) / $r_seconds" | bc -l)" "$r_errors" "$r_non2xx" "$r_timeouts"
done
echo "data: $data (serve.log there)"
