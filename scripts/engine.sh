#!/usr/bin/env bash
# A private Docker engine for tests and for the demo of `npm start`.
#
#   scripts/engine.sh start    start (or reuse) the engine; prints DOCKER_HOST (unix://...) on stdout
#   scripts/engine.sh stop     stop it (containers in it stop with it; images and volumes stay)
#   scripts/engine.sh status   prints DOCKER_HOST and exits 0 when it answers, exits 1 otherwise
#   scripts/engine.sh version  prints the running engine's version and API version ("28.5.2 1.51")
#   scripts/engine.sh fetch    installs/downloads what start needs, starts nothing (scripts/netns.sh uses it)
#
# DN_ENGINE picks the engine: 20 (Debian 12's docker.io 20.10, API 1.41) or 28 (the default, what users run: Docker 28.5, API
# 1.51: Debian sid's docker.io and containerd .debs, pinned below, unpacked with dpkg -x under the engine folder,
# nothing installed system-wide; run with bookworm's runc, since sid's needs a newer glibc). When sid has moved past
# the pin, the script says so and falls back to trixie's 26.1 (API 1.45), a stable release that stays.
# Only one of our engines runs at a time (they share docker0 and the iptables chains): starting one stops the other,
# and stopping one deletes the bridges it leaves on the host (a stale br-* keeps routing its subnet, which breaks
# the next engine's traffic on that subnet).
#
# Everything lives under $DN_ENGINE_DIR (default ${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/engine, or
# engine-28 for DN_ENGINE=28):
# docker.sock, dockerd.pid, dockerd.log, data/ (data-root), exec/ (exec-root). Logs go to stderr, never stdout.
#
# Needs root (dockerd does). Installs Debian's docker.io, busybox-static and iptables when missing. No registry
# is reachable from our machines, so the only image, localbusybox:latest, is made locally with `docker import`
# from busybox-static. Debian 12 ships engine 20.10 (API 1.41); the docker CLI negotiates, never pin an API.
#
# Another dockerd on the machine (the system one): ours then gets its own bridge (dn-docker0) and leaves
# iptables alone (--iptables=false), so the two do not fight over docker0 or the DOCKER chains. Published ports
# still work through docker-proxy; containers just cannot reach the outside world, which tests never need.
set -euo pipefail

KIND=${DN_ENGINE:-28}
case $KIND in 20|28) ;; *) echo "[engine] ERROR: DN_ENGINE must be 20 or 28 (got $KIND)" >&2; exit 2 ;; esac
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks
if [ "$KIND" = 28 ]; then OWN_SUFFIX=-28 OTHER_SUFFIX="" OTHER_KIND=20; else OWN_SUFFIX="" OTHER_SUFFIX=-28 OTHER_KIND=28; fi
DIR=${DN_ENGINE_DIR:-$CACHE/engine$OWN_SUFFIX}
mkdir -p "$DIR"; DIR=$(cd "$DIR" && pwd -P)
# the other kind's folder (to stop it first: one engine at a time)
OTHER_DIR=$CACHE/engine$OTHER_SUFFIX
# Docker 28.5 from Debian sid, pinned so a run never changes engines silently (re-pin on purpose)
MODERN_PIN_DOCKER=${DN_MODERN_DOCKER:-28.5.2+dfsg4-5} MODERN_PIN_CONTAINERD=${DN_MODERN_CONTAINERD:-2.1.9+ds1-5}
DOCKERD=dockerd
SOCK=$DIR/docker.sock PIDFILE=$DIR/dockerd.pid LOG=$DIR/dockerd.log
HOST=unix://$SOCK
IMAGE=localbusybox:latest
APPLETS="sh ls cat sleep ping wget httpd ip ifconfig hostname nc nslookup traceroute echo env ps kill true false"
IMAGE_STAMP="dn-localbusybox busybox-static:$(echo "$APPLETS" | tr ' ' ',')"   # image Comment; a change re-imports
OWN_BRIDGE=${DN_ENGINE_BRIDGE:-dn-docker0} OWN_BIP=${DN_ENGINE_BIP:-10.231.0.1/24}

log() { echo "[engine] $*" >&2; }
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/apt.sh"
die() { echo "[engine] ERROR: $*" >&2; exit 1; }
ping_engine() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; }
ms() { date +%s%3N; }
# is $1 a live (not zombie) process named $2?
alive() { [ -n "$1" ] && [ -d "/proc/$1" ] && [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] &&
          [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }   # a killed, unreaped process is a zombie
# the pid in our pidfile, if that process is a live dockerd
our_pid() { local pid; pid=$(cat "$PIDFILE" 2>/dev/null) && alive "$pid" dockerd && echo "$pid"; }

install_packages() {
  local need=()
  command -v dockerd >/dev/null || need+=(docker.io)
  command -v iptables >/dev/null || need+=(iptables)
  # the image needs a STATIC busybox (the dynamic one from package busybox would not run in an empty rootfs)
  dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'ok installed' || need+=(busybox-static)
  command -v curl >/dev/null || need+=(curl)
  # the engine tests also reach this engine over ssh (a real sshd on 127.0.0.1) and mutual TLS (openssl certificates)
  [ -x /usr/sbin/sshd ] || need+=(openssh-server)
  command -v openssl >/dev/null || need+=(openssl)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "need root to apt-get install ${need[*]} (and to run dockerd)"
  log "apt-get install ${need[*]}"
  # keep the packages' maintainer scripts from starting the SYSTEM docker/containerd services: this engine is
  # private, and a system dockerd would then compete for docker0 and iptables.
  local policy=/usr/sbin/policy-rc.d made_policy=
  if [ ! -e $policy ]; then printf '#!/bin/sh\nexit 101\n' > $policy; chmod +x $policy; made_policy=1; fi
  local rc=0
  # a fresh machine may be running unattended-upgrades (or another of our scripts): apt_install waits for it
  apt_install "${need[@]}" >"$DIR/apt.log" 2>&1 || rc=$?
  [ -n "$made_policy" ] && rm -f $policy
  [ $rc -eq 0 ] || { tail -20 "$DIR/apt.log" >&2; die "apt-get install ${need[*]} failed (log: $DIR/apt.log)"; }
}

# Docker 28.5 (or the trixie fallback) unpacked under $DIR/apt; sets DOCKERD and puts its containerd first on PATH
install_modern() {
  local T=$DIR/apt
  if [ ! -x "$T/bin/dockerd" ]; then
    mkdir -p "$T/bin"
    fetch() {   # fetch <suite> <docker.io spec> <containerd spec>
      rm -rf "$T/root"
      debs_unpack "$T" "$1" "$T/root" "$2" "$3" || return 1
      "$T/root/usr/sbin/dockerd" --version >/dev/null 2>&1   # runs with this machine's glibc?
    }
    log "fetching Docker $MODERN_PIN_DOCKER from Debian sid (dpkg -x under $T; nothing installed system-wide)"
    if ! fetch sid "docker.io=$MODERN_PIN_DOCKER" "containerd${MODERN_PIN_CONTAINERD:+=$MODERN_PIN_CONTAINERD}"; then
      log "sid no longer has docker.io=$MODERN_PIN_DOCKER (or it needs a newer glibc): falling back to trixie's docker.io 26.1"
      fetch trixie docker.io containerd || { tail -20 "$T/apt.log" >&2; die "could not fetch a modern docker.io (log: $T/apt.log)"; }
    fi
    for b in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/containerd usr/bin/containerd-shim-runc-v2 usr/bin/ctr; do
      [ -e "$T/root/$b" ] && ln -sf "$T/root/$b" "$T/bin/"; done
    ln -sf /usr/sbin/runc "$T/bin/runc"   # bookworm's (from docker.io 20.10's dependencies)
  fi
  DOCKERD=$T/bin/dockerd; PATH=$T/bin:$PATH
}

# The bridges an engine made, to delete after it stops: br-<id12> or the name set with com.docker.network.bridge.name
# The bridge of each bridge network: its com.docker.network.bridge.name, else br-<first 12 of the id>. A missing option
# prints "<no value>" (two words), so the id goes first and a name counts only as the one field after it.
engine_bridges() {
  DOCKER_HOST=$HOST docker network ls -q --filter driver=bridge 2>/dev/null | while read -r id; do
    DOCKER_HOST=$HOST docker network inspect -f '{{.Id}} {{index .Options "com.docker.network.bridge.name"}}' "$id" 2>/dev/null
  done | awk '{ if (NF == 2) print $2; else print "br-" substr($1, 1, 12) }' | grep -vx docker0 || true
}

healthy() { DOCKER_HOST=$HOST timeout 30 docker run --rm --network bridge --log-driver none $IMAGE true >/dev/null 2>&1; }

make_image() {
  local have
  have=$(DOCKER_HOST=$HOST docker image inspect -f '{{.Comment}}' $IMAGE 2>/dev/null || true)
  [ "$have" = "$IMAGE_STAMP" ] && return 0
  log "docker import $IMAGE (busybox-static + applet links)"
  local root bb
  bb=$(dpkg -L busybox-static 2>/dev/null | grep -m1 '/bin/busybox$' || command -v busybox)
  root=$(mktemp -d); mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/var/www"
  cp "$bb" "$root/bin/busybox"
  for a in $APPLETS; do ln -s busybox "$root/bin/$a"; done
  echo 'hello from localbusybox' > "$root/var/www/index.html"
  tar -C "$root" -c . | DOCKER_HOST=$HOST docker import \
    -m "$IMAGE_STAMP" --change 'CMD ["sh"]' --change 'WORKDIR /' - $IMAGE >/dev/null
  rm -rf "$root"
}

launch_dockerd() {
  local t0; t0=$(ms)
  # stale leftovers of a crashed or killed engine
  if [ -e "$PIDFILE" ] && ! our_pid >/dev/null; then log "removing stale pidfile"; rm -f "$PIDFILE"; fi
  [ -e "$SOCK" ] && { log "removing stale socket"; rm -f "$SOCK"; }
  # a dockerd killed hard leaves its containerd behind (or a pidfile naming a dead one, which makes the next
  # dockerd wait for a socket that never answers)
  local cpid; cpid=$(cat "$DIR/exec/containerd/containerd.pid" 2>/dev/null || true)
  if [ -n "$cpid" ]; then
    if alive "$cpid" containerd && tr '\0' ' ' <"/proc/$cpid/cmdline" | grep -qF "$DIR/exec/containerd/"; then
      log "stopping orphaned containerd (pid $cpid)"; kill "$cpid" 2>/dev/null || true
      for _ in $(seq 1 50); do alive "$cpid" containerd || break; sleep 0.1; done
      alive "$cpid" containerd && kill -9 "$cpid" 2>/dev/null || true
    fi
    rm -f "$DIR/exec/containerd/containerd.pid"
  fi
  local args=(--host "$HOST" --data-root "$DIR/data" --exec-root "$DIR/exec" --pidfile "$PIDFILE"
              --containerd-namespace dn-moby --containerd-plugins-namespace dn-plugins)
  local others
  # only a dockerd in this network namespace shares docker0 and iptables with us (an engine in a namespace of its
  # own, `ip netns exec NS scripts/engine.sh start`, has a bridge/iptables set of its own)
  local netns; netns=$(readlink /proc/self/ns/net)
  others=$(for p in $(pgrep -x dockerd || true); do
    if alive "$p" dockerd && [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" = "$netns" ]; then echo "$p"; fi; done)
  if [ -n "$others" ]; then
    log "another dockerd runs here (pid $(echo $others)): using bridge $OWN_BRIDGE ($OWN_BIP) and --iptables=false"
    if ! ip link show "$OWN_BRIDGE" >/dev/null 2>&1; then
      ip link add "$OWN_BRIDGE" type bridge && ip addr add "$OWN_BIP" dev "$OWN_BRIDGE" && ip link set "$OWN_BRIDGE" up
      echo "$OWN_BRIDGE" > "$DIR/own-bridge"   # ours to remove on stop
    fi
    args+=(--bridge "$OWN_BRIDGE" --iptables=false)
  fi
  log "starting dockerd (log: $LOG)"
  # setsid: the engine outlives this script and the caller's process group (Ctrl-C of a test run)
  setsid "$DOCKERD" "${args[@]}" >>"$LOG" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 300); do ping_engine && break; kill -0 $! 2>/dev/null || break; sleep 0.1; done
  ping_engine || { tail -25 "$LOG" >&2; die "dockerd did not answer /_ping on $SOCK"; }
  log "dockerd up after $(( $(ms) - t0 )) ms"
}

start() {
  local t0; t0=$(ms)
  install_packages
  command -v docker >/dev/null || die "no docker CLI on PATH (package docker.io provides one)"
  [ "$KIND" = 28 ] && install_modern
  # one of our engines at a time: stop the other kind first (it removes its bridges)
  if [ -z "${DN_ENGINE_DIR:-}" ] && [ "$(realpath -m "$OTHER_DIR")" != "$DIR" ] && [ -S "$OTHER_DIR/docker.sock" ]; then
    log "stopping the other private engine ($OTHER_DIR) first: one engine at a time"
    DN_ENGINE=$OTHER_KIND DN_ENGINE_DIR=$OTHER_DIR bash "$0" stop
  fi
  # serialise concurrent starts (two test runs at once)
  exec 9>"$DIR/.lock"; flock -w 120 9 || die "timed out waiting for $DIR/.lock"
  local pid
  if pid=$(our_pid); then
    if ping_engine; then log "reusing running engine (pid $pid)"
    else
      log "engine pid $pid is alive but does not answer yet; waiting"
      for _ in $(seq 1 100); do ping_engine && break; sleep 0.1; done
      ping_engine || { log "pid $pid does not answer: restarting it"; stop_engine; }
    fi
  fi
  ping_engine || launch_dockerd
  make_image
  # A daemon can answer /_ping and still be unable to start containers, e.g. after a test broke its default bridge
  # ("Stale default bridge network" in dockerd.log). A restart rebuilds the default bridge.
  if ! healthy; then
    log "the engine cannot run a container on the default bridge: restarting it"
    stop_engine; launch_dockerd; make_image
    healthy || die "the engine still cannot run a container on the default bridge (log: $LOG)"
  fi
  flock -u 9
  log "ready after $(( $(ms) - t0 )) ms"
  echo "$HOST"
}

stop_engine() {
  local pid
  if pid=$(our_pid); then
    # the containers here are test and demo containers, mostly `sleep` as pid 1, which ignores SIGTERM: kill them
    # rather than have dockerd wait 10 s for each
    local bridges=""
    if ping_engine; then
      DOCKER_HOST=$HOST docker ps -q 2>/dev/null | xargs -r env DOCKER_HOST="$HOST" docker kill >/dev/null 2>&1 || true
      bridges=$(engine_bridges)
    fi
    log "stopping dockerd (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do our_pid >/dev/null || break; sleep 0.1; done
    if our_pid >/dev/null; then log "dockerd did not stop in 30 s: SIGKILL"; kill -9 "$pid" 2>/dev/null || true; sleep 0.5; fi
    # a stopped engine leaves its bridges up, still routing their subnets: delete them (the engine remakes them).
    # docker0 too, unless another dockerd here uses it: an engine started later adopts a docker0 it finds, address
    # and all, as a configured subnet, and then answers differently than on a machine of its own (Docker 28.5 drops
    # the "no user configured subnets" line of its joined endpoint errors for the default bridge).
    local netns; netns=$(readlink /proc/self/ns/net)
    local others; others=$(for p in $(pgrep -x dockerd || true); do
      if [ "$p" != "$pid" ] && alive "$p" dockerd && [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" = "$netns" ]; then echo "$p"; fi; done)
    [ -z "$others" ] && [ ! -f "$DIR/own-bridge" ] && bridges="$bridges docker0"
    for b in $bridges; do ip link show "$b" >/dev/null 2>&1 && ip link del "$b" 2>/dev/null && log "deleted bridge $b"; done
  else
    log "not running"
  fi
  rm -f "$PIDFILE" "$SOCK"
  # dockerd leaves mounts under its exec-root (the default network namespace's bind mount): without them the folder
  # can be removed (CI removes its whole cache)
  awk -v d="$DIR/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  if [ -f "$DIR/own-bridge" ]; then ip link del "$(cat "$DIR/own-bridge")" 2>/dev/null || true; rm -f "$DIR/own-bridge"; fi
}

case "${1:-}" in
  start) start ;;
  fetch) install_packages; [ "$KIND" = 28 ] && install_modern; echo "$DIR" ;;   # download only (e.g. before entering a network namespace)
  stop) stop_engine ;;
  status) if ping_engine; then echo "$HOST"; else log "not running ($SOCK)"; exit 1; fi ;;
  version) curl -fsS --max-time 5 --unix-socket "$SOCK" http://localhost/version | node -e \
             'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(v.Version,v.ApiVersion)})' ;;
  *) echo "usage: $0 start|stop|status|version" >&2; exit 2 ;;
esac
