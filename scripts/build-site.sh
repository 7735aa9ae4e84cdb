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
# The debug configuration compiles in well under a minute from a fresh clone, the release one
# (whole-module, across the stages) in about two; on one site the release binary saves a
# fraction of a second. The publishing workflow and the benchmarks build release.
swift build --product okrug -Xswiftc -gnone
.build/debug/okrug build "$@"
