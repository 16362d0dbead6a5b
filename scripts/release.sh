#!/usr/bin/env bash
# A release folder from the last build: the files docs/deploy.md ships, and only those,
# with the production dependencies installed from the lock (no development tools, no
# lifecycle scripts: compiling messages is a build step). The one place that says what a
# release holds: scripts/deploy-check.sh tests the folder it makes, the Dockerfile copies it.
# Usage: scripts/release.sh DIR   (DIR must not exist, or be empty)
set -euo pipefail
cd "$(dirname "$0")/.."
DEST="${1:?usage: scripts/release.sh DIR}"
[ -f build/handler.js ] || { echo "no build: run npm run build first"; exit 1; }
mkdir -p "$DEST"
[ -z "$(ls -A "$DEST")" ] || { echo "$DEST is not empty"; exit 1; }
cp -r build drizzle scripts package.json package-lock.json "$DEST"/
# scripts/server.js shares the security headers with the app, and sends a loopback address
# to the origin.
mkdir -p "$DEST/src/lib" && cp src/lib/security-headers.js src/lib/loopback.js "$DEST/src/lib/"
# The operator's guide and the service definitions travel with the release.
mkdir -p "$DEST/docs" && cp docs/deploy.md "$DEST/docs/" && cp -r deploy "$DEST/"
(cd "$DEST" && npm ci --omit=dev --no-audit --no-fund --ignore-scripts >/dev/null)
