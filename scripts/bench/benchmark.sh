#!/usr/bin/env bash
# okrug against Hugo on the synthetic bank of ../shared/bench/, at 1 000 and 10 000 materials
# (or the counts given), all on this machine in one run:
#   - okrug build and hugo side by side (../shared/bench/compare.sh: alternating runs, medians,
#     wall and CPU time, peak memory, pages written, okrug/Hugo ratios), search indexing off;
#   - the cmark command alone on the same Markdown (one process, one core), and the file system's
#     floor: only creating the same folders and files (scripts/bench/floor.py);
#   - okrug: a rebuild with nothing changed, and with one file changed (okrug serve, median:
#     inside okrug, until the page's reload event, and at the smallest count until the preview's
#     search finds the edit);
#   - okrug: a build on one thread (OKRUG_THREADS=1) compared byte for byte with one on all cores;
#   - okrug: the search indexing (Pagefind) of the largest corpus, reported separately, and
#     against plain `pagefind --site` over the same site, phase by phase (pagefind_phases.py);
#   - the README's two commands timed from fresh clones (scripts/bench/fresh_clone.sh; FRESH=0 skips);
#   - at the end, the speed goals as ratios from this run (scripts/bench/goals.py);
#   - with BASELINE=<another okrug binary>: both binaries side by side on the same corpora
#     (scripts/bench/before_after.py): a change measured against the build before it.
# Needs: hugo and cmark (apt-get install hugo cmark time), the release build of okrug and okrug-serve.
#   RUNS=3 scripts/bench/benchmark.sh [1000 10000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
counts=("$@")
[ $# -gt 0 ] || counts=(1000 10000)
runs=${RUNS:-3}
bench="$root/../shared/bench"
okrug="$root/.build/release/okrug"
work=${WORK:-/tmp/okrug-bench}
[ -x "$okrug" ] && [ -x "$okrug-serve" ] || {
  echo "build okrug first: swift build -c release --product okrug && swift build -c release --product okrug-serve" >&2
  exit 1
}
for tool in hugo cmark /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install hugo cmark time" >&2; exit 1; }
done

for n in "${counts[@]}"; do
  echo "=================== $n materials ==================="
  OKRUG_BIN="$okrug" OKRUG_FLAGS=--no-search WORK="$work" "$bench/compare.sh" "$n" "$runs" | tee "$work/compare-$n.txt"
  okrug_content="$work/corpus-n$n-s${SEED:-1}/okrug"

  echo "--- cmark alone on the same Markdown (one process, one core)"
  find "$okrug_content/materials" -name '*.md' -print0 | sort -z > "$work/files-$n"
  /usr/bin/time -o "$work/cmark-$n.txt" -f "cmark: %e s wall, %U s user, %M KB" \
    xargs -0 -a "$work/files-$n" cmark > /dev/null
  cat "$work/cmark-$n.txt"

  out="$work/out-okrug-rebuild-$n"
  rm -rf "$out"
  "$okrug" build --no-search --content "$okrug_content" --templates "$root/Templates" --output "$out" > /dev/null 2>&1
  echo "--- okrug: rebuild with nothing changed (into the folder of the build before)"
  /usr/bin/time -o "$work/time.txt" -f "no-change rebuild: %e s wall, %U s user, %M KB" \
    "$okrug" build --no-search --content "$okrug_content" --templates "$root/Templates" --output "$out" > /dev/null 2>&1
  cat "$work/time.txt"
  echo "--- the file system's floor: a plain program creating the same folders and files (scripts/bench/floor.py)"
  python3 "$root/scripts/bench/floor.py" "$out" --runs 3 | tee "$work/floor-$n.txt"
  if [ -d /dev/shm ]; then
    # The same clean build and floor in memory: what okrug costs apart from the disk's own
    # cost of making files (on a VM disk that swings from run to run, see README «Скорость»).
    echo "--- in memory (/dev/shm): okrug clean build, median of 3, and the floor"
    memory=$(mktemp -d /dev/shm/okrug-bench-XXXX)
    for _ in 1 2 3; do
      rm -rf "$memory/site"
      /usr/bin/time -a -o "$work/memory-$n.raw" -f "%e" \
        "$okrug" build --no-search --content "$okrug_content" --templates "$root/Templates" --output "$memory/site" \
        > /dev/null 2>&1
    done
    python3 "$root/scripts/bench/floor.py" "$memory/site" --runs 3 > "$work/memory-floor-$n.txt"
    median=$(sort -n "$work/memory-$n.raw" | sed -n 2p)
    echo "okrug in memory: $median s wall (median of 3); $(cat "$work/memory-floor-$n.txt")" | tee "$work/memory-$n.txt"
    rm -rf "$memory" "$work/memory-$n.raw"
  fi
  echo "--- okrug serve: one file changed (edit -> rebuilt, median of 5)"
  python3 "$root/scripts/bench/serve_edit.py" --okrug "$okrug" --content "$okrug_content" --edits 5 \
    --templates "$root/Templates" | tail -4 | tee "$work/serve-$n.txt"
  if [ "$n" = "${counts[0]}" ]; then
    echo "--- okrug serve with its search: one file changed (edit -> found by the preview's search, median of 5)"
    python3 "$root/scripts/bench/serve_edit.py" --okrug "$okrug" --content "$okrug_content" --edits 5 --search \
      --templates "$root/Templates" | tail -6 | tee "$work/serve-search-$n.txt"
  fi

  echo "--- okrug: the same build on one thread (OKRUG_THREADS=1) gives the same bytes"
  rm -rf "$work/out-threads-$n" "$work/out-one-thread-$n"
  SOURCE_DATE_EPOCH=1700000000 "$okrug" build --no-search --content "$okrug_content" --templates "$root/Templates" \
    --output "$work/out-threads-$n" > /dev/null 2>&1
  SOURCE_DATE_EPOCH=1700000000 OKRUG_THREADS=1 "$okrug" build --no-search --content "$okrug_content" --templates "$root/Templates" \
    --output "$work/out-one-thread-$n" > /dev/null 2>&1
  if diff -r "$work/out-threads-$n" "$work/out-one-thread-$n" > /dev/null; then
    echo "identical" | tee "$work/threads-$n.txt"
  else
    echo "DIFFERENT" | tee "$work/threads-$n.txt"
  fi
  rm -rf "$work/out-threads-$n" "$work/out-one-thread-$n"
done

last=${counts[${#counts[@]}-1]}
echo "=================== search indexing, $last materials ==================="
"$root/.venv/bin/python" "$root/scripts/bench/search.py" --count "$last" --okrug "$okrug" || \
  echo "(search benchmark skipped: scripts/setup.sh --tests installs Pagefind, selenium and chromium)"
echo "--- Pagefind: plain pagefind --site against okrug's way, with okrug's way phase by phase"
python3 "$root/scripts/bench/pagefind_phases.py" "$work/out-okrug-rebuild-$last" --okrug "$okrug" \
  --content "$okrug_content" | tee "$work/pagefind-$last.txt" || \
  echo "(Pagefind comparison skipped: scripts/setup.sh installs Pagefind)"

if [ "${FRESH:-1}" = 1 ]; then
  echo "=================== the README's two commands from a fresh clone (FRESH=0 skips) ==================="
  WORK="$work" "$root/scripts/bench/fresh_clone.sh"
fi

echo "=================== speed goals, from this run ==================="
python3 "$root/scripts/bench/goals.py" --work "$work" "${counts[@]}"

if [ -n "${BASELINE:-}" ]; then
  echo "=================== before ($BASELINE) and after, side by side ==================="
  python3 "$root/scripts/bench/before_after.py" --before "$BASELINE" --after "$okrug" --runs "$runs" \
    "${counts[@]}"
fi
