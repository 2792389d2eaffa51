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
if [ ! -x "$PLUGIN" ] || ! "$PLUGIN" version >/dev/null 2>&1; then
  T=$DIR/apt
  rm -rf "$T" && mkdir -p "$T"/{lists,cache,debs,root} "$DIR/config/cli-plugins"
  printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: sid\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' >"$T/deb.sources"
  A=(-o Dir::Etc::sourcelist="$T/deb.sources" -o Dir::Etc::sourceparts=/nonexistent -o Dir::State::Lists="$T/lists"
     -o Dir::Cache="$T/cache" -o Debug::NoLocking=1)
  log "fetching docker-compose $PIN from Debian sid (dpkg -x under $T)"
  apt-get "${A[@]}" update -qq >"$T/apt.log" 2>&1 || { tail -5 "$T/apt.log" >&2; exit 1; }
  (cd "$T/debs" && apt-get "${A[@]}" download -qq "docker-compose=$PIN") >>"$T/apt.log" 2>&1 || { tail -5 "$T/apt.log" >&2; exit 1; }
  dpkg -x "$T"/debs/*.deb "$T/root"
  cp "$T/root/usr/libexec/docker/cli-plugins/docker-compose" "$PLUGIN"
  rm -rf "$T"
  log "$("$PLUGIN" version)"
fi
echo "$DIR/config"
