#!/usr/bin/env bash
# Issue 18, goal 1: the README's two commands from a fresh clone of this repository's last
# commit (what is not committed is not measured), each in its own clone with nothing built:
# scripts/build-site.sh (the first site, ≤ 2 min) and scripts/test.sh (≤ 4 min). Prints both
# and writes them to $WORK/fresh.txt for goals.py; the logs go beside it.
#   scripts/bench/fresh_clone.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=${WORK:-/tmp/okrug-bench}
mkdir -p "$work"
: > "$work/fresh.txt"
for step in site tests; do
  clone="$(mktemp -d)"
  git clone -q "$root" "$clone/okrug"
  command=scripts/build-site.sh
  [ "$step" = tests ] && command=scripts/test.sh
  started=$(date +%s.%N)
  if ! (cd "$clone/okrug" && "$command" > "$work/fresh-$step.log" 2>&1); then
    echo "$command failed in a fresh clone: $work/fresh-$step.log" >&2
    tail -20 "$work/fresh-$step.log" >&2
    rm -rf "$clone"
    exit 1
  fi
  seconds=$(python3 -c "import sys; print('%.0f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$started" "$(date +%s.%N)")
  echo "fresh clone, $command: $seconds s" | tee -a "$work/fresh.txt"
  rm -rf "$clone"
done
