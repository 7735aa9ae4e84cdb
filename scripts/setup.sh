#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with Swift lacks for okrug: libcmark-dev
# (the Markdown library) and pkg-config. Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)

if [ ${#need[@]} -gt 0 ]; then
  echo "okrug: устанавливаю ${need[*]}…"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

command -v swift >/dev/null 2>&1 || {
  echo "okrug: не найден Swift. Установите Swift 6 (https://www.swift.org/install/linux/) и повторите." >&2
  exit 1
}
