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
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$build/benchmarks/distributions_bench" --benchmark_min_time=0.5 \
  --benchmark_format=json >"$tmp/cbrng.json"
"$py" benchmarks/numpy_distributions.py >"$tmp/numpy.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
"$py" - "$tmp/cbrng.json" "$tmp/numpy.json" "$load_before" "$load_after" \
  "$("$compiler" --version | head -1)" <<'PY'
import json, sys, datetime, platform
bench = json.load(open(sys.argv[1]))
numpy = json.load(open(sys.argv[2]))
rates = {}
for b in bench["benchmarks"]:
    row, lib = b["name"].rsplit("/", 1)
    rates.setdefault(row, {})[lib] = b["items_per_second"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
print(f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC on {cpu} "
      f"({bench['context'].get('num_cpus')} vCPUs), {sys.argv[5]}, Release; "
      f"numpy {numpy['numpy_version']}; load average {sys.argv[3]} before, {sys.argv[4]} after.")
print()
print("| row | cbrng (M/s) | std:: (M/s) | numpy (M/s) | cbrng / std:: | cbrng / numpy |")
print("|---|---:|---:|---:|---:|---:|")
def m(x): return f"{x / 1e6:.1f}"
for row, r in rates.items():
    c = r.get("cbrng"); s = r.get("std"); n = numpy.get(row)
    print(f"| {row} | {m(c)} | {m(s)} | {m(n) if n else '-'} | {c / s:.2f} | {c / n:.2f} |" if n else
          f"| {row} | {m(c)} | {m(s)} | - | {c / s:.2f} | - |")
    if "cbrng_fill" in r:
        f = r["cbrng_fill"]
        print(f"| {row} via cbrng::fill | {m(f)} | {m(s)} | {m(n) if n else '-'} | {f / s:.2f} | "
              f"{(f / n) if n else float('nan'):.2f} |")
PY
