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
INSTANCES=()
SINK=""
psql_() { psql "$SERVER/postgres" -v ON_ERROR_STOP=1 -qAt "$@"; }
cleanup() {
	for pid in "${INSTANCES[@]}"; do kill -- -"$pid" 2>/dev/null || true; done
	[ -n "$SINK" ] && kill -- -"$SINK" 2>/dev/null || true
	psql_ -c "drop database if exists ${DB} with (force)" -c "drop database if exists ${DB}_restored with (force)" -c "drop role if exists ${LOGIN}" \
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
ADMIN="first.admin@deploy-check.example"
ADMIN_PASSWORD="Pihlaja-sade-$(node -e "console.log(require('crypto').randomBytes(12).toString('base64url'))")"
JAR="$SHIP/cookies"
# A role's URL to a database of this run: `as_role <role> <database>`.
as_role() { echo "postgres://$1:deploy-check@${HOST_PORT}/$2"; }
# The database settings every instance and operator command gets (docs/deploy.md): the
# app's login does the work, the owner migrates.
db_env() { echo "DATABASE_URL=$(as_role "$LOGIN" "$1") DATABASE_MIGRATION_URL=$(as_role "$OWNER" "$1")"; }
# One instance of the release on a database, with the environment the guide lists: its
# process group's id goes into INSTANCES, its base URL into STARTED.
start_instance() {
	local port database
	port="$(node scripts/free-port.js)"
	database="$1"
	(
		cd "$SHIP"
		env $(db_env "$database") \
			ENCRYPTION_KEY="$KEY" SMTP_URL="smtp://127.0.0.1:9" ORIGIN="http://localhost:${port}" PORT="$port" \
			OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:${OTEL_PORT}" \
			HOST=127.0.0.1 NODE_ENV=production setsid "${COMMAND[@]}" >>"$SHIP/server.log" 2>&1 &
		echo $! >"$SHIP/pid"
	)
	INSTANCES+=("$(cat "$SHIP/pid")")
	STARTED="http://localhost:${port}"
}
# Waits until /readyz answers the given status (200, or 503 for a database the app may not
# use yet); fails when the instance exits or a minute passes.
await_ready() {
	local url="$1" want="$2" pid="$3" got=""
	for _ in $(seq 1 300); do
		got="$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz" 2>/dev/null || true)"
		[ "$got" = "$want" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.2
	done
	echo "$url/readyz answered ${got:-nothing}, not ${want}"
	tail -30 "$SHIP/server.log"
	exit 1
}
stop_instance() {
	# SIGTERM: in-flight work finishes, the pool closes, the process exits 0 within seconds.
	kill -TERM "$1"
	for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
	if kill -0 "$1" 2>/dev/null; then echo "the server did not stop on SIGTERM"; exit 1; fi
}
# The authenticator code of the secret shown at set-up, for the step after `$2` at least
# (a code is taken once): what a person's app shows, from the same library the app uses.
totp() {
	node --input-type=module -e "
		import { generateHOTP } from '@oslojs/otp';
		import { decodeBase32IgnorePadding } from '@oslojs/encoding';
		const [secret, after] = process.argv.slice(1);
		const step = Math.max(Math.floor(Date.now() / 30000), Number(after) + 1);
		console.log(step, generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6));
	" "$1" "$2"
}
post() {
	local url="$1" path="$2"
	shift 2
	curl -s -b "$JAR" -c "$JAR" -o "$SHIP/answer.html" -w '%{http_code} %{redirect_url}' -X POST \
		-H 'Accept: text/html' -H "Origin: $url" "$@" "$url$path"
}
password_step() {
	post "$1" '/login?/login' --data-urlencode "email=${ADMIN}" --data-urlencode "password=${ADMIN_PASSWORD}"
}

start_instance "$DB"
A="$STARTED"
await_ready "$A" 200 "${INSTANCES[0]}"
status="$(curl -s -o /dev/null -w '%{http_code}' "$A/login?next=%2Fdeploy-check-query")"
[ "$status" = "200" ] || { echo "/login answered ${status}"; tail -30 "$SHIP/server.log"; exit 1; }

# The first admin, as the README says: from the release folder (build/cli, no TypeScript),
# with the instances' own database settings, the password from standard input.
(
	cd "$SHIP"
	printf '%s' "$ADMIN_PASSWORD" | env $(db_env "$DB") ENCRYPTION_KEY="$KEY" ORIGIN="$A" npm run -s user:create -- --email "$ADMIN" \
		--name "Deploy Check" --role admin --organisation "Deploy check region" --password-stdin
) >"$SHIP/user-create.log" 2>&1 || { echo "user:create failed:"; cat "$SHIP/user-create.log"; exit 1; }

# A second instance on the same database, as behind a load balancer.
start_instance "$DB"
B="$STARTED"
await_ready "$B" 200 "${INSTANCES[1]}"

# The admin signs in on the first: the password, then the authenticator set up on the way.
answer="$(password_step "$A")"
[[ "$answer" == "303 $A/login/setup"* ]] || { echo "the first admin's password was refused: $answer"; exit 1; }
secret="$(curl -s -b "$JAR" "$A/login/setup" | sed -n 's/.*data-testid="secret">\([A-Z2-7 ]*\)<.*/\1/p' | tr -d ' ')"
[ -n "$secret" ] || { echo "the set-up page showed no key"; exit 1; }
read -r used code <<<"$(totp "$secret" 0)"
answer="$(post "$A" '/login/setup?/confirm' --data-urlencode "code=${code}" --data-urlencode 'next=/')"
[ "${answer%% *}" = 200 ] && grep -q 'recovery' "$SHIP/answer.html" ||
	{ echo "the authenticator's code was refused at set-up: $answer"; exit 1; }
# The session made on one instance works on the other.
status="$(curl -s -b "$JAR" -o "$SHIP/answer.html" -w '%{http_code}' "$B/admin/users")"
[ "$status" = 200 ] && grep -q "$ADMIN" "$SHIP/answer.html" ||
	{ echo "the second instance did not know the session made on the first: $status"; exit 1; }
for pid in "${INSTANCES[@]}"; do stop_instance "$pid"; done
INSTANCES=()

# A refused start: the instance exits and its log's last word says why.
expect_refusal() {
	local pid="${INSTANCES[0]}"
	for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
	if kill -0 "$pid" 2>/dev/null; then echo "an instance started that should have refused: $2"; exit 1; fi
	grep -q "Not started: $1" "$SHIP/server.log" ||
		{ echo "the refusal did not say why ($2):"; tail -5 "$SHIP/server.log"; exit 1; }
	INSTANCES=()
}

# The key rotated as the guide says, from the release folder: every authenticator key is
# sealed again, and an instance still on the old key refuses to start.
NEW_KEY="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")"
(
	cd "$SHIP"
	env $(db_env "$DB") ENCRYPTION_KEY="$KEY" NEW_ENCRYPTION_KEY="$NEW_KEY" npm run -s key:rotate
) >"$SHIP/key-rotate.log" 2>&1 || { echo "key:rotate failed:"; cat "$SHIP/key-rotate.log"; exit 1; }
start_instance "$DB"
expect_refusal "ENCRYPTION_KEY does not open" "the old key after a rotation"
KEY="$NEW_KEY"

# The restore of the guide: a backup without owner or privileges, restored by the owner
# into a fresh database. An instance refuses to start on it, saying what to run, until the
# app role's rights are back (scripts/app-role-grants.sql); then the same admin signs in
# with the same authenticator, whose key the restored database keeps sealed under the
# rotated ENCRYPTION_KEY.
RESTORED="${DB}_restored"
pg_dump --format=custom --no-owner --no-privileges --file="$SHIP/backup.dump" "$(as_role "$OWNER" "$DB")"
psql_ -c "create database ${RESTORED} owner ${OWNER}"
pg_restore --no-owner --no-privileges --exit-on-error \
	--dbname="$(as_role "$OWNER" "$RESTORED")" "$SHIP/backup.dump"
start_instance "$RESTORED"
expect_refusal "The app's database role lacks its rights" "a restore without the app role's rights"
psql -v ON_ERROR_STOP=1 -q -f scripts/app-role-grants.sql "$(as_role "$OWNER" "$RESTORED")"
start_instance "$RESTORED"
C="$STARTED"
await_ready "$C" 200 "${INSTANCES[0]}"
rm -f "$JAR"
answer="$(password_step "$C")"
[[ "$answer" == "303 $C/login/code"* ]] || { echo "the restored database refused the admin's password: $answer"; exit 1; }
read -r used code <<<"$(totp "$secret" "$used")"
answer="$(post "$C" '/login/code?/verify' --data-urlencode "code=${code}" --data-urlencode 'next=/admin/users')"
[[ "$answer" == "303 $C/admin/users"* ]] || { echo "the restored database refused the admin's code: $answer"; exit 1; }
status="$(curl -s -b "$JAR" -o /dev/null -w '%{http_code}' "$C/admin/users")"
[ "$status" = 200 ] || { echo "the admin's page on the restored database answered $status"; exit 1; }
stop_instance "${INSTANCES[0]}"
INSTANCES=()
# SvelteKit's own spans reached the collector when the server stopped, without the query.
kill -TERM "$SINK" 2>/dev/null || true
grep -q 'sveltekit.handle.root' "$SHIP/traces.log" 2>/dev/null || { echo "no trace reached the collector"; exit 1; }
grep -q 'deploy-check-query' "$SHIP/traces.log" && { echo "a trace kept the query string"; exit 1; }
grep -q '"level":50' "$SHIP/server.log" && { echo "errors in the server's log:"; grep '"level":50' "$SHIP/server.log" | head -5; exit 1; }
echo "deploy check: shipped files started on PostgreSQL as an owner-migrated database, /readyz and /login answered; the first admin made by user:create signed in on one instance and was known on the second; an instance refused to start on a restore without privileges until app-role-grants.sql, then the admin signed in with the same authenticator, sealed again by key:rotate (an instance on the old key refused); traces reached a collector, SIGTERM stopped every instance; production node_modules ${MB} MB"
