# Debian packages for the scripts (sourced, never run): the two ways this project gets them.
#   apt_install PKG...                        system install (root), waiting for another apt instead of failing
#   debs_unpack WORK SUITE DEST SPEC...       download SPEC (name or name=version) from Debian SUITE with private
#                                             package lists under WORK, and dpkg -x each .deb into DEST; nothing is
#                                             installed system-wide. The log is WORK/apt.log.
# Callers set -euo pipefail themselves.

# apt-get update, waiting up to 10 minutes while another apt holds the lists lock. DPkg::Lock::Timeout covers only
# dpkg's lock (apt 2.6 still fails an update at once with "Could not get lock /var/lib/apt/lists/lock"), and on a
# fresh machine `npm start` and `npm test` (or unattended-upgrades) may install at the same time.
apt_update_waiting() {
  local out i
  for i in $(seq 1 120); do
    if out=$(apt-get update -qq 2>&1); then return 0; fi
    case $out in *"Could not get lock"*) [ "$i" = 1 ] && echo "[apt] another apt is running; waiting for it" >&2; sleep 5;;
      *) echo "$out" >&2; return 1;; esac
  done
  echo "$out" >&2; return 1
}

apt_install() {
  apt_update_waiting
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "$@"
}

debs_unpack() {
  local work=$1 suite=$2 dest=$3; shift 3
  rm -rf "$work/lists" "$work/cache" "$work/debs"
  mkdir -p "$work"/{lists,cache,debs} "$dest"
  printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$suite" >"$work/deb.sources"
  # private lists and cache, so no lock is shared with the system's apt
  local A=(-o Dir::Etc::sourcelist="$work/deb.sources" -o Dir::Etc::sourceparts=/nonexistent -o Dir::State::Lists="$work/lists"
           -o Dir::Cache="$work/cache" -o Debug::NoLocking=1)
  apt-get "${A[@]}" update -qq >"$work/apt.log" 2>&1 || return 1
  (cd "$work/debs" && apt-get "${A[@]}" download -qq "$@") >>"$work/apt.log" 2>&1 || return 1
  local d
  for d in "$work"/debs/*.deb; do dpkg -x "$d" "$dest"; done
}
