#!/usr/bin/env bash
# The benchmark report: builds the benchmark suite (Release, -O3) in its own
# build directory, runs it in a short mode (a few minutes on 2 cores), and
# regenerates the tables in docs/performance.md from that one run.
#   bash scripts/bench-report.sh
# Environment:
#   CBRNG_BENCH_BUILD      build directory (default: build-bench)
#   CBRNG_BENCH_CXX        C++ compiler (default: c++ as CMake finds it)
#   CBRNG_BENCH_FLAGS      extra compiler flags, e.g. -march=native (default: none)
#   CBRNG_BENCH_MIN_TIME   seconds per benchmark repetition (default: 0.1)
#   CBRNG_BENCH_REPS       repetitions; the median is reported (default: 3)
#   CBRNG_BENCH_DOC        the document to update (default: docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/deps.sh

build=${CBRNG_BENCH_BUILD:-$root/build-bench}
extra_flags=${CBRNG_BENCH_FLAGS:-}
min_time=${CBRNG_BENCH_MIN_TIME:-0.1}
reps=${CBRNG_BENCH_REPS:-3}
doc=${CBRNG_BENCH_DOC:-$root/docs/performance.md}
jobs=$(nproc 2>/dev/null || echo 2)
benches=(draw_bench creation_bench contention_bench pipeline_bench)

cmake_args=(-S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
  "-DCMAKE_CXX_FLAGS_RELEASE=-O3 -DNDEBUG" "-DCMAKE_CXX_FLAGS=$extra_flags"
  -DCBRNG_BUILD_BENCHMARKS=ON -DCBRNG_BUILD_TESTS=OFF -DCBRNG_BUILD_EXAMPLES=OFF
  -DCBRNG_BUILD_TOOLS=OFF -DCBRNG_BUILD_CUDA=OFF)
if [ -n "${CBRNG_BENCH_CXX:-}" ]; then cmake_args+=("-DCMAKE_CXX_COMPILER=$CBRNG_BENCH_CXX"); fi
cmake --no-warn-unused-cli "${cmake_args[@]}" >/dev/null

# Build only the suite's binaries (pipeline_bench exists once the
# distributions do).
targets=()
for b in "${benches[@]}"; do
  if [ -f "benchmarks/$b.cpp" ]; then targets+=("$b"); fi
done
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
compiler="$("$cxx" --version | head -n 1)"
bm_version=$(dpkg-query -W -f='${Version}' libbenchmark-dev 2>/dev/null || echo "")
bm_args=(--benchmark_min_time="$min_time" --benchmark_repetitions="$reps"
  --benchmark_report_aggregates_only=true)

out="$build/results"
rm -rf "$out"
mkdir -p "$out"
for b in "${targets[@]}"; do
  printf '\n==== %s ====\n' "$b"
  "$build/benchmarks/$b" "${bm_args[@]}" --benchmark_out="$out/$b.json" --benchmark_out_format=json
done

mkdir -p "$(dirname "$doc")"
python3 scripts/bench_report.py --doc "$doc" \
  --machine "$(uname -srm)" --compiler "$compiler" \
  --flags "-O3 -DNDEBUG${extra_flags:+ $extra_flags} (CMAKE_BUILD_TYPE=Release)" \
  --benchmark-version "$bm_version" --benchmark-args "${bm_args[*]}" \
  "$out"/*.json >/dev/null
printf '\n%s updated from %s\n' "${doc#"$root"/}" "$out"
