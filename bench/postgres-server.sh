#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the gateway benchmarks, set up as an operator would run one for a
# write-heavy gateway, and prints the URL of a fresh database on it:
#   db=$(bash bench/postgres-server.sh); bash bench/gateway-e2e.sh 200000 64 1 "$db"
# Durability is PostgreSQL's default and untouched: fsync, synchronous_commit and full_page_writes stay on. What
# changes is the memory and checkpoint spacing PostgreSQL's defaults keep small for any machine: with 128 MB of
# shared buffers a run of 220,000 messages (warm-up and timed run; 3.3 KB of WAL each, measured) evicts dirty pages
# from the backends themselves, and max_wal_size 1 GB forces checkpoints mid-run, after which every page touched
# again is logged whole. The server is .ci/postgres.sh's; its data directory goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
export=$(POSTGRES_SETTINGS="-c shared_buffers=2GB -c max_wal_size=8GB -c checkpoint_timeout=30min" bash .ci/postgres.sh)
port=$(sed -n 's/.*;Port=\([0-9]*\);.*/\1/p' <<<"$export")
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE bench OWNER pigeon" >&2
echo "postgres://pigeon:pigeon@127.0.0.1:$port/bench"
