"""Runs every browser test module (Tests/browser/test_*.py) in two processes at once, and exits
non-zero when a test in either fails or errs.

Each module builds and serves its own copy of the sample site and starts its own Chromium, so
two can run side by side: on 2 cores the two halves take about 60 s instead of 90 s one after
the other. The modules are split by how long each took here (longest first, into the shorter
half), so a new module is run too, counted as 10 s until it is weighed.

    .venv/bin/python Tests/browser/run_all.py
"""

import glob
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SECONDS = {"test_a11y_version": 33, "test_quality": 31, "test_search": 16, "test_tasks": 7, "test_serve_search": 4, "test_opengraph": 3, "test_photos": 12, "test_forgiving_search": 30, "test_typography": 17}


def halves(modules):
    parts = [[], []]
    totals = [0, 0]
    for module in sorted(modules, key=lambda m: (-SECONDS.get(m, 10), m)):
        shorter = totals.index(min(totals))
        parts[shorter].append(module)
        totals[shorter] += SECONDS.get(module, 10)
    return [part for part in parts if part]


def main():
    modules = [os.path.basename(p)[:-3] for p in glob.glob(os.path.join(HERE, "test_*.py"))]
    if not modules:
        print("no browser tests found in %s" % HERE)
        return 1
    running = []
    for part in halves(modules):
        log = tempfile.TemporaryFile(mode="w+")
        process = subprocess.Popen(
            [sys.executable, "-m", "unittest", "-v", *part], cwd=HERE, stdout=log, stderr=subprocess.STDOUT)
        running.append((part, process, log))
    failed = False
    for part, process, log in running:
        process.wait()
        log.seek(0)
        print("=== %s" % ", ".join(part))
        print(log.read(), flush=True)
        failed |= process.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
