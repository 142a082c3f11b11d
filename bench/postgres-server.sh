#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the gateway benchmarks, set up as an operator would run one for a
# write-heavy gateway, and prints the URL of a fresh database on it:
#   db=$(bash bench/postgres-server.sh); bash bench/gateway-e2e.sh 200000 64 1 "$db"
# Durability is PostgreSQL's default and untouched: fsync, synchronous_commit and full_page_writes stay on. What
# changes is the memory and checkpoint spacing PostgreSQL's defaults keep small for any machine: with 128 MB of
# shared buffers a run of 220,000 messages (warm-up and timed run; 3.3 KB of WAL each, measured) evicts dirty pages
# from the backends themselves, and max_wal_size 1 GB forces checkpoints mid-run, after which every page touched
# again is logged whole.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
bash .ci/postgres.sh 2>"$log" >/dev/null
dir=$(sed -n 's/.*data in \(\/tmp\/pigeon-ci-postgres\.[A-Za-z0-9]*\).*/\1/p' "$log" | tail -1)
port=$(sed -n 's/.* on 127\.0\.0\.1:\([0-9]*\),.*/\1/p' "$log" | tail -1)
rm -f "$log"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_server=()
[ "$(id -u)" -eq 0 ] && as_server=(runuser -u postgres --)
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "ALTER SYSTEM SET shared_buffers = '2GB'" \
  -c "ALTER SYSTEM SET max_wal_size = '8GB'" \
  -c "ALTER SYSTEM SET checkpoint_timeout = '30min'" \
  -c "CREATE DATABASE bench OWNER pigeon" >&2
"${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -w -t 60 restart -m fast >/dev/null
echo "postgres-server.sh: PostgreSQL on 127.0.0.1:$port, data in $dir (stop: ${as_server[*]} $bin/pg_ctl -D $dir/data stop)" >&2
echo "postgres://pigeon:pigeon@127.0.0.1:$port/bench"
