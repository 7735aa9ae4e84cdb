#!/usr/bin/env bash
# Builds the sample site from Content/ and Templates/ into Public/.
# Extra arguments go to `okrug build` (for example --base-url https://host/okrug/ or --drafts).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product okrug
.build/release/okrug build "$@"
