#!/usr/bin/env python3
"""Pagefind over a built site, two ways side by side in one run: plain `pagefind --site` (every
page) and the way `okrug build` runs it (only the pages search finds, `Routes.searchablePages`).
For each: wall time, CPU time and the peak memory of the process and its children. For okrug's
way also where the time and memory go, phase by phase, as Pagefind announces its phases
(parsing the pages, reading languages, building the index, writing it).

    scripts/bench/pagefind_phases.py SITE [--glob GLOB] [--skip-plain] [--okrug OKRUG --content CONTENT]

SITE: a site built with `okrug build --no-search`. Needs Pagefind (scripts/setup.sh).
With --okrug and --content, «okrug» is what `okrug build` itself does (above 1 250 pages:
Pagefind over pieces of the site in turn, joined into one index): a clean build of CONTENT with
search, measured from Pagefind's first start to the end — wall, CPU and peak memory of okrug
and its children together. Without them, «okrug» is one Pagefind run with okrug's glob.
The last lines are for scripts/bench/goals.py (issue 18, goal 2)."""
import argparse, os, re, resource, shutil, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# Routes.searchablePages (Sources/OkrugCore/Routes/Routes.swift).
OKRUG_GLOB = "{materials/*/index.html,plan/*/*/index.html}"
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def tree(pid):
    """The process and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    parts = f.read().rsplit(")", 1)[1].split()
                children.setdefault(int(parts[1]), []).append(int(entry))
            except OSError:
                pass
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def sample(pids):
    """Summed resident memory (bytes) and CPU time (seconds) of `pids`."""
    rss = cpu = 0
    for p in pids:
        try:
            with open("/proc/%d/statm" % p) as f:
                rss += int(f.read().split()[1]) * PAGE
            with open("/proc/%d/stat" % p) as f:
                parts = f.read().rsplit(")", 1)[1].split()
            cpu += (int(parts[11]) + int(parts[12])) / TICK
        except OSError:
            pass
    return rss, cpu


def run(command):
    """Runs `command`; returns wall, CPU, peak memory and the phases seen on its output."""
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    state = {"phase": "starting", "peak": 0, "cpu": 0.0}
    phases = []  # (name, started at, cpu at start, peak memory within)

    def read():
        for line in proc.stdout:
            heading = re.match(r"\[(.+)\]\s*$", line.strip())
            if heading or line.startswith("Total:"):
                name = heading.group(1) if heading else "Writing the index"
                phases.append([name, time.monotonic() - started, state["cpu"], 0])
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    peak = 0
    last_cpu = 0.0
    while proc.poll() is None:
        rss, cpu = sample(tree(proc.pid))
        last_cpu = max(last_cpu, cpu)
        state["cpu"] = last_cpu
        peak = max(peak, rss)
        if phases:
            phases[-1][3] = max(phases[-1][3], rss)
        time.sleep(0.1)
    reader.join()
    wall = time.monotonic() - started
    # The children's CPU once they are gone: the last sample misses at most 0.1 s of it.
    return wall, last_cpu, peak, phases, proc.returncode


def indexing(pid):
    """Whether `pid` is a Pagefind run over the site (not okrug's `pagefind --version` check)."""
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return b"--site" in f.read().split(b"\0")
    except OSError:
        return False


def run_okrug_build(okrug, content):
    """A clean `okrug build` with search; wall, CPU and peak memory from the moment its first
    child (Pagefind) starts: the indexing, with okrug's own memory counted in."""
    with tempfile.TemporaryDirectory(prefix="okrug-search-bench-") as folder:
        command = [okrug, "build", "--content", content, "--templates", os.path.join(ROOT, "Templates"),
                   "--output", os.path.join(folder, "site")]
        # CPU of okrug and every child it waited for (the pieces' Pagefind runs are gone by the end).
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
        out = []
        reader = threading.Thread(target=lambda: out.extend(proc.stdout), daemon=True)
        reader.start()
        indexing_from = None
        cpu_from = 0.0
        peak = 0
        last_cpu = 0.0
        while proc.poll() is None:
            pids = tree(proc.pid)
            rss, cpu = sample(pids)
            last_cpu = max(last_cpu, cpu)
            if indexing_from is None and any(indexing(p) for p in pids[1:]):
                indexing_from, cpu_from = time.monotonic(), last_cpu
            if indexing_from is not None:
                peak = max(peak, rss)
            time.sleep(0.1)
        reader.join()
        ended = time.monotonic()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        last_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        said = "".join(out)
        if proc.returncode != 0 or indexing_from is None:
            sys.exit("okrug build with search failed (%d)" % proc.returncode)
        return ended - indexing_from, last_cpu - cpu_from, peak, ended - started


def pagefind_command():
    python = os.path.join(ROOT, ".venv", "bin", "python")
    if os.path.exists(python):
        return [python, "-m", "pagefind"]
    if shutil.which("pagefind"):
        return ["pagefind"]
    sys.exit("Pagefind is not installed: scripts/setup.sh")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("--glob", default=OKRUG_GLOB)
    parser.add_argument("--skip-plain", action="store_true")
    parser.add_argument("--okrug", help="the okrug binary: measure `okrug build` itself")
    parser.add_argument("--content", help="the content the site was built from (with --okrug)")
    args = parser.parse_args()
    pagefind = pagefind_command()
    results = {}
    ways = [("okrug" if not args.okrug else "one run with okrug's glob", ["--glob", args.glob])]
    if not args.skip_plain:
        ways.insert(0, ("plain", []))
    for name, extra in ways:
        with tempfile.TemporaryDirectory(prefix="pagefind-bench-") as bundle:
            command = pagefind + ["--site", args.site, "--force-language", "ru", "--output-path", bundle] + extra
            wall, cpu, peak, phases, status = run(command)
            if status != 0:
                sys.exit("%s: Pagefind failed (%d)" % (name, status))
            results[name] = (wall, cpu, peak, phases)
        print("pagefind %s: %.1f s wall, %.1f s CPU, peak %.0f MB%s" % (
            name, wall, cpu, peak / 1e6, "" if name == "plain" else "  (--glob %s)" % args.glob))

    if args.okrug and args.content:
        wall, cpu, peak, whole = run_okrug_build(args.okrug, args.content)
        results["okrug"] = (wall, cpu, peak, [])
        print("pagefind okrug: %.1f s wall, %.1f s CPU, peak %.0f MB  (okrug build: Pagefind over pieces of "
              "the site, joined; the whole clean build with search %.1f s)" % (wall, cpu, peak / 1e6, whole))
    one_run = "one run with okrug's glob" if args.okrug else "okrug"
    wall, cpu, peak, phases = results[one_run]
    print("\nwhere one Pagefind run with okrug's glob spends its time and memory, by Pagefind's own phases:")
    print("  %-28s %8s %8s %6s %12s" % ("phase", "wall s", "CPU s", "cores", "peak MB"))
    for i, (name, start, cpu_start, phase_peak) in enumerate(phases):
        end, cpu_end = (phases[i + 1][1], phases[i + 1][2]) if i + 1 < len(phases) else (wall, cpu)
        span = max(end - start, 1e-9)
        print("  %-28s %8.1f %8.1f %6.1f %12.0f" % (name, span, cpu_end - cpu_start, (cpu_end - cpu_start) / span,
                                                    phase_peak / 1e6))
    if "plain" in results:
        plain_wall, _, plain_peak, _ = results["plain"]
        wall, _, peak, _ = results["okrug"]
        print("\nokrug's way / plain: wall %.2f, peak memory %.2f" % (wall / plain_wall, peak / plain_peak))


if __name__ == "__main__":
    main()
