#!/usr/bin/env bash
# Backup and restore, tested: a database with the demo data is dumped with pg_dump and
# restored into a fresh database; every table's row count must match, the access log's
# append-only trigger must be back, and after scripts/app-role-grants.sql the app role can
# work and still cannot delete the log. Usage: scripts/restore-check.sh [postgres://user@host:port]
# (a server where that user may create databases; default the local one). docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER="${1:-postgres://postgres@127.0.0.1:5432}"
SRC="restore_src_$$"
DST="restore_dst_$$"
DUMP="$(mktemp -d)/yhteisarvio.dump"
psql_() { psql "$SERVER/postgres" -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
	psql_ -c "drop database if exists ${SRC} with (force)" -c "drop database if exists ${DST} with (force)" || true
	rm -rf "$(dirname "$DUMP")"
}
trap cleanup EXIT
psql_ -c "create database ${SRC}" -c "create database ${DST}"

export ENCRYPTION_KEY="${ENCRYPTION_KEY:-$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")}"
DATABASE_URL="$SERVER/${SRC}" npx tsx scripts/seed-demo.ts

# The backup: custom format, no owner or privileges (the restoring site grants its own).
pg_dump --format=custom --no-owner --no-privileges --file="$DUMP" "$SERVER/${SRC}"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$SERVER/${DST}" "$DUMP"

counts() {
	psql "$SERVER/$1" -qAt -c "select string_agg(format('%s=%s', t, (xpath('/row/n/text()',
		query_to_xml(format('select count(*) as n from %I.%I', s, t), false, true, '')))[1]::text), ' ' order by s, t)
		from (select table_schema as s, table_name as t from information_schema.tables
			where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE') x"
}
before="$(counts "$SRC")"
after="$(counts "$DST")"
[ "$before" = "$after" ] || { echo "row counts differ after restore"; echo "$before"; echo "$after"; exit 1; }
[ "$(psql "$SERVER/${DST}" -qAt -c "select count(*) from child")" -gt 0 ] || { echo "restored nothing"; exit 1; }
trigger=$(psql "$SERVER/${DST}" -qAt -c "select count(*) from pg_trigger where tgname = 'access_log_no_update_delete' and tgrelid = 'access_log'::regclass")
[ "$trigger" = "1" ] || { echo "the access log's trigger did not come back"; exit 1; }
# Monthly partitions (ADR 026): the same ones, each refusing TRUNCATE.
parts() { psql "$SERVER/$1" -qAt -c "select string_agg(c.relname || ':' || (select count(*) from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'access_log_no_truncate'), ' ' order by c.relname) from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'access_log'::regclass"; }
[ "$(parts "$SRC")" = "$(parts "$DST")" ] || { echo "the access log's partitions differ after restore"; exit 1; }
grep -Eq ':0( |$)' <<<"$(parts "$DST")" && { echo "a restored partition lacks its TRUNCATE guard"; exit 1; }
# The app role's rights come back from the shipped script (a restore drops them all), and the
# app role can then read and write as it must, and still not alter the log.
psql "$SERVER/${DST}" -q -f scripts/app-role-grants.sql
as_app() { psql "$SERVER/${DST}" -qAt -v ON_ERROR_STOP=1 -c "set role yhteisarvio_app" -c "$1"; }
as_app "begin; select count(*) from \"user\"; update session set expires_at = expires_at; rollback" >/dev/null \
	|| { echo "the app role cannot work after the restore"; exit 1; }
if as_app "delete from access_log" >/dev/null 2>&1; then echo "the app role may delete the access log after the restore"; exit 1; fi
echo "restore check: $(wc -w <<<"$after") tables, row counts equal, access-log triggers and partitions present, app role's rights restored"
