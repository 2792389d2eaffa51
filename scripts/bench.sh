#!/usr/bin/env bash
# `npm run bench` — the benchmark of issue 4 (not a test: nothing here passes or fails on timings).
#   npm run bench                 300 networks × 1000 containers (the fixture is made once, then reused)
#   npm run bench -- --quick      50 × 200
#   npm run bench -- --teardown   remove everything labelled dev.dockernetworks.bench
# Other options: see bench/run.ts. Writes bench/RESULTS.md; the summary on stdout ends with the machine-readable lines.
# Always runs against the project's private engines (scripts/engine.sh), never the DOCKER_HOST of your shell:
# the fixture is 1300 objects. Docker 28.5 first, then 20.10 (DN_BENCH_ENGINES="28 20"; one at a time, each keeps its
# fixture for the next run); each writes bench/results/docker-<engine>.json and RESULTS.md shows them all.
# DN_BENCH_DOCKER_HOST=unix://... runs once against that engine instead, on purpose.
# Steps: bundle the bench (bench/build.mjs) · `npm run package` (production dist/extension.js + the .vsix, whose
# sizes are measured and which the workbench run installs) · the VS Code host (scripts/setup-vshost.sh) · run.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[bench] $*" >&2; }

[ -d node_modules ] || { log "npm ci"; npm ci --no-audit --no-fund >&2; }

node bench/build.mjs
case " $* " in *" --render "*) exec node out/bench/run.js --render;; esac
teardown= skip_sizes= skip_host= skip_wb=
for a in "$@"; do
  case "$a" in
    --teardown) teardown=1;; --skip-sizes) skip_sizes=1;; --skip-host) skip_host=1;; --skip-workbench) skip_wb=1;;
  esac
done
if [ -z "$teardown" ]; then
  # the host and workbench runs load the production bundle and install the .vsix, so they need the package too
  if [ -z "$skip_sizes" ] || [ -z "$skip_host" ] || [ -z "$skip_wb" ]; then
    log "npm run package (production bundle + .vsix)"
    if ! npm run -s package >&2; then
      # e.g. vsce refusing to rewrite README's relative image links without a repository URL: package the same
      # bundle the same way minus that rewrite, and say so in RESULTS.md
      log "npm run package FAILED; packaging with the same command plus --no-rewrite-relative-links"
      version=$(node -p 'require("./package.json").version')
      node esbuild.mjs --production
      npx vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links --out "docker-networks-$version.vsix" >&2
      export BENCH_PACKAGE_NOTE="\`npm run package\` failed on this tree (vsce: relative image link in README.md without a repository URL); the .vsix was made by the same command plus \`--no-rewrite-relative-links\`"
    fi
  fi
  # a private copy: other people's test runs rebuild dist/ and the .vsix in this tree meanwhile
  version=$(node -p 'require("./package.json").version')
  mkdir -p out/bench && cp "docker-networks-$version.vsix" out/bench/
  rm -rf out/bench/vsix && mkdir -p out/bench/vsix && (cd out/bench/vsix && unzip -q "../docker-networks-$version.vsix" 'extension/*')
  if [ -z "$skip_host" ] || [ -z "$skip_wb" ]; then bash scripts/setup-vshost.sh >/dev/null; fi
fi
if [ -n "${DN_BENCH_DOCKER_HOST:-}" ]; then
  log "engine: $DN_BENCH_DOCKER_HOST"
  DOCKER_HOST=$DN_BENCH_DOCKER_HOST exec node --expose-gc --enable-source-maps out/bench/run.js "$@"
fi
rc=0
for kind in ${DN_BENCH_ENGINES:-28 20}; do
  DOCKER_HOST=$(DN_ENGINE=$kind bash scripts/engine.sh start)
  log "engine: Docker $(DN_ENGINE=$kind bash scripts/engine.sh version) at $DOCKER_HOST"
  DOCKER_HOST=$DOCKER_HOST node --expose-gc --enable-source-maps out/bench/run.js "$@" || rc=$?
done
exit "$rc"
