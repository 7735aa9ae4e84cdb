"""The speed goals as ratios, read from what scripts/bench/benchmark.sh just measured.

    python3 scripts/bench/goals.py --work /tmp/okrug-bench 1000 10000
"""
import argparse
import pathlib
import re
import sys


def compare_row(text, name):
    """min/median/max of wall s, CPU s and peak MiB for `name` in compare.sh's table."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            numbers = [float(x) for x in re.findall(r"[\d.]+", line)]
            return {"wall": numbers[1], "cpu": numbers[4], "peak": numbers[7], "pages": int(numbers[9])}
    raise SystemExit(f"no «{name}» row in compare.sh's output")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("counts", nargs="+", type=int)
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    small, large = min(args.counts), max(args.counts)
    compare = {n: (work / f"compare-{n}.txt").read_text() for n in args.counts}
    okrug = {n: compare_row(compare[n], "okrug") for n in args.counts}
    hugo = {n: compare_row(compare[n], "hugo") for n in args.counts}
    cmark = float(re.search(r"cmark: ([\d.]+) s wall", (work / f"cmark-{large}.txt").read_text()).group(1))
    serve = (work / f"serve-{large}.txt").read_text()
    rebuild = re.search(r"rebuild inside okrug \(one page re-rendered\)\s+([\d.]+)\s+([\d.]+)", serve)
    edit_ms = float(rebuild.group(2)) if rebuild else float("nan")
    reload = re.search(r"edit -> reload event in the browser\s+([\d.]+)\s+([\d.]+)", serve)
    reload_ms = float(reload.group(2)) if reload else float("nan")
    searched = work / f"serve-search-{small}.txt"
    found = re.search(r"edit -> preview search finds it\s+([\d.]+)\s+([\d.]+)", searched.read_text()) \
        if searched.exists() else None
    found_ms = float(found.group(2)) if found else float("nan")
    threads = (work / f"threads-{large}.txt").read_text().strip()
    floor_file = work / f"floor-{large}.txt"
    floor = float(re.search(r"floor: ([\d.]+) s", floor_file.read_text()).group(1)) if floor_file.exists() else float("nan")

    rows = [
        (f"full build, {large} materials: okrug wall / cmark alone wall",
         f"{okrug[large]['wall']:.2f} s / {cmark:.2f} s = {okrug[large]['wall'] / cmark:.2f}", "≤ 1.5 (issue 18)",
         okrug[large]["wall"] / cmark <= 1.5),
        (f"full build, {large}: okrug wall / (cmark + creating the files)",
         f"{okrug[large]['wall']:.2f} s / ({cmark:.2f} + {floor:.2f} s) = {okrug[large]['wall'] / (cmark + floor):.2f}",
         "(the limit, for reading)", None),
    ]
    memory = work / f"memory-{large}.txt"
    if memory.exists():
        text = memory.read_text()
        wall = re.search(r"okrug in memory: ([\d.]+) s", text)
        floor_memory = re.search(r"floor: ([\d.]+) s", text)
        if wall and floor_memory:
            in_memory = float(wall.group(1))
            rows.append((f"full build, {large}, in memory: okrug wall / cmark alone wall",
                         f"{in_memory:.2f} s / {cmark:.2f} s = {in_memory / cmark:.2f}", "(for reading: no disk)", None))
            rows.append((f"full build, {large}, in memory: okrug / (cmark + creating the files)",
                         f"{in_memory:.2f} s / ({cmark:.2f} + {float(floor_memory.group(1)):.2f} s) = "
                         f"{in_memory / (cmark + float(floor_memory.group(1))):.2f}", "(for reading: no disk)", None))
            small_memory = work / f"memory-{small}.txt"
            small_wall = re.search(r"okrug in memory: ([\d.]+) s", small_memory.read_text()) \
                if small_memory.exists() else None
            if small_wall:
                rows.append((f"growth in memory: okrug wall {large} / {small}",
                             f"{in_memory:.2f} s / {float(small_wall.group(1)):.2f} s = "
                             f"{in_memory / float(small_wall.group(1)):.1f}", "(for reading: no disk)", None))
    rows += [
        (f"full build, {large}: okrug wall / Hugo wall",
         f"{okrug[large]['wall']:.2f} s / {hugo[large]['wall']:.2f} s = {okrug[large]['wall'] / hugo[large]['wall']:.3f}",
         "≤ 0.05 (issue 18)", okrug[large]["wall"] / hugo[large]["wall"] <= 0.05),
        (f"peak memory, {large}: okrug / Hugo",
         f"{okrug[large]['peak']:.0f} / {hugo[large]['peak']:.0f} MiB = {okrug[large]['peak'] / hugo[large]['peak']:.3f}",
         "≤ 0.1", okrug[large]["peak"] / hugo[large]["peak"] <= 0.1),
        (f"growth: okrug wall {large} / {small}",
         f"{okrug[large]['wall']:.2f} s / {okrug[small]['wall']:.2f} s = {okrug[large]['wall'] / okrug[small]['wall']:.1f}",
         f"≤ {1.1 * large / small:.0f}", okrug[large]["wall"] / okrug[small]["wall"] <= 1.1 * large / small),
        (f"one material changed, {large} (okrug serve, median)", f"{edit_ms:.0f} ms", "≤ 100 ms", edit_ms <= 100),
        (f"save -> page reloaded, {large} (okrug serve, median)", f"{reload_ms:.0f} ms", "≤ 250 ms",
         reload_ms <= 250),
        (f"save -> found by the preview's search, {small} (median)", f"{found_ms:.0f} ms", "≤ 5 000 ms",
         found_ms <= 5000),
        (f"one thread (OKRUG_THREADS=1) vs all cores, {large}", threads, "identical", threads == "identical"),
    ]
    pagefind = work / f"pagefind-{large}.txt"
    if pagefind.exists():
        text = pagefind.read_text()
        ways = {m.group(1): (float(m.group(2)), float(m.group(3)))
                for m in re.finditer(r"pagefind (plain|okrug): ([\d.]+) s wall, [\d.]+ s CPU, peak ([\d.]+) MB", text)}
        if "plain" in ways and "okrug" in ways:
            (wall, peak), (plain_wall, plain_peak) = ways["okrug"], ways["plain"]
            rows.append((f"search index, {large}: okrug's Pagefind wall / plain pagefind --site",
                         f"{wall:.1f} s / {plain_wall:.1f} s = {wall / plain_wall:.2f}", "≤ 0.4 (issue 18)",
                         wall / plain_wall <= 0.4))
            rows.append((f"search index, {large}: peak memory / plain pagefind --site",
                         f"{peak:.0f} / {plain_peak:.0f} MB = {peak / plain_peak:.2f}", "≤ 0.25 (issue 18)",
                         peak / plain_peak <= 0.25))
    fresh = work / "fresh.txt"
    if fresh.exists():
        text = fresh.read_text()
        site = re.search(r"build-site.sh: (\d+) s", text)
        tests = re.search(r"test.sh: (\d+) s", text)
        if site:
            rows.insert(0, ("first site from a fresh clone (scripts/build-site.sh)", f"{site.group(1)} s", "≤ 120 s",
                            int(site.group(1)) <= 120))
        if tests:
            rows.insert(1, ("all tests from a fresh clone (scripts/test.sh)", f"{tests.group(1)} s", "≤ 240 s",
                            int(tests.group(1)) <= 240))
    width = max(len(r[0]) for r in rows)
    for label, value, goal, met in rows:
        verdict = "" if met is None else ("met" if met else "NOT MET")
        print(f"{label:<{width}}  {value:<36} {goal:<28} {verdict}")
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
