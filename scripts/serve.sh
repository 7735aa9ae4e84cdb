#!/usr/bin/env bash
# Builds okrug and its preview server (okrug-serve, a separate program so that building the site
# never compiles the server framework) and runs `okrug serve` with the arguments given.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product okrug
swift build -c release --product okrug-serve
exec .build/release/okrug serve "$@"
