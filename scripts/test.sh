#!/usr/bin/env bash
# Runs all tests: the Swift tests (each pipeline stage, bad input, the sample site built for
# real, the commands, serve over HTTP), a short deterministic fuzz run (scripts/fuzz/fuzz.py:
# 150 mutated copies of the sample through okrug check and build), okrug import-doc over real
# Word and LibreOffice documents (Tests/importdoc) and the browser tests (chromium through
# selenium, over HTTP; two modules at a time: Tests/browser/run_all.py). A browser test that
# cannot run here is reported as skipped, by name.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
# Without debug information: a quarter less compile time on 2 cores (131 → 106 s from a fresh
# clone). A failed #expect still names its file and line; a crash's backtrace names functions.
swift build --build-tests -Xswiftc -gnone
swift test --skip-build "$@"
.venv/bin/python -m unittest discover -s Tests/fuzz -t Tests/fuzz -v
.venv/bin/python -m unittest discover -s Tests/importdoc -t Tests/importdoc -v
.venv/bin/python Tests/browser/run_all.py
