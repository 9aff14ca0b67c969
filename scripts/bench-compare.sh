#!/usr/bin/env bash
# Old and new builds of one benchmark binary, run alternately on the same
# machine, and the table of best times (scripts/bench_report.py compare):
#
#   bash scripts/bench-compare.sh LABEL OLD_BINARY NEW_BINARY [FILTER] [ROUNDS]
#
# FILTER is a --benchmark_filter regex (default: all), ROUNDS the number of
# alternations (default 5). Each round runs old, then new, with a short
# minimum time per benchmark, so a slow drift of the machine hits both.
# Build the old binary from the old commit first (a worktree and the same
# cmake flags); nothing here builds.
set -euo pipefail
label=${1:?usage: bench-compare.sh LABEL OLD NEW [FILTER] [ROUNDS]}
old=${2:?old binary}
new=${3:?new binary}
filter=${4:-.}
rounds=${5:-5}
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
olds=() news=()
for r in $(seq 1 "$rounds"); do
  for which in old new; do
    bin=$old
    [ "$which" = new ] && bin=$new
    "$bin" --benchmark_filter="$filter" --benchmark_min_time=0.05 \
      --benchmark_format=json >"$out/$which-$r.json" 2>/dev/null
  done
  olds+=("$out/old-$r.json")
  news+=("$out/new-$r.json")
done
python3 scripts/bench_report.py compare --label "$label" --old "${olds[@]}" --new "${news[@]}"
