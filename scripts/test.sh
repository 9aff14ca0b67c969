#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this script).
#   bash scripts/test.sh
# Installs its dependencies, then builds and tests with g++ (C++17) and
# clang++ (C++20), warnings as errors, and checks formatting.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
build_root=${CBRNG_BUILD_ROOT:-$root/build-test}

stage() { printf '\n==== %s ====\n' "$*"; }

stage "clang-format check"
git ls-files '*.hpp' '*.cpp' '*.cu' | xargs clang-format --dry-run -Werror

run_build() {  # name, cxx, std, extra cmake args...
  local name=$1 cxx=$2 std=$3
  shift 3
  stage "$name: $cxx, C++$std"
  cmake -S "$root" -B "$build_root/$name" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_STANDARD="$std" -DCBRNG_WERROR=ON "$@" >/dev/null
  cmake --build "$build_root/$name" -j "$jobs"
  (cd "$build_root/$name" && ctest --output-on-failure -j "$jobs")
}

run_build gcc-cxx17 g++ 17
run_build clang-cxx20 clang++ 20

stage "all test stages passed"
