#!/usr/bin/env bash
# A private Podman API service (Docker-compatible) for the Podman tests: Debian's podman, its own storage (vfs) and
# socket under ${DN_PODMAN_DIR:-~/.cache/docker-networks/podman}, and the busybox image imported (no pull).
# Usage: podman.sh start -> prints PODMAN_HOST (unix://…); podman.sh stop.
set -euo pipefail
DIR=${DN_PODMAN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/podman}
SOCK=$DIR/podman.sock
export CONTAINERS_STORAGE_CONF=$DIR/storage.conf
log() { echo "[podman] $*" >&2; }
. "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
case ${1:-} in
start)
  if ! command -v podman >/dev/null || ! command -v busybox >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "podman.sh: need root to apt-get install podman" >&2; exit 1; }
    log "apt: podman"
    apt_install podman netavark aardvark-dns conmon crun busybox-static >/dev/null
  fi
  mkdir -p "$DIR"
  printf '[storage]\ndriver = "vfs"\nrunroot = "%s/run"\ngraphroot = "%s/root"\n' "$DIR" "$DIR" > "$CONTAINERS_STORAGE_CONF"
  if ! curl -fs --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; then
    rm -f "$SOCK"
    setsid podman --log-level=error system service --time=0 "unix://$SOCK" >"$DIR/service.log" 2>&1 < /dev/null &
    echo $! > "$DIR/service.pid"
    for _ in $(seq 1 100); do curl -fs --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1 && break; sleep 0.1; done
    curl -fs --unix-socket "$SOCK" http://d/_ping >/dev/null || { tail -20 "$DIR/service.log" >&2; exit 1; }
  fi
  if ! podman image exists localbusybox:latest; then
    root=$(mktemp -d); mkdir -p "$root/bin"; cp "$(command -v busybox)" "$root/bin/busybox"
    for a in sh sleep ping ip nc wget httpd; do ln -s busybox "$root/bin/$a"; done
    tar -C "$root" -c . | podman import - localbusybox:latest >/dev/null; rm -rf "$root"
  fi
  echo "unix://$SOCK" ;;
stop)
  [ -f "$DIR/service.pid" ] && kill "$(cat "$DIR/service.pid")" 2>/dev/null || true ;;
*) echo "usage: podman.sh start|stop" >&2; exit 2 ;;
esac
