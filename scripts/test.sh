#!/usr/bin/env bash
# The one test command (`npm test`). Levels, in order; the first failed level stops the run:
#   typecheck · lint · unit (node:test) · engine on Docker 20.10 (Debian 12) · engine on Docker 28.5 (sid, pinned)
#   · podman (Podman's Docker-compatible API) · host (mocha inside a real VS Code extension host, on 28.5)
#   · workbench (the .vsix in code-server + Chromium, on 28.5)
# Prepares what they need: node_modules (npm ci when missing or older than package-lock.json), the private engines
# (scripts/engine.sh, DN_ENGINE=20 then 28: one at a time, the first is stopped before the second starts), Podman
# (scripts/podman.sh) and the VS Code host (scripts/setup-vshost.sh, installed in the background meanwhile).
# Without an engine or a VS Code host the levels that need them are skipped, except under CI=true, where that is a
# failure. Skipped tests are counted and named per level; under CI=true a skip must match test/allowed-skips.txt
# (each line commented with why), and each level must run at least its minimum number of tests (MIN below).
# Ends with a summary and the line "N passed, N failed, N skipped". Logs: out/test-logs/<level>.log.
# Env: DN_STOP_ENGINE=1 stops the engine at the end (under CI=true: when this run started it);
#      DN_LEVEL_TIMEOUT (seconds, default 900) ends a level that hangs (counted as a failure);
#      DN_LEVELS=engine28,host runs only those levels (typecheck lint unit engine20 engine28 podman host workbench).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CI=${CI:-}
LOGS=$ROOT/out/test-logs; rm -rf "$LOGS"; mkdir -p "$LOGS"
ms() { date +%s%3N; }
T0=$(ms)
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

LEVELS=(typecheck lint unit engine20 engine28 podman host workbench)
# the least number of tests each level must run (a level that silently lost its tests fails)
declare -A MIN=([unit]=780 [engine20]=110 [engine28]=110 [podman]=6 [host]=54 [workbench]=28)
declare -A PASS FAIL SKIP NOTE SECS TITLE
TITLE=([engine20]="engine(20.10)" [engine28]="engine(28.5)")
TOTAL_PASS=0 TOTAL_FAIL=0 TOTAL_SKIP=0 STOPPED="" CUR="" CUR_LEVEL=""
LEVEL_TIMEOUT=${DN_LEVEL_TIMEOUT:-900}
SELECTED=",${DN_LEVELS:-typecheck,lint,unit,engine20,engine28,podman,host,workbench},"
selected() { case $SELECTED in *",$1,"*) return 0;; esac; NOTE[$1]="not selected (DN_LEVELS)"; return 1; }
title() { echo "${TITLE[$1]:-$1}"; }
ALLOWED=$ROOT/test/allowed-skips.txt

summary() {
  say "summary ($(( ($(ms) - T0) / 1000 )) s)"
  for l in "${LEVELS[@]}"; do
    local t; t=$(title "$l")
    if [ -n "${NOTE[$l]:-}" ] && [ -z "${PASS[$l]:-}" ]; then printf '  %-17s %s\n' "$t" "${NOTE[$l]}"
    elif [ -n "${PASS[$l]:-}" ]; then
      printf '  %-17s %4s passed, %s failed, %s skipped  (%s s)%s\n' "$t" "${PASS[$l]}" "${FAIL[$l]}" "${SKIP[$l]:-0}" "${SECS[$l]}" "${NOTE[$l]:+  ${NOTE[$l]}}"
      [ -s "$LOGS/$l.skipped" ] && sed 's/^/                   skipped: /' "$LOGS/$l.skipped"
    else printf '  %-17s %s\n' "$t" "not run${STOPPED:+ ($(title "$STOPPED") failed)}"; fi
  done
  echo "$TOTAL_PASS passed, $TOTAL_FAIL failed, $TOTAL_SKIP skipped"
}

finish() {
  local code=$1
  if [ -n "$CUR" ]; then kill -- -"$CUR" 2>/dev/null; CUR=""; fi   # the level that was running (its own group)
  if [ "$code" = 130 ] && [ -n "$CUR_LEVEL" ] && [ -z "${PASS[$CUR_LEVEL]:-}" ]; then
    PASS[$CUR_LEVEL]=0 FAIL[$CUR_LEVEL]=1 SECS[$CUR_LEVEL]=- NOTE[$CUR_LEVEL]="interrupted"; TOTAL_FAIL=$((TOTAL_FAIL + 1)); STOPPED=$CUR_LEVEL
  fi
  if [ -n "${BG_SETUP:-}" ]; then kill -- -"$BG_SETUP" 2>/dev/null; fi   # its own process group (setsid)
  # the second engine lives only for the host and workbench levels (its namespace goes with it)
  if [ -n "${STARTED_SECOND:-}" ]; then bash scripts/netns.sh "$SECOND_NS" stop "$SECOND_DIR" 28 >/dev/null 2>&1 || true; fi
  if [ -n "${DN_STOP_ENGINE:-}" ] || { [ "$CI" = true ] && [ -n "${STARTED_ENGINE:-}" ]; }; then
    DN_ENGINE=20 bash scripts/engine.sh stop 2>/dev/null || true; DN_ENGINE=28 bash scripts/engine.sh stop || true
  fi
  summary
  exit "$code"
}
trap 'echo; echo "interrupted"; finish 130' INT TERM

# record <level> <passed> <failed> <t0> [skipped]; stops the run when the level failed
record() {
  local l=$1 p=$2 f=$3 k=${5:-0}
  if [ "$f" -eq 0 ] && [ -n "${MIN[$l]:-}" ] && [ $((p + k)) -lt "${MIN[$l]}" ]; then
    f=1; NOTE[$l]="ran $((p + k)) tests, fewer than the minimum ${MIN[$l]} (scripts/test.sh MIN)"
  fi
  if [ "$CI" = true ] && [ "$k" -gt 0 ]; then
    local bad; bad=$(unallowed_skips "$l")
    if [ -n "$bad" ]; then
      f=$((f + 1)); NOTE[$l]="skips not on test/allowed-skips.txt (CI: a failure): $(echo "$bad" | tr '\n' ';')"
    fi
  fi
  PASS[$l]=$p FAIL[$l]=$f SKIP[$l]=$k SECS[$l]=$(awk "BEGIN{printf \"%.1f\", ($(ms) - $4)/1000}")
  TOTAL_PASS=$((TOTAL_PASS + p)) TOTAL_FAIL=$((TOTAL_FAIL + f)) TOTAL_SKIP=$((TOTAL_SKIP + k))
  if [ "$f" -gt 0 ]; then STOPPED=$l; finish 1; fi
}
# the skipped tests of a level that no line of test/allowed-skips.txt allows ("<level> | <regex on the title and reason>")
unallowed_skips() {
  local l=$1 line ok pat lv
  [ -s "$LOGS/$l.skipped" ] || return 0
  while IFS= read -r line; do
    ok=""
    while IFS= read -r a; do
      a=${a%%#*}; [ -n "${a// /}" ] || continue
      lv=$(echo "${a%%|*}" | xargs); pat=$(echo "${a#*|}" | sed 's/^ *//; s/ *$//')
      [ "$lv" = "$l" ] || [ "$lv" = "*" ] || continue
      if echo "$line" | grep -qE -- "$pat"; then ok=1; break; fi
    done <"$ALLOWED"
    [ -n "$ok" ] || echo "$line"
  done <"$LOGS/$l.skipped"
}
skip() { NOTE[$1]="skipped: $2"; echo "SKIPPED $1: $2"; }
# run_cmd <level> cmd...: runs the command in its own process group (so a timeout or Ctrl-C takes all of it down),
# output to out/test-logs/<level>.log and to the terminal; returns its exit code
run_cmd() {
  local l=$1 log=$LOGS/$1.log rc tailpid; shift
  say "$(title "$l"): $*"
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
# node:test counts (TAP reporter "# pass N", spec reporter "ℹ pass N"): passed, failed (cancelled counts as failed),
# skipped (skip and todo); the skipped tests' names and reasons go to <log>.skipped
node_counts() {
  grep -aE '^ *(not )?ok [0-9]+ - .* # (SKIP|TODO)' "$1" | sed -E 's/^ *(not )?ok [0-9]+ - //' >"${1%.log}.skipped" || true
  awk '/^(#|ℹ) (pass|fail|cancelled|skipped|todo) [0-9]+$/ { n[$2] += $3 } END { printf "%d %d %d\n", n["pass"], n["fail"] + n["cancelled"], n["skipped"] + n["todo"] }' "$1"
}
# "N passed, N failed[, N skipped]" (our host and workbench runners): the last such line; "SKIPPED: <title>" lines
runner_counts() {
  grep -a '^SKIPPED: ' "$1" | sed 's/^SKIPPED: //' >"${1%.log}.skipped" || true
  grep -aE '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$1" | tail -1 | awk '{ print $1, $3, ($5 == "" ? 0 : $5) }'
}
tests() {   # tests <level> <count-fn> <cmd...>
  local l=$1 fn=$2; shift 2; local t rc p f k; t=$(ms)
  run_cmd "$l" "$@"; rc=$?
  read -r p f k < <($fn "$LOGS/$l.log")
  p=${p:-0} f=${f:-0} k=${k:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; NOTE[$l]=${NOTE[$l]:-"exit code $rc"}; fi
  record "$l" "$p" "$f" "$t" "$k"
}

# --- dependencies
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund 2>&1 | tee "$LOGS/npm-ci.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "npm ci failed"; STOPPED="npm ci"; TOTAL_FAIL=1; finish 1; }
fi

# --- Docker Compose v2 (the compose grouping's engine tests bring up a real project): sid's plugin, unpacked
if selected engine20 || selected engine28; then
  if DN_COMPOSE_CONFIG=$(bash scripts/compose.sh 2> >(tee "$LOGS/compose-fetch.log" >&2)); then export DN_COMPOSE_CONFIG
  else echo "no Docker Compose (log: $LOGS/compose-fetch.log): the compose engine tests skip (under CI: a failure)"; fi
fi

# --- the private engine: Docker 20.10 first (the engine20 level), then 28.5 for everything after
# start_engine <20|28>: sets DOCKER_HOST, ENGINE_OK and TITLE[engine<kind>] (the version that really runs)
start_engine() {
  local kind=$1 dh ver
  say "engine: DN_ENGINE=$kind scripts/engine.sh start"
  ENGINE_OK=""
  DN_ENGINE=$kind bash scripts/engine.sh status >/dev/null 2>&1 || STARTED_ENGINE=1
  if dh=$(DN_ENGINE=$kind bash scripts/engine.sh start 2> >(tee "$LOGS/engine$kind-start.log" >&2)) && [ -n "$dh" ]; then
    export DOCKER_HOST=$dh; ENGINE_OK=1
    ver=$(DN_ENGINE=$kind bash scripts/engine.sh version 2>/dev/null || true)
    [ -n "$ver" ] && { local v=${ver%% *}; TITLE[engine$kind]="engine(${v%%+*})"; }
    echo "DOCKER_HOST=$DOCKER_HOST (Docker ${ver% *}, API ${ver#* })"
  else
    echo "no engine (log: $LOGS/engine$kind-start.log)"
  fi
}
engine_level() {   # engine_level <20|28>: the engine tests (all but Podman's) on that engine
  local kind=$1 l=engine$1
  selected "$l" || return 0
  start_engine "$kind"
  if [ -n "$ENGINE_OK" ]; then
    tests "$l" node_counts bash -c 'node --import tsx --test --test-concurrency=1 --test-timeout=120000 $(ls test/engine/*.test.ts | grep -v podman.test.ts)'
  elif [ "$CI" = true ]; then NOTE[$l]="no engine (CI: a failure)"; record "$l" 0 1 "$(ms)"
  else skip "$l" "no engine (scripts/engine.sh start failed)"; fi
}

# --- the VS Code host (needed by the host and workbench levels): installs in the background on a first run
say "VS Code host: scripts/setup-vshost.sh (background, log: $LOGS/setup-vshost.log)"
setsid bash scripts/setup-vshost.sh >"$LOGS/setup-vshost.log" 2>&1 </dev/null &
BG_SETUP=$!; VSHOST_T0=$(ms)
wait_host() {
  [ -n "${BG_SETUP:-}" ] || return "${HOST_RC:-1}"
  echo "waiting for scripts/setup-vshost.sh ..."
  wait "$BG_SETUP"; HOST_RC=$?; BG_SETUP=""
  [ "$HOST_RC" -eq 0 ] || { echo "setup-vshost.sh failed:"; tail -20 "$LOGS/setup-vshost.log"; }
  echo "VS Code host ready after $(( ($(ms) - VSHOST_T0) / 1000 )) s (log: $LOGS/setup-vshost.log)"
  return "$HOST_RC"
}

selected typecheck && check typecheck npm run -s typecheck
selected lint && check lint npm run -s lint
selected unit && tests unit node_counts npm run -s test:unit

engine_level 20
# host, workbench and Podman run with Docker 28.5 (what users have); starting it stops 20.10 first
engine_level 28
case $SELECTED in *,engine28,*) ;; *) case $SELECTED in *,host,*|*,workbench,*|*,podman,*) start_engine 28 ;; esac ;; esac

# --- Podman's Docker-compatible API
if selected podman; then
  say "podman: scripts/podman.sh start"
  if PH=$(bash scripts/podman.sh start 2> >(tee "$LOGS/podman-start.log" >&2)) && [ -n "$PH" ]; then
    export PODMAN_HOST=$PH; echo "PODMAN_HOST=$PODMAN_HOST"
    tests podman node_counts node --import tsx --test --test-timeout=120000 test/engine/podman.test.ts
  elif [ "$CI" = true ]; then NOTE[podman]="no Podman service (CI: a failure)"; record podman 0 1 "$(ms)"
  else skip podman "no Podman service (log: $LOGS/podman-start.log)"; fi
fi

# --- a second engine for the side-by-side host tests: Docker 28.5 in a network namespace of its own (its own
# docker0 and iptables, so it shares no bridge with the first; its socket is reachable from here)
# (DN_SECOND_NS / DN_SECOND_DIR: another name and folder, for a run beside another one, e.g. in a namespace of its own)
SECOND_NS=${DN_SECOND_NS:-dn-second} SECOND_DIR=${DN_SECOND_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/engine-second}
if selected host || selected workbench; then
  say "second engine: scripts/netns.sh $SECOND_NS engine $SECOND_DIR 28"
  if SH=$(bash scripts/netns.sh "$SECOND_NS" engine "$SECOND_DIR" 28 2> >(tee "$LOGS/engine-second-start.log" >&2)) && [ -n "$SH" ]; then
    export DN_SECOND_DOCKER_HOST=$SH; STARTED_SECOND=1; echo "DN_SECOND_DOCKER_HOST=$DN_SECOND_DOCKER_HOST"
  else
    echo "no second engine (log: $LOGS/engine-second-start.log): the side-by-side host tests skip (under CI: a failure)"
  fi
fi

HOST_OK="" ENGINE_OK=${ENGINE_OK:-}   # unset when DN_LEVELS selects no engine level
if selected host || selected workbench; then wait_host && HOST_OK=1; fi
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
