#!/usr/bin/env python3
"""The file system's floor under a clean build: a plain program that creates the same folders
and writes the same files as a site okrug built, with nothing else to do. Every file is read into
memory first, so only the creating and writing is timed (mkdir, open, write, close: one thread,
as plainly as it can be done). With the `cmark` command's time on the same Markdown, it gives the
limit issue 18 names: cmark's own parse plus the cost of creating the pages.

    python3 scripts/bench/floor.py SITE [--into FOLDER] [--runs 3]

--into defaults to a fresh folder beside SITE (the same file system)."""
import argparse
import os
import shutil
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site")
    parser.add_argument("--into")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    target = os.path.abspath(args.into or site.rstrip("/") + ".floor")

    folders, files = [], []
    for folder, _, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        if relative != ".":
            folders.append(relative)
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files.append((os.path.join(relative, name), f.read()))
    total = sum(len(data) for _, data in files)

    times = []
    for _ in range(args.runs):
        shutil.rmtree(target, ignore_errors=True)
        started = time.monotonic()
        os.mkdir(target)
        for folder in folders:
            os.mkdir(os.path.join(target, folder))
        for relative, data in files:
            fd = os.open(os.path.join(target, relative), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.close(fd)
        times.append(time.monotonic() - started)
    shutil.rmtree(target, ignore_errors=True)
    times.sort()
    print("floor: %.2f s wall (fastest of %d; median %.2f s): %d folders, %d files, %.0f MB"
          % (times[0], len(times), times[len(times) // 2], len(folders), len(files), total / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
