#!/usr/bin/env bash
# Docker Compose v2 for the tests of the compose grouping: Debian sid's docker-compose package (the docker CLI plugin),
# pinned, unpacked with dpkg -x under the cache folder; nothing installed system-wide. Prints the DOCKER_CONFIG folder
# whose cli-plugins/docker-compose it is: `DOCKER_CONFIG=<that> docker compose …`.
#   scripts/compose.sh          fetch (once) and print the folder
set -euo pipefail
PIN=2.40.3-3
DIR=${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/compose
PLUGIN=$DIR/config/cli-plugins/docker-compose
log() { echo "[compose] $*" >&2; }
. "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
if [ ! -x "$PLUGIN" ] || ! "$PLUGIN" version >/dev/null 2>&1; then
  T=$DIR/apt
  rm -rf "$T" && mkdir -p "$DIR/config/cli-plugins"
  log "fetching docker-compose $PIN from Debian sid (dpkg -x under $T)"
  debs_unpack "$T" sid "$T/root" "docker-compose=$PIN" || { tail -5 "$T/apt.log" >&2; exit 1; }
  cp "$T/root/usr/libexec/docker/cli-plugins/docker-compose" "$PLUGIN"
  rm -rf "$T"
  log "$("$PLUGIN" version)"
fi
echo "$DIR/config"
