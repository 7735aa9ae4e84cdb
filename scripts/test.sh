#!/usr/bin/env bash
# Runs all tests: the Swift tests (each pipeline stage, bad input, the sample site built for
# real, the commands, serve over HTTP), a short deterministic fuzz run (scripts/fuzz/fuzz.py:
# 200 mutated copies of the sample through okrug check and build), okrug import-doc over real
# Word and LibreOffice documents (Tests/importdoc) and the browser tests (chromium through
# selenium, over HTTP; two modules at a time: Tests/browser/run_all.py). A browser test that
# cannot run here is reported as skipped, by name.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
# Only what the tests run: the two programs and the test bundle. `swift build --build-tests`
# would also compile every other target of the server's packages (their TLS, HTTP/2 and test
# kits), which nothing here uses.
swift build --product okrug
swift build --product okrug-serve
swift build --product okrugPackageTests
swift test --skip-build "$@"
.venv/bin/python -m unittest discover -s Tests/fuzz -t Tests/fuzz -v
.venv/bin/python -m unittest discover -s Tests/importdoc -t Tests/importdoc -v
.venv/bin/python Tests/browser/run_all.py
