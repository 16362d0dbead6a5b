#!/usr/bin/env bash
# docs/deploy.md, followed: the files it says to ship (and only those) in a folder of their
# own, the production install it names (scripts/release.sh), the roles the README
# makes on PostgreSQL (an owner that migrates, the app role, a login in it), then
# `node scripts/server.js` with the environment it lists: it must migrate as the owner,
# answer /readyz and /login, log no error, and stop cleanly on SIGTERM. Uses the last build.
# Usage: scripts/deploy-check.sh [postgres://superuser@host:port] (default the local one).
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER="${1:-postgres://postgres@127.0.0.1:5432}"
HOST_PORT="${SERVER##*@}"
[ -f build/handler.js ] || { echo "no build: run npm run build first"; exit 1; }

# Names of this run's own: roles are the cluster's, and another run may share it.
TAG="deploycheck_$$"
OWNER="${TAG}_owner"
LOGIN="${TAG}_login"
DB="${TAG}"
SHIP="$(mktemp -d)"
PID=""
SINK=""
psql_() { psql "$SERVER/postgres" -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
	[ -n "$PID" ] && kill -- -"$PID" 2>/dev/null || true
	[ -n "$SINK" ] && kill -- -"$SINK" 2>/dev/null || true
	psql_ -c "drop database if exists ${DB} with (force)" -c "drop role if exists ${LOGIN}" \
		-c "drop role if exists ${OWNER}" >/dev/null 2>&1 || true
	rm -rf "$SHIP"
}
trap cleanup EXIT

# What deploy.md ships: the release folder, as scripts/release.sh makes it (the Dockerfile
# copies the same folder into the image).
bash scripts/release.sh "$SHIP"
MB="$(du -sm "$SHIP/node_modules" | cut -f1)"

# The roles, as the README's SQL makes them.
psql_ -c "create role ${OWNER} login password 'deploy-check'" -c "create database ${DB} owner ${OWNER}" \
	-c "do \$\$ begin if not exists (select from pg_roles where rolname = 'yhteisarvio_app') then create role yhteisarvio_app nologin; end if; end \$\$" \
	-c "create role ${LOGIN} login password 'deploy-check' in role yhteisarvio_app" >/dev/null

PORT="$(node scripts/free-port.js)"
KEY="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")"

# The systemd unit the guide ships: valid as systemd reads it, and its command is the one
# started below (with this machine's node, wherever it is).
UNIT=deploy/yhteisarvio@.service
if command -v systemd-analyze >/dev/null 2>&1; then
	cp "$UNIT" "$SHIP/"
	(cd "$SHIP" && systemd-analyze verify --man=no "./yhteisarvio@${PORT}.service")
	rm "$SHIP/yhteisarvio@.service"
fi
read -r -a COMMAND <<<"$(sed -n 's/^ExecStart=//p' "$UNIT")"
[ "${COMMAND[0]}" = /usr/bin/node ] || { echo "$UNIT: ExecStart does not start node"; exit 1; }
# The container image starts the same command (Dockerfile CMD).
IMAGE_CMD="$(sed -n 's/^CMD \["node", \(.*\)\]$/\1/p' Dockerfile | tr -d '",')"
[ "$IMAGE_CMD" = "${COMMAND[*]:1}" ] || { echo "Dockerfile CMD ($IMAGE_CMD) is not the unit's (${COMMAND[*]:1})"; exit 1; }
COMMAND[0]="$(command -v node)"
# A collector for the traces (OTEL_EXPORTER_OTLP_ENDPOINT in docs/deploy.md).
setsid node scripts/otlp-sink.js "$SHIP/traces.log" >"$SHIP/sink.port" 2>&1 &
SINK=$!
for _ in $(seq 1 50); do [ -s "$SHIP/sink.port" ] && break; sleep 0.1; done
OTEL_PORT="$(cat "$SHIP/sink.port")"
(
	cd "$SHIP"
	DATABASE_URL="postgres://${LOGIN}:deploy-check@${HOST_PORT}/${DB}" \
		DATABASE_MIGRATION_URL="postgres://${OWNER}:deploy-check@${HOST_PORT}/${DB}" \
		ENCRYPTION_KEY="$KEY" SMTP_URL="smtp://127.0.0.1:9" ORIGIN="http://localhost:${PORT}" PORT="$PORT" \
		OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:${OTEL_PORT}" \
		HOST=127.0.0.1 NODE_ENV=production setsid "${COMMAND[@]}" >"$SHIP/server.log" 2>&1 &
	echo $! >"$SHIP/pid"
)
PID="$(cat "$SHIP/pid")"
ready=""
for _ in $(seq 1 300); do
	if curl -fsS -o /dev/null "http://localhost:${PORT}/readyz" 2>/dev/null; then ready=1; break; fi
	kill -0 "$PID" 2>/dev/null || break
	sleep 0.2
done
[ -n "$ready" ] || { echo "the shipped server did not become ready"; tail -30 "$SHIP/server.log"; exit 1; }
status="$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${PORT}/login?next=%2Fdeploy-check-query")"
[ "$status" = "200" ] || { echo "/login answered ${status}"; tail -30 "$SHIP/server.log"; exit 1; }
# SIGTERM: in-flight work finishes, the pool closes, the process exits 0 within seconds.
kill -TERM "$PID"
for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$PID" 2>/dev/null; then echo "the server did not stop on SIGTERM"; exit 1; fi
PID=""
# SvelteKit's own spans reached the collector when the server stopped, without the query.
kill -TERM "$SINK" 2>/dev/null || true
grep -q 'sveltekit.handle.root' "$SHIP/traces.log" 2>/dev/null || { echo "no trace reached the collector"; exit 1; }
grep -q 'deploy-check-query' "$SHIP/traces.log" && { echo "a trace kept the query string"; exit 1; }
grep -q '"level":50' "$SHIP/server.log" && { echo "errors in the server's log:"; grep '"level":50' "$SHIP/server.log" | head -5; exit 1; }
echo "deploy check: shipped files started on PostgreSQL as an owner-migrated database, /readyz and /login answered, traces reached a collector, SIGTERM stopped it; production node_modules ${MB} MB"
