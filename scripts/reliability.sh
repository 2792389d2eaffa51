#!/usr/bin/env bash
# `npm run reliability` — fault figures, written to docs/RELIABILITY.md: the engine killed during actions, restarted
# 20 times under a live model, slow / stalled / failing behind a proxy, an event storm, an hour of churn, and the
# webview protocols fuzzed. Not a test and not part of `npm test` (the fuzz is also a unit test).
#   npm run reliability                          every scenario on Docker 28.5 (about 70 min here: churn runs an hour)
#   npm run reliability -- --quick               all but churn (10 to 12 min on a busy 2-core machine)
#   npm run reliability -- --only kill,faults    some (fuzz faults storm kill restart churn)
#   DN_ENGINE=20 npm run reliability -- --quick  on Docker 20.10 instead; DN_ENGINES="28 20" runs both, one after
#                                                the other (RELIABILITY.md keeps each engine's latest run)
# Env: DN_CHURN_SECONDS (3600), DN_KILL_REPS (5), DN_RESTARTS (20), DN_STORM_EVENTS (1000), DN_REL_SEED (1),
#      DN_REL_NETNS (dn-rel), DN_REL_DIR (engine folders; default ${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/reliability).
# Needs root. The engine is a private dockerd (scripts/engine.sh, always with a DN_ENGINE_DIR of its own) in a network
# namespace of its own (scripts/netns.sh: its own loopback, bridges and iptables), so nothing it does reaches the
# machine's interfaces or another engine. The run (reliability/run.ts) runs in that namespace too, and kills and
# restarts that engine through its pidfile and the same engine.sh. At the end: the run's containers and networks
# removed, the engine stopped, the namespace deleted.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[reliability] $*" >&2; }
die() { echo "[reliability] ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (a network namespace and a dockerd of its own)"
command -v ip >/dev/null && command -v nsenter >/dev/null || die "needs ip (iproute2) and nsenter (util-linux)"
[ -d node_modules ] || { log "npm ci"; npm ci --no-audit --no-fund >&2; }
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks
NS=${DN_REL_NETNS:-dn-rel}
BASE=${DN_REL_DIR:-$CACHE/reliability}
ENGINES=${DN_ENGINES:-${DN_ENGINE:-28}}
t0=$(date +%s)

# Docker 28.5 as engine.sh unpacked it for the default engine: reuse it (hard links) rather than fetch it again
seed_engine() {
  local dir=$1 kind=$2 src=$CACHE/engine-28/apt l t
  [ "$kind" = 28 ] && [ ! -x "$dir/apt/bin/dockerd" ] && [ -x "$src/bin/dockerd" ] || return 0
  mkdir -p "$dir"; rm -rf "$dir/apt"
  cp -al "$src" "$dir/apt" 2>/dev/null || cp -a "$src" "$dir/apt"
  for l in "$dir"/apt/bin/*; do t=$(readlink "$l"); case $t in "$src"/*) ln -sfn "$dir/apt/${t#"$src"/}" "$l";; esac; done
}

# scripts/netns.sh makes the namespace, fetches the engine's packages outside it, starts and stops the engine in it
running=""
finish() {
  local code=$?
  if [ -n "$running" ]; then bash scripts/netns.sh "$NS" stop "$BASE/engine-$running" "$running" || true; fi
  ip netns del "$NS" 2>/dev/null || true
  log "done in $(( $(date +%s) - t0 )) s"
  exit "$code"
}
trap finish EXIT

rc=0
for kind in $ENGINES; do
  dir=$BASE/engine-$kind
  seed_engine "$dir" "$kind"
  log "engine $kind in $dir (network namespace $NS)"
  running=$kind
  host=$(bash scripts/netns.sh "$NS" engine "$dir" "$kind")
  bash scripts/netns.sh "$NS" run env DOCKER_HOST="$host" DN_ENGINE="$kind" DN_REL_ENGINE_DIR="$dir" \
    node --import tsx --expose-gc reliability/run.ts "$@" || rc=$?
  bash scripts/netns.sh "$NS" stop "$dir" "$kind" || true
  running=""
done
exit $rc
