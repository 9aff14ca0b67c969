#!/usr/bin/env bash
# Compiler and standard matrix: the golden-value and known-answer tests
# (tests/portable) built with g++ and clang++, C++17 and C++20, -O0 and -O3,
# with and without -march=native, in a covering set of combinations beside
# the main builds of scripts/test.sh (g++ C++17 -O3, clang++ C++20 -O3, no
# -march). All must reproduce the same golden values. Called by
# scripts/test.sh; runnable alone:
#
#   bash scripts/matrix.sh [BUILD_ROOT]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build_root=${1:-$root/build-test}
jobs=$(nproc 2>/dev/null || echo 2)

# Each compiler runs two more combinations beside its main build, chosen so
# that with the main build every value of every axis is seen by that compiler
# (C++17 and C++20, -O0 and -O3, with and without -march=native), and the
# riskiest one for floating point, -O3 -march=native (FMA available, GCC
# contracts by default), is built by both compilers. A full 16-way product
# costs more CI time than it buys: the golden tests failing in one axis value
# fail in these.
declare -A extra=(
  [g++]="20:O0:native;17:O3:native"
  [clang++]="17:O0:;20:O3:native"
)
# kat_test (the bijections alone: integer arithmetic) costs as much to compile
# as all the other golden tests together: once per compiler, at -O0, here.
kat_variants="20:O0:native;17:O0:"
for pair in "g++ 17:O3:" "clang++ 20:O3:"; do
  cxx=${pair%% *}
  variants=${extra[$cxx]}
  dir=$build_root/matrix-${cxx//+/x}
  echo "-- $cxx: variants $variants"
  cmake -S "$root/tests/portable" -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE= \
    -DCBRNG_WERROR=ON -DCBRNG_GOLDEN_VARIANTS="$variants" \
    -DCBRNG_KAT_VARIANTS="$kat_variants" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs")
done
