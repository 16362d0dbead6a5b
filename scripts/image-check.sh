#!/usr/bin/env bash
# The container image (Dockerfile), built from this checkout and run as docs/deploy.md says:
# it must run as an unprivileged user that cannot change the app's own files, migrate with
# the owner's connection, become healthy by its own health check, let the operator create
# the first admin inside it, let that admin's password through, and stop cleanly on SIGTERM.
#
# Where no container daemon runs, it starts one of its own (Debian's docker.io, installed
# when missing) on a socket and folders of this run only, and stops it at the end. Where no
# registry serves the base image (a closed network), it makes a stand-in for it: Debian
# bookworm from Debian's packages, with Node and npm from the npm registry, the user `node`
# (uid 1000) and this machine's certificate authorities, as an organisation's own base
# image would carry them; the build gets it through the Dockerfile's NODE_IMAGE argument.
# Usage: scripts/image-check.sh [postgres://superuser@host:port] (default the local one).
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER="${1:-postgres://postgres@127.0.0.1:5432}"
HOST_PORT="${SERVER##*@}"

# Names of this run's own: roles are the cluster's, and another run may share it.
TAG="imagecheck_$$"
OWNER="${TAG}_owner"
LOGIN="${TAG}_login"
DB="${TAG}"
IMAGE="yhteisarvio-image-check:$$"
WORK="$(mktemp -d)"
DOCKERD_PID=""
CONTAINER=""
STAND_IN=()
psql_() { psql "$SERVER/postgres" -v ON_ERROR_STOP=1 -qAt "$@"; }
step() { printf -- '--- %s (at %ss)\n' "$*" "$SECONDS"; }
# A Debian package for a command this machine lacks; another install may hold the lock.
updated=""
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	[ -n "$updated" ] || apt-get -o DPkg::Lock::Timeout=300 update -qq
	updated=1
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$2" >/dev/null
}
cleanup() {
	if [ -n "$CONTAINER" ]; then docker rm -f "$CONTAINER" >/dev/null 2>&1 || true; fi
	if [ -n "$DOCKERD_PID" ]; then
		# The daemon this run started, by its PID: it stops its containerd with it.
		kill -TERM "$DOCKERD_PID" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.1; done
		# What it mounted under this run's folder (its network namespace, layers).
		grep -o " $WORK/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
	else
		# A daemon that was there before: this run's images go, the daemon stays.
		docker rmi -f "$IMAGE" ${STAND_IN[@]+"${STAND_IN[@]}"} >/dev/null 2>&1 || true
	fi
	psql_ -c "drop database if exists ${DB} with (force)" -c "drop role if exists ${LOGIN}" \
		-c "drop role if exists ${OWNER}" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

step "a container daemon"
if ! docker info >/dev/null 2>&1; then
	need dockerd docker.io || true
	command -v dockerd >/dev/null 2>&1 || {
		echo "image check: not run, no container daemon here and docker.io could not be installed"
		[ "${IMAGE_CHECK_REQUIRED:-}" = 1 ] && exit 1
		exit 0
	}
	# No bridge and no packet filter rules: the containers use the host's network, and this
	# daemon changes nothing on the machine outside its own folders.
	setsid dockerd --data-root "$WORK/data" --exec-root "$WORK/exec" --pidfile "$WORK/dockerd.pid" \
		-H "unix://$WORK/docker.sock" --iptables=false --ip6tables=false --bridge=none \
		>"$WORK/dockerd.log" 2>&1 &
	DOCKERD_PID=$!
	export DOCKER_HOST="unix://$WORK/docker.sock"
	for _ in $(seq 1 150); do docker info >/dev/null 2>&1 && break; sleep 0.2; done
	if ! docker info >/dev/null 2>&1; then
		# A machine whose kernel or sandbox runs no containers cannot say anything about the
		# image: said plainly, not failed (IMAGE_CHECK_REQUIRED=1 makes it a failure).
		echo "image check: not run, no container daemon could start on this machine:"
		tail -5 "$WORK/dockerd.log"
		[ "${IMAGE_CHECK_REQUIRED:-}" = 1 ] && exit 1
		exit 0
	fi
fi
# Docker's legacy builder: BuildKit would fetch its own front end from a registry.
export DOCKER_BUILDKIT=0
docker version --format 'client {{.Client.Version}}, daemon {{.Server.Version}}'

step "the base image"
NODE_IMAGE="$(sed -n 's/^ARG NODE_IMAGE=//p' Dockerfile)"
[ -n "$NODE_IMAGE" ] || { echo "the Dockerfile names no NODE_IMAGE"; exit 1; }
if ! docker image inspect "$NODE_IMAGE" >/dev/null 2>&1 && ! timeout 120 docker pull -q "$NODE_IMAGE" >/dev/null 2>&1; then
	NODE_MAJOR="$(sed -n 's/^node:\([0-9]*\)-.*/\1/p' <<<"$NODE_IMAGE")"
	echo "no registry serves ${NODE_IMAGE}: a stand-in of Debian bookworm with Node ${NODE_MAJOR}"
	need debootstrap debootstrap
	mirror="$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)"
	debootstrap --variant=minbase bookworm "$WORK/root" "${mirror:-http://deb.debian.org/debian}" >"$WORK/debootstrap.log" 2>&1 ||
		{ echo "debootstrap failed:"; tail -20 "$WORK/debootstrap.log"; exit 1; }
	tar -C "$WORK/root" -c . | docker import - "yhteisarvio-image-check/debian:$$" >/dev/null
	STAND_IN+=("yhteisarvio-image-check/debian:$$" "yhteisarvio-image-check/node:$$")
	rm -rf "$WORK/root"
	mkdir "$WORK/base"
	arch="$(node -p 'process.arch')"
	(cd "$WORK/base" && npm pack --silent "node-linux-${arch}@${NODE_MAJOR}" "npm@11" >/dev/null && mv node-linux-*.tgz node.tgz && mv npm-*.tgz npm.tgz)
	cp /etc/ssl/certs/ca-certificates.crt "$WORK/base/ca.crt"
	cat >"$WORK/base/Dockerfile" <<-EOF
		FROM yhteisarvio-image-check/debian:$$
		ADD node.tgz /tmp/node/
		ADD npm.tgz /tmp/npm/
		RUN install -m 0755 /tmp/node/package/bin/node /usr/local/bin/node \\
			&& mkdir -p /usr/local/lib/node_modules && mv /tmp/npm/package /usr/local/lib/node_modules/npm \\
			&& ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
			&& ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
			&& groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
			&& rm -rf /tmp/node /tmp/npm
		COPY ca.crt /etc/ssl/certs/ca-certificates.crt
		ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
		CMD ["node"]
	EOF
	NODE_IMAGE="yhteisarvio-image-check/node:$$"
	docker build -q -t "$NODE_IMAGE" "$WORK/base" >/dev/null
fi

step "the image, built from this checkout"
# The project's files as they are now (tracked, and new ones git does not ignore), copied
# first: what other steps write meanwhile (builds, caches, test output) is all ignored.
mkdir "$WORK/context"
git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -C "$WORK/context" -xf -
# The host's network for the build's npm install: this daemon may have no bridge.
docker build --network host --build-arg "NODE_IMAGE=${NODE_IMAGE}" -t "$IMAGE" "$WORK/context" >"$WORK/build.log" 2>&1 ||
	{ echo "docker build failed:"; tail -40 "$WORK/build.log"; exit 1; }
echo "built: $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1 / 1e6}')"
user="$(docker image inspect -f '{{.Config.User}}' "$IMAGE")"
[ -n "$user" ] && [ "$user" != root ] && [ "$user" != 0 ] || { echo "the image runs as root (USER '${user}')"; exit 1; }
health="$(docker image inspect -f '{{if .Config.Healthcheck}}{{join .Config.Healthcheck.Test " "}}{{end}}' "$IMAGE")"
[[ "$health" == *"/readyz"* ]] || { echo "the image has no health check on /readyz: ${health}"; exit 1; }

step "a database with the guide's roles"
psql_ -c "create role ${OWNER} login password 'image-check'" -c "create database ${DB} owner ${OWNER}" \
	-c "do \$\$ begin if not exists (select from pg_roles where rolname = 'yhteisarvio_app') then create role yhteisarvio_app nologin; end if; end \$\$" \
	-c "create role ${LOGIN} login password 'image-check' in role yhteisarvio_app" >/dev/null
as_role() { echo "postgres://$1:image-check@${HOST_PORT}/$2"; }

step "the image, started with the settings as environment variables"
PORT="$(node scripts/free-port.js)"
URL="http://localhost:${PORT}"
cat >"$WORK/env" <<EOF
DATABASE_URL=$(as_role "$LOGIN" "$DB")
DATABASE_MIGRATION_URL=$(as_role "$OWNER" "$DB")
ENCRYPTION_KEY=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")
ORIGIN=${URL}
PORT=${PORT}
HOST=127.0.0.1
SMTP_URL=smtp://127.0.0.1:9
EOF
CONTAINER="$TAG"
docker run -d --name "$CONTAINER" --network host --env-file "$WORK/env" "$IMAGE" >/dev/null
state=""
for _ in $(seq 1 450); do
	state="$(docker inspect -f '{{.State.Status}} {{.State.Health.Status}}' "$CONTAINER")"
	[ "$state" = "running healthy" ] && break
	[[ "$state" == running* ]] || break
	sleep 0.2
done
[ "$state" = "running healthy" ] || { echo "the container is not healthy: ${state}"; docker logs --tail 30 "$CONTAINER"; exit 1; }
echo "healthy after $SECONDS s of this check"

# Unprivileged, and unable to change what it runs.
uid="$(docker exec "$CONTAINER" id -u)"
[ "$uid" != 0 ] || { echo "the server runs as root"; exit 1; }
if docker exec "$CONTAINER" sh -c 'touch /app/scripts/server.js' 2>/dev/null; then
	echo "the server's user can change its own code"
	exit 1
fi
status="$(curl -s -o /dev/null -w '%{http_code}' "$URL/login")"
[ "$status" = 200 ] || { echo "/login answered ${status}"; docker logs --tail 30 "$CONTAINER"; exit 1; }
[ "$(curl -s "$URL/readyz")" = "ready" ] || { echo "/readyz did not answer ready"; exit 1; }

step "the first admin, made inside the container as the guide says"
ADMIN="first.admin@image-check.example"
ADMIN_PASSWORD="Pihlaja-sade-$(node -e "console.log(require('crypto').randomBytes(12).toString('base64url'))")"
printf '%s' "$ADMIN_PASSWORD" | docker exec -i "$CONTAINER" npm run -s user:create -- --email "$ADMIN" \
	--name "Image Check" --role admin --organisation "Image check region" --password-stdin >"$WORK/user-create.log" 2>&1 ||
	{ echo "user:create failed in the container:"; cat "$WORK/user-create.log"; exit 1; }
answer="$(curl -s -c "$WORK/cookies" -o /dev/null -w '%{http_code} %{redirect_url}' -X POST -H 'Accept: text/html' \
	-H "Origin: $URL" --data-urlencode "email=${ADMIN}" --data-urlencode "password=${ADMIN_PASSWORD}" "$URL/login?/login")"
[[ "$answer" == "303 $URL/login/setup"* ]] || { echo "the first admin's password was refused: ${answer}"; exit 1; }

step "SIGTERM"
started=$SECONDS
docker stop -t 20 "$CONTAINER" >/dev/null
code="$(docker inspect -f '{{.State.ExitCode}}' "$CONTAINER")"
[ "$code" = 0 ] || { echo "the server exited with ${code} on SIGTERM"; docker logs --tail 30 "$CONTAINER"; exit 1; }
echo "stopped in $((SECONDS - started)) s, exit code 0"
if docker logs "$CONTAINER" 2>&1 | grep -q '"level":50'; then
	echo "the server logged an error:"
	docker logs "$CONTAINER" 2>&1 | grep '"level":50' | head -5
	exit 1
fi
echo "image check: 1 passed, 0 failed (${SECONDS} s)"
