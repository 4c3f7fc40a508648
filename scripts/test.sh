#!/usr/bin/env bash
# The whole suite: SQLite and PostgreSQL, unit, CLI, web and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/system-deps.sh test
export RESGUARDO_CHROMIUM=${RESGUARDO_CHROMIUM:-/usr/bin/chromium}
bin=.venv/bin
$bin/lint-imports
# 1. everything, on the embedded SQLite default
$bin/pytest -p no:cacheprovider "$@"
# 2. the database tests again, against a real PostgreSQL server
url=$(./scripts/postgres.sh start)
trap './scripts/postgres.sh stop' EXIT
DATABASE_URL=$url $bin/pytest -p no:cacheprovider -m postgres "$@"
