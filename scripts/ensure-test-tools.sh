#!/usr/bin/env bash
# What the real-n8n tests need besides npm packages, installed once: n8n 2.x and the newest 1.x
# (each with a project-local Node.js 24, see ensure-n8n.sh) and Debian's Chromium for the editor test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-n8n.sh > /dev/null
N8N_VERSION=1.123.81 bash scripts/ensure-n8n.sh > /dev/null

if [ ! -x /usr/bin/chromium ]; then
	if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
		echo "[ensure-test-tools] installing Debian's chromium (once, about a minute)" >&2
		apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
	else
		echo "The editor test needs Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2
		exit 1
	fi
fi
