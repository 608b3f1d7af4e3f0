#!/usr/bin/env bash
# The npm dependencies, for npm start, npm test and npm run test:unit on a fresh clone: `npm ci` unless
# node_modules was installed from this very package-lock.json. Contents are compared, not dates: a fresh
# clone's lock file is always newer than an install made before it. The mark is written after `npm ci`
# finishes, so a half-finished install is redone.
set -euo pipefail
cd "$(dirname "$0")/.."
lock_hash=$(sha1sum package-lock.json | cut -d' ' -f1)
mark=node_modules/.itniotech-installed-from
if [ -f "$mark" ] && [ "$(cat "$mark")" = "$lock_hash" ]; then
	exit 0
fi
if [ -L node_modules ]; then
	# Another checkout's install, shared on purpose: reinstalling through the link would replace it under them.
	echo "[ensure-deps] node_modules links to another folder's install; not reinstalling it from here" >&2
	exit 0
fi
echo "[ensure-deps] installing the npm dependencies (npm ci)" >&2
npm ci >&2
echo "$lock_hash" > "$mark"
