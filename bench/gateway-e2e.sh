#!/usr/bin/env bash
# The gateway end to end on this machine: `pigeon bench smpp` → `pigeon serve` (durable commits) → built-in
# simulator → receipts back to the load tool. Usage: bench/gateway-e2e.sh [COUNT] [WINDOW] [BINDS] [DB] [RATE]
#   DB: empty for SQLite in a fresh data directory, or the URL of an empty PostgreSQL database
#   (postgres://user:pw@host:port/db; bench/postgres-server.sh starts a server and prints one).
#   RATE: submits per second to hold (the latency figure: p99 at a fixed load); empty or 0 for as fast as the
#   windows allow (the throughput figure).
# Prints the load tool's JSON report and the server's peak resident set and CPU; on a PostgreSQL server of this
# machine, also the WAL and CPU that server spent on the timed run.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200000}
window=${2:-64}
binds=${3:-1}
db=${4:-}
rate=${5:-0}

dotnet build src/Pigeon -c Release -o out/bench >/dev/null
pigeon=(dotnet out/bench/pigeon.dll)
data=$(mktemp -d /tmp/pigeon-e2e.XXXXXX)
db_flag=()
[ -n "$db" ] && db_flag=(--db "$db")

. bench/free-ports.sh
wait_port() { for _ in $(seq 1 300); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
read -r smpp_port http_port sim_port < <(free_ports 3)

start_serve() {
  "${pigeon[@]}" serve --data "$data" --smpp-port "$smpp_port" --http-port "$http_port" --simulator-port "$sim_port" "${db_flag[@]}" \
    </dev/null >"$data/serve.log" 2>&1 &
  serve=$!
  wait_port "$smpp_port"
}

# First start creates the demo customer and its SMPP account; give it credit for the whole run, then start again.
start_serve
kill -TERM "$serve"; wait "$serve" || true
customer=$(awk -F': ' '/^demo customer/{print $2}' "$data/initial-credentials.txt")
system_id=$(awk -F': ' '/^SMPP system_id/{print $2}' "$data/initial-credentials.txt")
password=$(awk -F': ' '/^SMPP password/{print $2}' "$data/initial-credentials.txt")
"${pigeon[@]}" balance add --data "$data" "${db_flag[@]}" --customer "$customer" --amount 1000000 >/dev/null
"${pigeon[@]}" smpp-accounts set "$system_id" --data "$data" "${db_flag[@]}" --tps 0 --max-binds 64 >/dev/null

start_serve
# Warm-up, not measured (WARMUP messages, default 20000; 0 for none): the server's code is compiled and tiered
# before the timed run, so the figure is the sustained rate, not the first seconds of a cold process.
warmup=${WARMUP:-20000}
if [ "$warmup" -gt 0 ]; then
  "${pigeon[@]}" bench smpp --port "$smpp_port" --system-id "$system_id" --password "$password" \
    --count "$warmup" --window "$window" --binds "$binds" --json >/dev/null 2>&1
fi
# On a PostgreSQL server of this machine (its postmaster is the process listening on the URL's port), what the
# server spent on the timed run: WAL written, and CPU of the postmaster and its processes (those still running,
# plus those that ended, counted in the postmaster's totals).
postgres_usage() {
  local port postmaster
  port=$(sed -E 's#.*:([0-9]+)/[^/]*$#\1#' <<<"$db")
  postmaster=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
  [ -n "$postmaster" ] && [ -r "/proc/$postmaster/stat" ] || return 0
  local ticks
  ticks=$({ awk '{print $16 + $17}' "/proc/$postmaster/stat"
            for pid in "$postmaster" $(ps -o pid= --ppid "$postmaster"); do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null; done
          } | awk '{t += $1} END {print t}')
  echo "$(psql "$db" -AtX -c "SELECT pg_current_wal_lsn()") $ticks"
}
[ -n "$db" ] && command -v psql >/dev/null && before=$(postgres_usage) || before=
"${pigeon[@]}" bench smpp --port "$smpp_port" --system-id "$system_id" --password "$password" \
  --count "$count" --window "$window" --binds "$binds" --rate "$rate" --json 2>/dev/null | tail -n 1
if [ -n "$before" ] && after=$(postgres_usage) && [ -n "$after" ]; then
  read -r lsn0 ticks0 <<<"$before"
  read -r lsn1 ticks1 <<<"$after"
  wal=$(psql "$db" -AtX -c "SELECT round(pg_wal_lsn_diff('$lsn1', '$lsn0') / 1048576)")
  echo "postgres over the timed run: WAL $wal MB, CPU $(awk -v t=$((ticks1 - ticks0)) -v hz="$(getconf CLK_TCK)" -v n="$count" \
    'BEGIN {printf "%.1f s (%.0f us per message)", t / hz, 1e6 * t / hz / n}')"
fi
echo "serve peak RSS: $(awk '/VmHWM/{print $2, $3}' /proc/$serve/status)"
# CPU the server used over its second start (warm-up and timed run): user + system seconds.
echo "serve CPU: $(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f s", ($14 + $15) / hz}' /proc/$serve/stat)"
kill -TERM "$serve"; wait "$serve" || true
rm -rf "$data"
