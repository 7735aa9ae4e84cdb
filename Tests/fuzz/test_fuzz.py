"""A short deterministic fuzz run of okrug: 150 iterations, seed 1, against `.build/debug/okrug`
(built by `swift build`). Fails when the harness exits non-zero: a crash, a hang, a user's file
deleted or changed (data-loss), silently lost text, a file from outside Content/ or a secret
published, a javascript:/data: link, a broken attachment link, a formula in results.csv, an
unbounded import, a refused rebuild; with `--strict` also a hostile --output or a FIFO/device
accepted, English or placeless error text, or a problem `check` misses and `build` finds; or
the harness could not run at all. The bombs group (import-doc) needs pandoc (OKRUG_PANDOC or
.venv, see scripts/fuzz/fuzz.py) and is skipped without it.

    python3 -m unittest discover -s Tests/fuzz -v

OKRUG_FUZZ_BINARY overrides the binary (e.g. .build/release/okrug for a faster run).
"""

import os
import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "scripts" / "fuzz" / "fuzz.py"


class FuzzTest(unittest.TestCase):
    def test_short_fuzz_run(self):
        binary = os.environ.get("OKRUG_FUZZ_BINARY", str(ROOT / ".build" / "debug" / "okrug"))
        self.assertTrue(os.path.exists(binary), f"{binary} is missing: run `swift build` first")
        proc = subprocess.run(
            [sys.executable, str(HARNESS), "--iterations", "150", "--seed", "1", "--okrug", binary, "--strict", "--quiet",
             # The debug binary on a busy machine: a real hang never ends, 30 s tells it from a slow case.
             "--timeout", "30"],
            cwd=ROOT, capture_output=True, text=True, errors="replace", timeout=3600)
        report = proc.stdout[-20000:] + proc.stderr[-5000:]
        self.assertEqual(proc.returncode, 0, f"fuzz harness exit {proc.returncode}:\n{report}")


if __name__ == "__main__":
    unittest.main()
