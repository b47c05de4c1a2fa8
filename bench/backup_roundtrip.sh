#!/usr/bin/env bash
# A tested backup: dump the demo database with pg_dump, restore it into a new database with
# pg_restore, and compare the row count of every table. Exit status 1 on any difference.
#
#   bench/backup_roundtrip.sh [source-db] [restored-db]
#
# Defaults: hrsocial_prod_backup (created, migrated and seeded with the demo) and
# hrsocial_prod_restored, on PostgreSQL at $PGHOST (127.0.0.1) as $PGUSER (postgres).
# docs/DEPLOYMENT.md explains what else a backup needs (uploads, the secret key).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
SOURCE=${1:-hrsocial_prod_backup}
TARGET=${2:-hrsocial_prod_restored}
DUMP=$(mktemp /tmp/hrsocial-backup.XXXXXX.dump)
trap 'rm -f "$DUMP"' EXIT
PY=${PY:-.venv/bin/python}

if [ -z "${1:-}" ]; then
  echo "== Seeding the demo into $SOURCE"
  dropdb --if-exists "$SOURCE"
  createdb "$SOURCE"
  DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$SOURCE" "$PY" manage.py migrate -v 0
  DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$SOURCE" "$PY" manage.py seed_demo >/dev/null
fi

echo "== pg_dump $SOURCE"
# Custom format: compressed, restorable table by table, in parallel (pg_restore -j).
pg_dump --format=custom --no-owner --no-privileges --file="$DUMP" "$SOURCE"
echo "   $(du -h "$DUMP" | cut -f1) in $DUMP"

echo "== pg_restore into $TARGET"
dropdb --if-exists "$TARGET"
createdb "$TARGET"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$TARGET" "$DUMP"

count_rows() {
  # Exact counts of every table of the public schema, one "table count" per line.
  psql -d "$1" -At -F ' ' -c "
    SELECT table_name,
           (xpath('/row/c/text()',
                  query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name),
                               false, true, '')))[1]::text::bigint
    FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name"
}

count_rows "$SOURCE" >"$DUMP.source"
count_rows "$TARGET" >"$DUMP.restored"
trap 'rm -f "$DUMP" "$DUMP.source" "$DUMP.restored"' EXIT
tables=$(wc -l <"$DUMP.source")
rows=$(awk '{s += $2} END {print s}' "$DUMP.source")
if [ "${rows:-0}" -eq 0 ]; then
  echo "== The source database is empty: nothing was tested" >&2
  exit 1
fi
if diff -u "$DUMP.source" "$DUMP.restored"; then
  echo "== Identical: $tables tables, $rows rows in both databases"
else
  echo "== DIFFERENT row counts (above)" >&2
  exit 1
fi
# A restored portal must also start: its migrations are all there.
DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$TARGET" "$PY" manage.py migrate --check -v 0 \
  && echo "== $TARGET is fully migrated"
