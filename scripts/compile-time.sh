#!/usr/bin/env bash
# The compile-time cost of including each public header, against <random>.
#   bash scripts/compile-time.sh [RUNS]        (RUNS: default 5)
#   BASELINE=<dir> bash scripts/compile-time.sh    (also an older include/ tree)
# For g++ and clang++ (CXX_LIST="g++ clang++" to change), compiles an
# otherwise-empty translation unit that includes one header, with
# `-std=c++17 -O2 -c`, RUNS times each, and prints a Markdown table: the
# median CPU time (user + sys of the compiler) and its ratio to the same
# compiler's <random>. With BASELINE (an include directory, e.g. from
# `git archive <commit> include | tar -x -C build-old`), each header is also
# compiled against that tree, in the same rounds, and a "before" ratio column
# is added. One compile at a time; the rounds go over every header in turn,
# so a change in the machine's load touches every row alike. About two
# minutes on 2 idle cores at RUNS=5 (twice that with BASELINE).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-5}
read -r -a compilers <<<"${CXX_LIST:-g++ clang++}"
trees=(now)
declare -A tree_dir=([now]="$root/include")
if [ -n "${BASELINE:-}" ]; then
  trees+=(before)
  tree_dir[before]=$(cd "$BASELINE" && pwd)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

headers=("random" "cbrng/cbrng.hpp" "cbrng/stream.hpp" "cbrng/philox.hpp")
for h in include/cbrng/distributions/*.hpp; do headers+=("${h#include/}"); done
for h in engine threefry fill ambient algorithm; do headers+=("cbrng/$h.hpp"); done

# CPU seconds (user + sys) of one compile of a TU including $3 with $1, tree $2.
cpu_seconds() {
  printf '#include <%s>\n' "$3" >"$tmp/tu.cpp"
  local TIMEFORMAT='%3U %3S' t
  t=$({ time "$1" -std=c++17 -O2 -I"${tree_dir[$2]}" -c "$tmp/tu.cpp" -o "$tmp/tu.o"; } 2>&1)
  awk '{ printf "%.3f\n", $1 + $2 }' <<<"$t"
}

# Every (compiler, tree, header) once per round; samples in $tmp/<key>.
for ((r = 0; r < runs; r++)); do
  for cxx in "${compilers[@]}"; do
    for tree in "${trees[@]}"; do
      for h in "${headers[@]}"; do
        [ "$h" = random ] && [ "$tree" != now ] && continue
        cpu_seconds "$cxx" "$tree" "$h" >>"$tmp/$(printf '%s|%s|%s' "$cxx" "$tree" "$h" | tr '/<>|+.' '______')"
      done
    done
  done
done
median() {  # compiler, tree, header
  sort -n "$tmp/$(printf '%s|%s|%s' "$1" "$2" "$3" | tr '/<>|+.' '______')" |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

versions=""
for cxx in "${compilers[@]}"; do
  versions+="${versions:+, }$("$cxx" --version | head -n 1)"
done
echo "Median CPU time (user + sys) of \`-std=c++17 -O2 -c\` on a TU that only includes"
echo "the header, $runs runs each; ratio to the same compiler's \`<random>\`${BASELINE:+ (before: the headers in $BASELINE)}."
echo "Compilers: $versions. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
header="| header |"
rule="|---|"
for cxx in "${compilers[@]}"; do
  header+=" $cxx s | $cxx ratio |"
  rule+="---:|---:|"
  if [ ${#trees[@]} -gt 1 ]; then
    header+=" $cxx before |"
    rule+="---:|"
  fi
done
echo "$header"
echo "$rule"
for h in "${headers[@]}"; do
  row="| \`<$h>\` |"
  for cxx in "${compilers[@]}"; do
    base=$(median "$cxx" now random)
    now=$(median "$cxx" now "$h")
    row+=" $now | $(ratio "$now" "$base") |"
    if [ ${#trees[@]} -gt 1 ]; then
      if [ "$h" = random ]; then
        row+=" 1.00x |"
      else
        row+=" $(ratio "$(median "$cxx" before "$h")" "$base") |"
      fi
    fi
  done
  echo "$row"
done
