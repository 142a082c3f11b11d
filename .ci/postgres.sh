#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the storage contract tests and prints the line that points them at it:
#   eval "$(bash .ci/postgres.sh)"    # then: dotnet test
# Installs PostgreSQL with apt-get when no server binaries are present (a fresh Debian machine). Everything but the
# export line goes to stderr. The cluster lives in a temporary directory and listens on 127.0.0.1 only.
# POSTGRES_SETTINGS, when set, adds server settings ("-c name=value ...", as bench/postgres-server.sh does).
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# initdb refuses to run as root: run the server as the postgres user the package created.
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  as_server=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/pigeon-ci-postgres.XXXXXX)
chmod 755 "$dir"
if [ ${#as_server[@]} -gt 0 ]; then
  chown postgres:postgres "$dir"
fi

port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  port=$((port + 1))
done

"${as_server[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >&2
"${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 ${POSTGRES_SETTINGS:-}" start >&2

# The tests create (and drop) one database per test class, so the role may create databases.
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE pigeon LOGIN CREATEDB PASSWORD 'pigeon'" \
  -c "CREATE DATABASE pigeon OWNER pigeon" >&2

echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir" >&2
echo "export PIGEON_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=pigeon;Password=pigeon;Database=pigeon'"
