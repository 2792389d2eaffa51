#!/usr/bin/env bash
# The one test command (`npm test`). Levels, in order; the first failed level stops the run:
#   typecheck · lint · unit (node:test) · engine (node:test against the private dockerd)
#   · host (mocha inside a real VS Code extension host) · workbench (the .vsix in code-server + Chromium)
# Prepares what they need: node_modules (npm ci when missing or older than package-lock.json), the private engine
# (scripts/engine.sh → DOCKER_HOST) and the VS Code host (scripts/setup-vshost.sh, run in the background meanwhile).
# Without an engine or a VS Code host the levels that need them are skipped, except under CI=true, where that is a
# failure. Ends with a summary and the line "N passed, N failed". Logs: out/test-logs/<level>.log.
# Env: DN_STOP_ENGINE=1 stops the engine at the end (under CI=true: when this run started it);
#      DN_LEVEL_TIMEOUT (seconds, default 900) ends a level that hangs (counted as a failure);
#      DN_LEVELS=host,workbench runs only those levels (for working on one level; `npm test` runs all).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CI=${CI:-}
LOGS=$ROOT/out/test-logs; rm -rf "$LOGS"; mkdir -p "$LOGS"
ms() { date +%s%3N; }
T0=$(ms)
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

LEVELS=(typecheck lint unit engine host workbench)
declare -A PASS FAIL NOTE SECS
TOTAL_PASS=0 TOTAL_FAIL=0 STOPPED="" CUR="" CUR_LEVEL=""
LEVEL_TIMEOUT=${DN_LEVEL_TIMEOUT:-900}
SELECTED=",${DN_LEVELS:-typecheck,lint,unit,engine,host,workbench},"
selected() { case $SELECTED in *",$1,"*) return 0;; esac; NOTE[$1]="not selected (DN_LEVELS)"; return 1; }

summary() {
  say "summary ($(( ($(ms) - T0) / 1000 )) s)"
  for l in "${LEVELS[@]}"; do
    if [ -n "${NOTE[$l]:-}" ] && [ -z "${PASS[$l]:-}" ]; then printf '  %-10s %s\n' "$l" "${NOTE[$l]}"
    elif [ -n "${PASS[$l]:-}" ]; then
      printf '  %-10s %4s passed, %s failed  (%s s)%s\n' "$l" "${PASS[$l]}" "${FAIL[$l]}" "${SECS[$l]}" "${NOTE[$l]:+  ${NOTE[$l]}}"
    else printf '  %-10s %s\n' "$l" "not run${STOPPED:+ ($STOPPED failed)}"; fi
  done
  echo "$TOTAL_PASS passed, $TOTAL_FAIL failed"
}

finish() {
  local code=$1
  if [ -n "$CUR" ]; then kill -- -"$CUR" 2>/dev/null; CUR=""; fi   # the level that was running (its own group)
  if [ "$code" = 130 ] && [ -n "$CUR_LEVEL" ] && [ -z "${PASS[$CUR_LEVEL]:-}" ]; then
    PASS[$CUR_LEVEL]=0 FAIL[$CUR_LEVEL]=1 SECS[$CUR_LEVEL]=- NOTE[$CUR_LEVEL]="interrupted"; TOTAL_FAIL=$((TOTAL_FAIL + 1)); STOPPED=$CUR_LEVEL
  fi
  if [ -n "${BG_SETUP:-}" ]; then kill -- -"$BG_SETUP" 2>/dev/null; fi   # its own process group (setsid)
  if [ -n "${DN_STOP_ENGINE:-}" ] || { [ "$CI" = true ] && [ -n "${STARTED_ENGINE:-}" ]; }; then bash scripts/engine.sh stop || true; fi
  summary
  exit "$code"
}
trap 'echo; echo "interrupted"; finish 130' INT TERM

# record <level> <passed> <failed> <t0>; stops the run when the level failed
record() {
  local l=$1 p=$2 f=$3
  PASS[$l]=$p FAIL[$l]=$f SECS[$l]=$(awk "BEGIN{printf \"%.1f\", ($(ms) - $4)/1000}")
  TOTAL_PASS=$((TOTAL_PASS + p)) TOTAL_FAIL=$((TOTAL_FAIL + f))
  if [ "$f" -gt 0 ]; then STOPPED=$l; finish 1; fi
}
skip() { NOTE[$1]="skipped: $2"; echo "SKIPPED $1: $2"; }
# run_cmd <level> cmd...: runs the command in its own process group (so a timeout or Ctrl-C takes all of it down),
# output to out/test-logs/<level>.log and to the terminal; returns its exit code
run_cmd() {
  local l=$1 log=$LOGS/$1.log rc tailpid; shift
  say "$l: $*"
  : >"$log"; CUR_LEVEL=$l
  setsid timeout -k 10 "$LEVEL_TIMEOUT" "$@" >"$log" 2>&1 </dev/null &
  CUR=$!
  tail -s 0.2 -n +1 -f --pid="$CUR" "$log" & tailpid=$!
  wait "$CUR"; rc=$?
  wait "$tailpid" 2>/dev/null; CUR=""
  if [ "$rc" -eq 124 ]; then echo "TIMEOUT: $l did not finish within $LEVEL_TIMEOUT s (DN_LEVEL_TIMEOUT)" | tee -a "$log"; NOTE[$l]="timed out"; fi
  return "$rc"
}
# a level that does not count tests: one check, passed or failed
check() {
  local l=$1 t; t=$(ms); shift
  if run_cmd "$l" "$@"; then record "$l" 1 0 "$t"; else record "$l" 0 1 "$t"; fi
}
# node:test counts: "# pass N" / "# fail N" (TAP reporter) or "ℹ pass N" (spec reporter); cancelled counts as failed
node_counts() {
  awk '/^(#|ℹ) (pass|fail|cancelled) [0-9]+$/ { n[$2] += $3 } END { printf "%d %d\n", n["pass"], n["fail"] + n["cancelled"] }' "$1"
}
# "N passed, N failed" (our host and workbench runners): the last such line
runner_counts() {
  grep -aE '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -1 | awk '{ print $1, $3 }'
}
tests() {   # tests <level> <count-fn> <cmd...>
  local l=$1 fn=$2; shift 2; local t rc p f; t=$(ms)
  run_cmd "$l" "$@"; rc=$?
  read -r p f < <($fn "$LOGS/$l.log")
  p=${p:-0} f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; NOTE[$l]=${NOTE[$l]:-"exit code $rc"}; fi
  record "$l" "$p" "$f" "$t"
}

# --- dependencies
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund 2>&1 | tee "$LOGS/npm-ci.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "npm ci failed"; STOPPED="npm ci"; TOTAL_FAIL=1; finish 1; }
fi

# --- the private engine (needed by the engine, host and workbench levels)
say "engine: scripts/engine.sh start"
ENGINE_OK=""
bash scripts/engine.sh status >/dev/null 2>&1 || STARTED_ENGINE=1
if DH=$(bash scripts/engine.sh start 2> >(tee "$LOGS/engine-start.log" >&2)) && [ -n "$DH" ]; then
  export DOCKER_HOST=$DH; ENGINE_OK=1; echo "DOCKER_HOST=$DOCKER_HOST"
else
  echo "no engine (log: $LOGS/engine-start.log)"
fi

# --- Podman's Docker-compatible API (the engine level's Podman tests; without it they are skipped, except in CI)
say "podman: scripts/podman.sh start"
if PH=$(bash scripts/podman.sh start 2> >(tee "$LOGS/podman-start.log" >&2)) && [ -n "$PH" ]; then
  export PODMAN_HOST=$PH; echo "PODMAN_HOST=$PODMAN_HOST"
else
  echo "no Podman service (log: $LOGS/podman-start.log)"
fi

# --- the VS Code host (needed by the host and workbench levels): installs in the background on a first run
say "VS Code host: scripts/setup-vshost.sh (background, log: $LOGS/setup-vshost.log)"
setsid bash scripts/setup-vshost.sh >"$LOGS/setup-vshost.log" 2>&1 </dev/null &
BG_SETUP=$!
wait_host() {
  [ -n "${BG_SETUP:-}" ] || return "${HOST_RC:-1}"
  echo "waiting for scripts/setup-vshost.sh ..."
  wait "$BG_SETUP"; HOST_RC=$?; BG_SETUP=""
  [ "$HOST_RC" -eq 0 ] || { echo "setup-vshost.sh failed:"; tail -20 "$LOGS/setup-vshost.log"; }
  return "$HOST_RC"
}

selected typecheck && check typecheck npm run -s typecheck
selected lint && check lint npm run -s lint
selected unit && tests unit node_counts npm run -s test:unit

if ! selected engine; then :
elif [ -n "$ENGINE_OK" ]; then
  tests engine node_counts npm run -s test:engine
elif [ "$CI" = true ]; then NOTE[engine]="no engine (CI: a failure)"; record engine 0 1 "$(ms)"
else skip engine "no engine (scripts/engine.sh start failed)"; fi

HOST_OK=""; wait_host && HOST_OK=1
if [ -n "$ENGINE_OK" ] && [ -n "$HOST_OK" ]; then
  selected host && tests host runner_counts bash -c 'node esbuild.mjs --tests && node scripts/run-host-tests.cjs'
  selected workbench && tests workbench runner_counts bash -c 'npm run -s package && bash scripts/run-workbench-tests.sh'
else
  why=$([ -z "$ENGINE_OK" ] && echo "no engine" || echo "no VS Code host (scripts/setup-vshost.sh failed)")
  for l in host workbench; do
    if ! selected "$l"; then :
    elif [ "$CI" = true ]; then NOTE[$l]="$why (CI: a failure)"; record "$l" 0 1 "$(ms)"; else skip "$l" "$why"; fi
  done
fi
finish 0
