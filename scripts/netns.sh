#!/usr/bin/env bash
# Runs a command in a network namespace of its own (its own loopback, docker0 and iptables), for a second private
# engine beside the first without the two sharing a bridge/iptables set: parallel work, fault scripts.
#   scripts/netns.sh NAME engine DIR [20|28]   start an engine in NAME with its files in DIR; prints DOCKER_HOST
#   scripts/netns.sh NAME stop DIR [20|28]     stop it (its networks' bridges go with it), then delete NAME
#   scripts/netns.sh NAME run CMD...           run CMD in NAME (tests against that engine, so loopback is NAME's)
# nsenter --net keeps this mount namespace (`ip netns exec` remounts /sys, which hides the cgroup mounts dockerd
# needs); the engine's packages are fetched before entering, since the namespace has no route out.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?NAME}; cmd=${2:?engine|stop|run}; shift 2
[ "$(id -u)" = 0 ] || { echo "netns.sh: needs root" >&2; exit 1; }
if [ ! -e "/run/netns/$name" ]; then ip netns add "$name"; ip netns exec "$name" ip link set lo up; fi
in_ns() { nsenter --net="/run/netns/$name" -- "$@"; }
case $cmd in
engine) dir=${1:?DIR}; kind=${2:-28}
  DN_ENGINE=$kind DN_ENGINE_DIR=$dir bash scripts/engine.sh fetch >/dev/null
  in_ns env DN_ENGINE="$kind" DN_ENGINE_DIR="$dir" bash scripts/engine.sh start ;;
stop) dir=${1:?DIR}; kind=${2:-28}
  in_ns env DN_ENGINE="$kind" DN_ENGINE_DIR="$dir" bash scripts/engine.sh stop || true
  ip netns del "$name" ;;
run) in_ns "$@" ;;
*) echo "usage: netns.sh NAME engine|stop|run ..." >&2; exit 2 ;;
esac
