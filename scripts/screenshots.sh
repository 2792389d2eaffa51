#!/usr/bin/env bash
# The README's pictures (`npm run screenshots`): runs the workbench suite on Docker 28.5 with DN_SHOTS_DIR=docs, so
# its screenshot steps write docs/*.png, and DN_THEME_SHOTS=1, so test/workbench/themes.spec.cjs writes
# docs/themes/<theme>-<view>.png (light, dark, hc-dark, hc-light × tree, form-error, network-details, topology).
# test/workbench/zh-cn.spec.cjs writes docs/zh-cn/*.png, with a Chinese font (scripts/cjk-font.sh: Debian's
# fonts-wqy-microhei, through FONTCONFIG_FILE; without it Chromium draws boxes for Chinese text).
# `npm test` never writes docs/ (its pictures go to out/workbench/shots, and it takes no theme pictures).
#   scripts/screenshots.sh [--themes] [spec ...]   --themes: only the theme pictures
# DOCKER_HOST set: that engine is used (e.g. one in a network namespace of its own) instead of the private one.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/setup-vshost.sh >/dev/null
if [ "${1:-}" = --themes ]; then shift; set -- test/workbench/themes.spec.cjs "$@"; fi
if [ -z "${DOCKER_HOST:-}" ]; then DOCKER_HOST=$(DN_ENGINE=28 bash scripts/engine.sh start); fi
export DOCKER_HOST
FONTCONFIG_FILE=$(bash scripts/cjk-font.sh); export FONTCONFIG_FILE
npm run -s package
DN_SHOTS_DIR=docs DN_THEME_SHOTS=1 bash scripts/run-workbench-tests.sh "$@"
git status --short docs/
