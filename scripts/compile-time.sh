#!/usr/bin/env bash
# The compile-time cost of including each public header, against <random>.
#   bash scripts/compile-time.sh [RUNS]        (RUNS: default 5)
# For g++ and clang++ (CXX_LIST="g++ clang++" to change), compiles an
# otherwise-empty translation unit that includes one header, with
# `-std=c++17 -O2 -c`, RUNS times each, and prints a Markdown table: the
# median CPU time (user + sys of the compiler) and its ratio to the same
# compiler's <random>. Runs one compile at a time (about two minutes on 2
# cores at RUNS=5); the ratios, not the absolute times, are the result.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-5}
compilers=(${CXX_LIST:-g++ clang++})
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

headers=("random" "cbrng/cbrng.hpp" "cbrng/stream.hpp" "cbrng/philox.hpp")
for h in include/cbrng/distributions/*.hpp; do headers+=("${h#include/}"); done
for h in engine threefry fill ambient algorithm; do headers+=("cbrng/$h.hpp"); done

# CPU seconds (user + sys) of one compile of a TU including $2 with $1.
cpu_seconds() {
  printf '#include <%s>\n' "$2" >"$tmp/tu.cpp"
  local TIMEFORMAT='%3U %3S' t
  t=$({ time "$1" -std=c++17 -O2 -I"$root/include" -c "$tmp/tu.cpp" -o "$tmp/tu.o"; } 2>&1)
  awk '{ printf "%.3f\n", $1 + $2 }' <<<"$t"
}

# Median CPU seconds of $runs compiles.
median() {
  local i
  for ((i = 0; i < runs; i++)); do cpu_seconds "$1" "$2"; done | sort -n |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

declare -A med
for cxx in "${compilers[@]}"; do
  for h in "${headers[@]}"; do
    med[$cxx,$h]=$(median "$cxx" "$h")
  done
done

versions=""
for cxx in "${compilers[@]}"; do
  versions+="${versions:+, }$("$cxx" --version | head -n 1)"
done
echo "Median CPU time (user + sys) of \`-std=c++17 -O2 -c\` on a TU that only includes"
echo "the header, $runs runs each; ratio to the same compiler's \`<random>\`."
echo "Compilers: $versions. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
header="| header |"
rule="|---|"
for cxx in "${compilers[@]}"; do
  header+=" $cxx s | $cxx ratio |"
  rule+="---:|---:|"
done
echo "$header"
echo "$rule"
for h in "${headers[@]}"; do
  row="| \`<$h>\` |"
  for cxx in "${compilers[@]}"; do
    row+=" ${med[$cxx,$h]} | $(awk -v a="${med[$cxx,$h]}" -v b="${med[$cxx,random]}" \
      'BEGIN { printf "%.2fx", a / b }') |"
  done
  echo "$row"
done
