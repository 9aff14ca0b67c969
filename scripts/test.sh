#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this script).
#   bash scripts/test.sh
# Installs its dependencies, then builds and tests with g++ (C++17) and
# clang++ (C++20), warnings as errors, checks formatting, compiles the
# CUDA device code when nvcc is installed, builds and tests the Python
# package (pytest, Debian's /usr/bin/python3), then runs the hardening and
# portability stages: clang -Weverything on every header, the suite under
# ASan+UBSan and the threaded tests under TSan, libFuzzer, the golden tests
# cross-built for aarch64 and s390x under qemu-user, and the compiler matrix.
#
#   bash scripts/test.sh quick
# The quick tier (docs/testing.md), for a check before a commit: the
# dependencies, the format check, then the g++ C++17 build and its CTest run
# only, without the benchmarks and the statistical (label stat) tests. CI
# always runs the full suite.
set -euo pipefail
mode=${1:-full}
case $mode in
  full | quick) ;;
  *)
    echo "usage: bash scripts/test.sh [quick]" >&2
    exit 2
    ;;
esac
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
build_root=${CBRNG_BUILD_ROOT:-$root/build-test}

stage() { printf '\n==== %s ====\n' "$*"; }

stage "clang-format check"
git ls-files '*.hpp' '*.cpp' '*.cu' | xargs clang-format --dry-run -Werror

run_build() {  # name, cxx, std, ctest label exclusion regex, extra cmake args...
  local name=$1 cxx=$2 std=$3 exclude=$4 start=$SECONDS
  shift 4
  stage "$name: $cxx, C++$std"
  cmake -S "$root" -B "$build_root/$name" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_STANDARD="$std" -DCBRNG_WERROR=ON "$@" >/dev/null
  cmake --build "$build_root/$name" -j "$jobs"
  (cd "$build_root/$name" && ctest --output-on-failure -j "$jobs" ${exclude:+-LE "$exclude"})
  echo "$name: $((SECONDS - start)) s"
}

# CUDA is its own stage below; these builds leave it off. The g++ build is the
# complete one (benchmarks, tools, statistical and consumer tests); the clang++
# build repeats every product test in C++20 but not the compiler-independent
# dieharder runs, and skips compiling the benchmarks, to keep CI short.
# The dump tool (tools/, opt-in) is built in both: its own test and the stat
# tests run it.
if [ "$mode" = quick ]; then
  run_build gcc-cxx17-quick g++ 17 "stat" -DCBRNG_BUILD_CUDA=OFF -DCBRNG_BUILD_TOOLS=ON \
    -DCBRNG_BUILD_BENCHMARKS=OFF
  stage "quick tier passed (the full suite: bash scripts/test.sh)"
  exit 0
fi
run_build gcc-cxx17 g++ 17 "" -DCBRNG_BUILD_CUDA=OFF -DCBRNG_BUILD_TOOLS=ON
run_build clang-cxx20 clang++ 20 "stat" -DCBRNG_BUILD_CUDA=OFF -DCBRNG_BUILD_TOOLS=ON \
  -DCBRNG_BUILD_BENCHMARKS=OFF

# CUDA device code: compiled wherever nvcc is, so device compatibility never
# regresses (no --expt-relaxed-constexpr: a std:: call in a device path fails
# to build). CI has no GPU: device_test and cuda_pi run their host halves and
# CTest reports them skipped; fp_contract_audit checks the device PTX.
# scripts/device-check.sh runs the device halves where a GPU is.
nvcc_path=$(command -v nvcc 2>/dev/null || true)
if [ -z "$nvcc_path" ] && [ -x /usr/local/cuda/bin/nvcc ]; then nvcc_path=/usr/local/cuda/bin/nvcc; fi
if [ -n "$nvcc_path" ]; then
  stage "cuda: compile device code ($nvcc_path, host compiler g++)"
  cmake -S "$root" -B "$build_root/cuda" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
    -DCBRNG_WERROR=ON -DCBRNG_BUILD_CUDA=ON -DCMAKE_CUDA_COMPILER="$nvcc_path" >/dev/null
  cmake --build "$build_root/cuda" -j "$jobs" --target cbrng_cuda
  (cd "$build_root/cuda" && ctest --output-on-failure -L cuda)
else
  stage "cuda: skipped: no CUDA compiler (nvcc not on PATH nor at /usr/local/cuda/bin/nvcc)"
fi

# Hardening and portability stages, each timed (the times are printed at the end).
timings=()
timed_stage() {  # title, command...
  local title=$1 start=$SECONDS
  shift
  stage "$title"
  "$@"
  timings+=("$(printf '%5d s  %s' $((SECONDS - start)) "$title")")
}
timed_stage "python: the cbrng package (pybind11, Debian numpy) and its pytest suite" \
  bash scripts/python_test.sh "$build_root/python"
timed_stage "strict warnings: every header under clang -Weverything -Werror" \
  bash scripts/strict_headers.sh
timed_stage "asan+ubsan: the whole suite (clang++, no benchmarks)" \
  bash scripts/sanitize.sh address "$build_root/asan"
timed_stage "fuzz: every libFuzzer target, ${CBRNG_FUZZ_SECONDS:-60} s each" \
  bash scripts/fuzz.sh "$build_root/asan"
timed_stage "tsan: the threaded tests (clang++)" \
  bash scripts/sanitize.sh thread "$build_root/tsan"
timed_stage "cross: golden tests on aarch64 and s390x (big-endian) under qemu-user" \
  bash scripts/cross.sh "$build_root"
timed_stage "matrix: golden tests, g++/clang++ x C++17/20 x -O0/-O3 x -march=native" \
  bash scripts/matrix.sh "$build_root"
stage "stage times"
printf '%s\n' "${timings[@]}"

stage "all test stages passed"
