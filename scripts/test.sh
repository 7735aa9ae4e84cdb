#!/usr/bin/env bash
# Runs all tests: unit tests of each pipeline stage, bad-input diagnostics, and the sample
# site built for real into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build "$@"
