#!/usr/bin/env bash
# What `npm test` needs, installed once: the npm dependencies, and for the real-n8n tests n8n 2.x and the newest 1.x (each with
# a project-local Node.js 24, see ensure-n8n.sh), and from Debian: Chromium for the editor test, Redis and
# PostgreSQL for the queue-mode test.
set -euo pipefail
cd "$(dirname "$0")/.."

# `npm test` on a fresh clone: the npm dependencies first (the build and jest need them).
bash scripts/ensure-deps.sh

bash scripts/ensure-n8n.sh > /dev/null
N8N_VERSION=1.123.81 bash scripts/ensure-n8n.sh > /dev/null

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server > /dev/null || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
		echo "[ensure-test-tools] installing from Debian (once, about a minute): ${missing[*]}" >&2
		apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
		# The packages start system services we do not use: the tests run their own on free ports.
		service redis-server stop > /dev/null 2>&1 || true
		service postgresql stop > /dev/null 2>&1 || true
	else
		echo "The real-n8n tests need: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
		exit 1
	fi
fi
