#!/usr/bin/env bash
# The gateway's memory with a large backlog: `pigeon serve` (durable commits) whose supplier is down (serve runs
# without its built-in simulator, so supplier "sim" points at a closed port) takes COUNT messages from
# `pigeon bench smpp`; serve's peak resident set (VmHWM) is recorded once all are queued in the store. Then the
# supplier comes up (`pigeon simulate` on that port), and the script waits until every message was delivered and its
# receipt matched by the load tool. Usage: bench/gateway-queued-memory.sh [COUNT] [WINDOW] [BINDS] [DB]
#   DB: empty for SQLite in a fresh data directory, or a PostgreSQL URL (postgres://user:pw@host:port/db).
# Prints the peak RSS while queued, the drain time, and the load tool's JSON report.
# KEEP=1 keeps the data directory (serve.log, simulate.log, bench.out) for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
window=${2:-64}
binds=${3:-1}
db=${4:-}

dotnet build src/Pigeon -c Release -o out/bench-queued >/dev/null
pigeon=(dotnet out/bench-queued/pigeon.dll)
data=$(mktemp -d /tmp/pigeon-queued.XXXXXX)
db_flag=()
[ -n "$db" ] && db_flag=(--db "$db")

. bench/free-ports.sh
wait_port() { for _ in $(seq 1 300); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
metric() { curl -s "http://127.0.0.1:$http_port/metrics" | awk -v name="$1" '$1 ~ "^"name"(_total)?[{ ]" || $1 == name || $1 == name"_total" {sum += $NF} END {printf "%d\n", sum}'; }
rss() { awk '/VmRSS/{print $2}' /proc/"$serve"/status; }
hwm() { awk '/VmHWM/{print $2}' /proc/"$serve"/status; }
read -r smpp_port http_port sim_port < <(free_ports 3)

start_serve() {
  "${pigeon[@]}" serve --data "$data" --smpp-port "$smpp_port" --http-port "$http_port" --simulator-port "$sim_port" "${db_flag[@]}" "$@" \
    </dev/null >"$data/serve.log" 2>&1 &
  serve=$!
  wait_port "$smpp_port"
}

serve=; simulator=; bench=
# Whatever happens, stop what this script started and remove its data directory.
cleanup() {
  for pid in $bench $serve $simulator; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$data"
}
trap cleanup EXIT

start_serve
kill -TERM "$serve"; wait "$serve" || true
customer=$(awk -F': ' '/^demo customer/{print $2}' "$data/initial-credentials.txt")
system_id=$(awk -F': ' '/^SMPP system_id/{print $2}' "$data/initial-credentials.txt")
password=$(awk -F': ' '/^SMPP password/{print $2}' "$data/initial-credentials.txt")
"${pigeon[@]}" balance add --data "$data" "${db_flag[@]}" --customer "$customer" --amount 100000000 >/dev/null
"${pigeon[@]}" smpp-accounts set "$system_id" --data "$data" "${db_flag[@]}" --tps 0 --max-binds 64 >/dev/null

# The supplier is down: nothing leaves, everything accepted waits in the store (for up to an hour before it would
# fail over, instead of the default 5 minutes: queueing a million takes a few minutes here).
export PIGEON__Dispatch__UnavailableFailoverAfter=01:00:00
start_serve --no-simulator
started=$(date +%s.%N)
"${pigeon[@]}" bench smpp --port "$smpp_port" --system-id "$system_id" --password "$password" \
  --count "$count" --window "$window" --binds "$binds" --receipt-timeout-s 3600 --json 2>/dev/null >"$data/bench.out" &
bench=$!

peak_rss=0
while [ "$(metric pigeon_gateway_submits_accepted)" -lt "$count" ]; do
  kill -0 "$bench" 2>/dev/null || { echo "the load tool ended early:"; cat "$data/bench.out"; exit 1; }
  now=$(rss); [ "$now" -gt "$peak_rss" ] && peak_rss=$now
  sleep 1
done
queued_at=$(date +%s.%N)
sleep 5
echo "queued: $count accepted in $(echo "$queued_at - $started" | bc) s with the supplier down"
echo "serve RSS now: $(rss) kB; peak RSS while queueing (VmHWM): $(hwm) kB"

"${pigeon[@]}" simulate --port "$sim_port" --stats-every-ms 0 </dev/null >"$data/simulate.log" 2>&1 &
simulator=$!
up_at=$(date +%s.%N)
wait "$bench"
drained_at=$(date +%s.%N)
echo "drained: supplier up to the last receipt matched in $(echo "$drained_at - $up_at" | bc) s"
echo "serve peak RSS over the whole run (VmHWM): $(hwm) kB"
tail -n 1 "$data/bench.out"
