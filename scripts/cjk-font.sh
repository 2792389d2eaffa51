#!/usr/bin/env bash
# A Chinese font for the README's zh-cn pictures (headless Chromium has none here, and draws boxes for CJK text):
# Debian bookworm's fonts-wqy-microhei, pinned, unpacked with dpkg -x under the cache folder (nothing installed
# system-wide), and a fontconfig file that adds it to the system's fonts. Prints that file's path, for
# FONTCONFIG_FILE (Chromium reads it through fontconfig).
#   scripts/cjk-font.sh          fetch (once) and print the fonts.conf path
set -euo pipefail
PIN=0.2.0-beta-3.1
DIR=${XDG_CACHE_HOME:-$HOME/.cache}/docker-networks/cjk-font
CONF=$DIR/fonts.conf
log() { echo "[cjk-font] $*" >&2; }
. "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
if ! ls "$DIR"/root/usr/share/fonts/truetype/wqy/*.tt[cf] >/dev/null 2>&1; then
  rm -rf "$DIR" && mkdir -p "$DIR"
  log "fetching fonts-wqy-microhei $PIN from Debian bookworm (dpkg -x under $DIR)"
  debs_unpack "$DIR/apt" bookworm "$DIR/root" "fonts-wqy-microhei=$PIN" || { tail -5 "$DIR/apt/apt.log" >&2; exit 1; }
  rm -rf "$DIR/apt"
fi
cat >"$CONF" <<XML
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$DIR/root/usr/share/fonts</dir>
  <cachedir>$DIR/fc-cache</cachedir>
</fontconfig>
XML
echo "$CONF"
