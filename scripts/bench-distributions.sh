#!/usr/bin/env bash
# The distributions table of docs/performance.md: cbrng against libstdc++'s
# std:: distributions (std::mt19937_64) and numpy's Generator(PCG64), one run.
#
#   bash scripts/bench-distributions.sh [BUILD_DIR]   (default build-bench)
#
# Configures BUILD_DIR in Release if needed, builds distributions_bench, runs
# it once (--benchmark_min_time=0.5) and benchmarks/numpy_distributions.py
# with an interpreter that imports numpy (CBRNG_NUMPY_PYTHON, else
# /usr/bin/python3, else python3), then prints a Markdown table of variates
# per second (shuffle: elements per second) with the ratios cbrng / std and
# cbrng / numpy, the machine, compiler, load and date. Rates are per CPU
# second on both sides.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCBRNG_BUILD_CUDA=OFF >/dev/null
fi
cmake --build "$build" -j2 --target distributions_bench >/dev/null
py=${CBRNG_NUMPY_PYTHON:-}
if [[ -z "$py" ]]; then
  for c in /usr/bin/python3 python3; do
    if "$c" -c "import numpy" 2>/dev/null; then py=$c; break; fi
  done
fi
[[ -n "$py" ]] || { echo "no python with numpy found (set CBRNG_NUMPY_PYTHON)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
load_before=$("$py" scripts/bench_report.py load)
"$build/benchmarks/distributions_bench" --benchmark_min_time=0.5 \
  --benchmark_format=json >"$tmp/cbrng.json"
"$py" benchmarks/numpy_distributions.py >"$tmp/numpy.json"
load_after=$("$py" scripts/bench_report.py load)
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
"$py" scripts/bench_report.py distributions "$tmp/cbrng.json" "$tmp/numpy.json" \
  --compiler "$("$compiler" --version | head -1)" --load-before "$load_before" \
  --load-after "$load_after"
