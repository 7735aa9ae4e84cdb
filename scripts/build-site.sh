#!/usr/bin/env bash
# Builds the sample site from Content/ and Templates/ into Public/.
# Extra arguments go to `okrug build` (for example --base-url https://host/okrug/ or --drafts);
# --office first installs the tools for files (LibreOffice, tesseract, libvips): presentations and
# documents open on the site as PDF, and search finds the words of scanned PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--office" ]; then
  shift
  scripts/setup.sh --office
else
  scripts/setup.sh
fi
swift build -c release --product okrug
.build/release/okrug build "$@"
