#!/usr/bin/env bash
# The README's pictures (`npm run screenshots`): runs the workbench suite on Docker 28.5 with DN_SHOTS_DIR=docs, so
# its screenshot steps write docs/*.png. `npm test` never writes docs/ (its pictures go to out/workbench/shots).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/setup-vshost.sh >/dev/null
DOCKER_HOST=$(DN_ENGINE=28 bash scripts/engine.sh start); export DOCKER_HOST
npm run -s package
DN_SHOTS_DIR=docs bash scripts/run-workbench-tests.sh "$@"
git status --short docs/
