#!/usr/bin/env bash
# The npm dependencies, for npm start, npm test and npm run test:unit on a fresh clone: `npm ci` when
# node_modules is missing, was left half-installed (npm writes node_modules/.package-lock.json last), or is
# older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
	echo "[ensure-deps] installing the npm dependencies (npm ci)" >&2
	npm ci >&2
fi
