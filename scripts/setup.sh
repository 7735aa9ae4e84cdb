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

# Python tools for the tests, in a project-local virtual environment (.venv/).
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "okrug: устанавливаю python3-venv…"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$root/.venv/bin/python" ] || python3 -m venv "$root/.venv"
# Reinstall only when the list changed: a stamp keeps the copy of requirements.txt installed.
if ! cmp -s "$root/scripts/requirements.txt" "$root/.venv/.okrug-requirements" 2>/dev/null; then
  echo "okrug: устанавливаю Python-пакеты в .venv/…"
  "$root/.venv/bin/pip" install -q --disable-pip-version-check -r "$root/scripts/requirements.txt"
  cp "$root/scripts/requirements.txt" "$root/.venv/.okrug-requirements"
fi
