#!/usr/bin/env bash
# The lock file installs with `npm ci` on every platform a release or a developer uses
# (issue 38, ADR 043): Linux x64 and arm64, the production install among them, and macOS
# on Apple silicon. A dry run resolves the whole tree from the lock against the registry
# and fails as `npm ci` would ("Missing: … from lock file"), without downloading it.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp package.json package-lock.json "$WORK/"
cd "$WORK"
for target in "linux x64 glibc" "linux arm64 glibc" "linux arm64 glibc --omit=dev" "darwin arm64"; do
	set -- $target
	os="$1" cpu="$2"
	shift 2
	libc=()
	if [ "${1:-}" = glibc ]; then libc=(--libc=glibc); shift; fi
	if ! npm ci --dry-run --ignore-scripts --no-audit --no-fund --os="$os" --cpu="$cpu" "${libc[@]}" "$@" >log 2>&1; then
		echo "npm ci fails from the lock on $target:"
		grep -E 'Missing|ERR|error' log | head -20
		exit 1
	fi
	echo "npm ci from the lock: $target ok"
done
