#!/usr/bin/env bash
# Throughput of cbrng::fill against its baselines, as a Markdown report.
#   bash scripts/bench-fill.sh [> report.md]
# Builds benchmarks/fill_bench (Release, -O3; the Random123/std:: baselines in
# fill_baselines.cpp get -march=native, cbrng's code only the default flags)
# and the same source as fill_bench_o2 (-O2) and fill_bench_native (-O3
# -march=native) in its own build directory, runs them with short settings
# (the two variants on the 64 KiB cbrng rows only), and prints the machine,
# the compiler, a table per workload with the ratios to the baselines, the
# build-settings table (-O2 and -march=native against -O3), the parallel-fill
# table (1, 2, all threads against memset on as many threads), and the
# targets met or missed. Each rate is the best of the repetitions (least
# disturbed by other load on the machine).
# Environment:
#   CBRNG_FILL_BENCH_BUILD  build directory (default: build-fill-bench)
#   CBRNG_BENCH_CXX         C++ compiler (default: c++ as CMake finds it)
#   CBRNG_BENCH_MIN_TIME    seconds per repetition (default: 0.2)
#   CBRNG_BENCH_REPS        repetitions (default: 3)
#   CBRNG_BENCH_FILTER      benchmark filter regex (default: all)
#   CBRNG_FILL_BENCH_BIN    a fill_bench built elsewhere: run it and skip the
#                           set-up and the build (a machine with no network).
#                           Build it as the CMake target is built (fill_bench.cpp
#                           -O3 without -march, fill_baselines.cpp -O3
#                           -march=native): the report states those flags.
#                           The -O2 and -march=native variants are then run
#                           only if they sit next to it (fill_bench_o2,
#                           fill_bench_native)
#   CBRNG_BENCH_COMPILER    with CBRNG_FILL_BENCH_BIN: the compiler line to report
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=${CBRNG_FILL_BENCH_BUILD:-$root/build-fill-bench}
min_time=${CBRNG_BENCH_MIN_TIME:-0.2}
reps=${CBRNG_BENCH_REPS:-3}
filter=${CBRNG_BENCH_FILTER:-.}
jobs=$(nproc 2>/dev/null || echo 2)

cmake_args=(-S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
  "-DCMAKE_CXX_FLAGS_RELEASE=-O3 -DNDEBUG" -DCBRNG_BUILD_BENCHMARKS=ON
  -DCBRNG_BUILD_TESTS=OFF -DCBRNG_BUILD_EXAMPLES=OFF -DCBRNG_BUILD_TOOLS=OFF
  -DCBRNG_BUILD_CUDA=OFF)
if [ -n "${CBRNG_BENCH_CXX:-}" ]; then cmake_args+=("-DCMAKE_CXX_COMPILER=$CBRNG_BENCH_CXX"); fi
if [ -n "${CBRNG_FILL_BENCH_BIN:-}" ]; then
  bin=$CBRNG_FILL_BENCH_BIN
  compiler=${CBRNG_BENCH_COMPILER:-"unknown (a fill_bench built elsewhere)"}
  mkdir -p "$build"
else
  bash scripts/deps.sh >&2
  cmake --no-warn-unused-cli "${cmake_args[@]}" >&2
  cmake --build "$build" -j "$jobs" --target fill_bench fill_bench_o2 fill_bench_native >&2
  bin=$build/benchmarks/fill_bench
  cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
  compiler="$("$cxx" --version | head -n 1)"
fi
load_before=$(python3 scripts/bench_report.py load)

json="$build/fill_bench.json"
"$bin" --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" \
  --benchmark_filter="$filter" --benchmark_out="$json" --benchmark_out_format=json >&2
# The -O2 and -O3 -march=native builds of the same source: cbrng's 64 KiB rows.
variant_filter='BM_Fill(Raw|UniformDouble|NormalDouble)<.*>/65536$'
for v in o2 native; do
  vbin="$(dirname "$bin")/fill_bench_$v"
  rm -f "$build/fill_bench_$v.json"
  if [ -x "$vbin" ]; then
    "$vbin" --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" \
      --benchmark_filter="$variant_filter" --benchmark_out="$build/fill_bench_$v.json" \
      --benchmark_out_format=json >&2
  fi
done
load_after=$(python3 scripts/bench_report.py load)

python3 scripts/bench_report.py fill "$json" --compiler "$compiler" \
  --load-before "$load_before" --load-after "$load_after" --min-time "$min_time" --reps "$reps" \
  --o2 "$build/fill_bench_o2.json" --native "$build/fill_bench_native.json"
