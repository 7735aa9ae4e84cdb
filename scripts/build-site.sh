#!/usr/bin/env bash
# Builds the sample site from Content/ and Templates/ into Public/.
# Extra arguments go to `okrug build` (for example --base-url https://host/okrug/ or --drafts).
set -euo pipefail
cd "$(dirname "$0")/.."
# The Swift packages are fetched while setup.sh installs the Python tools: both wait on the disk
# and the network more than on the processor (about 10 s less from a fresh clone).
resolving=""
if command -v swift >/dev/null 2>&1; then
  resolve_log="$(mktemp)"
  swift package resolve >"$resolve_log" 2>&1 &
  resolving=$!
fi
scripts/setup.sh
if [ -n "$resolving" ]; then
  wait "$resolving" || { cat "$resolve_log" >&2; exit 1; }
  rm -f "$resolve_log"
fi
swift build -c release --product okrug
.build/release/okrug build "$@"
