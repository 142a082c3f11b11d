#!/usr/bin/env bash
# The SMPP stack end to end over loopback: `pigeon bench smpp` against `pigeon simulate` and, in the same run,
# against an SMSC built on the npm `smpp` package (tests/interop/smsc.js), with receipts on. Prints each JSON
# report and the ratio of submit rates. Usage: bench/smpp-loopback.sh [COUNT] [WINDOW] [BINDS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200000}
window=${2:-64}
binds=${3:-1}
rounds=${4:-3}

dotnet build src/Pigeon -c Release -o out/bench >/dev/null
[ -d tests/interop/node_modules/smpp ] || npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error
pigeon=(dotnet out/bench/pigeon.dll)

. bench/free-ports.sh
wait_port() { for _ in $(seq 1 100); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

run_load() { # port -> prints the JSON report line
  "${pigeon[@]}" bench smpp --port "$1" --count "$count" --window "$window" --binds "$binds" --json 2>/dev/null | tail -n 1
}

rate() { node -e 'const r=JSON.parse(process.argv[1]);console.log(r.submit_rate_per_s)' "$1"; }

declare -a ours theirs
for round in $(seq 1 "$rounds"); do
  port=$(free_ports 1)
  "${pigeon[@]}" simulate --port "$port" --stats-every-ms 0 </dev/null >/dev/null 2>&1 &
  sim=$!
  wait_port "$port"
  a=$(run_load "$port")
  kill -TERM "$sim"; wait "$sim" || true  # a background job of a script ignores SIGINT

  port=$(free_ports 1)
  # smsc.js runs until its standard input closes: hold a FIFO open for it, close it to stop the simulator.
  fifo=$(mktemp -u /tmp/smsc-stdin.XXXXXX); mkfifo "$fifo"
  node tests/interop/smsc.js --port "$port" <"$fifo" >/dev/null 2>&1 &
  npm_sim=$!
  exec 3>"$fifo"
  wait_port "$port"
  b=$(run_load "$port")
  exec 3>&-
  wait "$npm_sim" || true
  rm -f "$fifo"

  echo "round $round pigeon simulate: $a"
  echo "round $round npm smpp smsc:   $b"
  ours+=("$(rate "$a")"); theirs+=("$(rate "$b")")
done

node -e '
const a=process.argv[1].split(" ").map(Number), b=process.argv[2].split(" ").map(Number);
const med=x=>{const s=[...x].sort((p,q)=>p-q);return s[Math.floor(s.length/2)]};
const ratios=a.map((v,i)=>v/b[i]);
console.log(`submit_sm/s median: pigeon simulate ${med(a).toFixed(0)}, npm smpp ${med(b).toFixed(0)}; ratio per round ${ratios.map(r=>r.toFixed(2)).join(", ")}; median ratio ${med(ratios).toFixed(2)}`);
' "${ours[*]}" "${theirs[*]}"
