#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite (start|stop), on a private
# socket directory and port, and prints its DATABASE_URL on start.
set -euo pipefail
action=${1:-start}
root=${RESGUARDO_PG_DIR:-${TMPDIR:-/tmp}/resguardo-pg-$(id -u)}
port=${RESGUARDO_PG_PORT:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "PostgreSQL is not installed (scripts/system-deps.sh test)" >&2; exit 1; }
run() {
  # PostgreSQL refuses to run as root: use the postgres system user then.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    if [ ! -f "$root/data/PG_VERSION" ]; then
      mkdir -p "$root"
      [ "$(id -u)" -eq 0 ] && chown postgres "$root"
      run "$bindir/initdb" -D "$root/data" -U resguardo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! run "$bindir/pg_ctl" -D "$root/data" status >/dev/null 2>&1; then
      run "$bindir/pg_ctl" -D "$root/data" -l "$root/log" -w \
        -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    fi
    echo "postgres://resguardo@127.0.0.1:$port/postgres"
    ;;
  stop)
    run "$bindir/pg_ctl" -D "$root/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
