#!/usr/bin/env bash
# Compiler and standard matrix: the golden-value and known-answer tests
# (tests/portable) built with g++ and clang++, C++17 and C++20, -O0 and -O3,
# with and without -march=native, in every combination that the main builds
# of scripts/test.sh (g++ C++17 -O3, clang++ C++20 -O3, no -march) do not
# already cover. All must reproduce the same golden values. Called by
# scripts/test.sh; runnable alone:
#
#   bash scripts/matrix.sh [BUILD_ROOT]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build_root=${1:-$root/build-test}
jobs=$(nproc 2>/dev/null || echo 2)

all_variants() {  # every std:opt:march combination
  for std in 17 20; do
    for opt in O0 O3; do
      for march in "" native; do echo "$std:$opt:$march"; done
    done
  done
}
# kat_test (the bijections alone: integer arithmetic, no library code that
# depends on the language version) costs as much to compile as all the other
# golden tests together, so it is built in every -O / -march combination of
# C++17 and in C++20 once per compiler (clang++ C++20 -O3 is the main build).
kat_variants="17:O0:;17:O0:native;17:O3:;17:O3:native;20:O0:"
for pair in "g++ 17:O3:" "clang++ 20:O3:"; do
  cxx=${pair%% *}
  covered=${pair#* }
  variants=$(all_variants | grep -vx "$covered" | paste -sd ';')
  dir=$build_root/matrix-${cxx//+/x}
  echo "-- $cxx: variants $variants"
  cmake -S "$root/tests/portable" -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE= \
    -DCBRNG_WERROR=ON -DCBRNG_GOLDEN_VARIANTS="$variants" \
    -DCBRNG_KAT_VARIANTS="$kat_variants" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs")
done
