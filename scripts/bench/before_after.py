"""Two okrug binaries side by side on the same synthetic corpora, in one run: a change measured
against the build before it. For each corpus, clean builds alternate between the two (so a
slower minute of the machine falls on both), and the fastest run of each (with the median) is printed next to each other:
wall and CPU time, peak memory, the CPU of each stage (OKRUG_TIMINGS), a rebuild with nothing
changed; then whether both wrote byte-identical sites (same SOURCE_DATE_EPOCH).

    python3 scripts/bench/before_after.py --before /tmp/okrug-old --after .build/release/okrug 1000 10000

With --before-templates the older binary reads its own theme (git archive OLD Templates): the
pages differ then, so compare the stages, and "same bytes" says DIFFERENT as it must.

The corpora come from ../shared/bench/gen_corpus.py (seed 1), made once in --work. The sites are
written under --work too; its default is in memory (/dev/shm) where there is one, so the figures
are the program's and not the disk's: on a shared virtual disk the writeback of one build lands
on the next and moves its time by half.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
STAGES = ["чтение", "разбор и связи", "страницы и запись"]


def corpus(work, count):
    folder = work / f"corpus-n{count}-s1" / "okrug"
    if not (folder / "site.yaml").exists():
        subprocess.run(
            [sys.executable, str(ROOT.parent / "shared/bench/gen_corpus.py"), "--count", str(count), "--seed", "1",
             "--flavor", "okrug", "--out", str(folder)], check=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
    return folder


def build(binary, content, output, clean=True, epoch=None, templates=None):
    """One `okrug build --no-search`: wall s, CPU s, peak MiB, CPU ms per stage."""
    if clean:
        shutil.rmtree(output, ignore_errors=True)
    env = dict(os.environ, OKRUG_TIMINGS="1")
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    run = subprocess.run(
        ["/usr/bin/time", "-f", "TIME %e %U %S %M", binary, "build", "--no-search", "--content", str(content),
         "--templates", str(templates or ROOT / "Templates"), "--output", str(output)],
        capture_output=True, text=True, env=env)
    if run.returncode != 0:
        raise SystemExit(f"{binary} failed:\n{run.stderr[-2000:]}")
    wall, user, system, peak = re.search(r"TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", run.stderr).groups()
    stages = {name: int(ms) for name, ms in re.findall(r"(\w[\w ]*?) \d+ мс \(ЦП (\d+) мс\)", run.stderr)}
    return float(wall), float(user) + float(system), int(peak) / 1024, stages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True, help="the okrug binary to compare against")
    parser.add_argument("--after", default=str(ROOT / ".build/release/okrug"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--before-templates",
        help="the templates the older binary reads (its own Templates/ when the templates changed since)")
    parser.add_argument(
        "--work", default="/dev/shm/okrug-bench" if pathlib.Path("/dev/shm").is_dir() else "/tmp/okrug-bench")
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000])
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    binaries = {"before": args.before, "after": args.after}
    templates = {"before": args.before_templates, "after": None}
    same_everywhere = True
    for count in args.counts:
        content = corpus(work, count)
        results = {name: [] for name in binaries}
        rebuilds = {name: [] for name in binaries}
        for _ in range(args.runs):
            for name, binary in binaries.items():
                output = work / f"before-after-{name}"
                results[name].append(build(binary, content, output, templates=templates[name]))
                rebuilds[name].append(build(binary, content, output, clean=False, templates=templates[name])[0])
        # The fastest run is what the program costs; the median shows how much the machine
        # added (on a shared virtual machine, runs of the same binary differ by a fifth).
        print(f"=== {count} materials, {args.runs} alternating runs each: fastest, and (median)")
        print(f"{'':28}{'before':>20}{'after':>20}{'after/before':>14}")

        def row(label, unit, values):
            best = {n: min(values[n]) for n in binaries}
            middle = {n: statistics.median(values[n]) for n in binaries}
            ratio = best["after"] / best["before"] if best["before"] else float("nan")
            cells = "".join(f"{best[n]:>9.2f}{unit} ({middle[n]:>5.2f})" for n in binaries)
            print(f"{label:28}{cells}{ratio:>14.3f}")

        row("clean build, wall", " s", {n: [r[0] for r in results[n]] for n in binaries})
        row("clean build, CPU", " s", {n: [r[1] for r in results[n]] for n in binaries})
        row("peak memory", " M", {n: [r[2] for r in results[n]] for n in binaries})
        for stage in STAGES:
            row(f"  {stage}, CPU", " s", {n: [r[3].get(stage, 0) / 1000 for r in results[n]] for n in binaries})
        row("rebuild, nothing changed", " s", {n: rebuilds[n] for n in binaries})
        outputs = {}
        for name, binary in binaries.items():
            outputs[name] = work / f"identical-{name}"
            build(binary, content, outputs[name], epoch="1700000000", templates=templates[name])
        same = subprocess.run(["diff", "-rq", str(outputs["before"]), str(outputs["after"])],
                              capture_output=True).returncode == 0
        same_everywhere &= same
        print(f"{'same bytes (SOURCE_DATE_EPOCH)':28}{'identical' if same else 'DIFFERENT':>38}\n")
        for path in list(outputs.values()) + [work / f"before-after-{n}" for n in binaries]:
            shutil.rmtree(path, ignore_errors=True)
    return 0 if same_everywhere else 1


if __name__ == "__main__":
    sys.exit(main())
