#!/usr/bin/env bash
# The GPU check, in one run: builds cbrng's CUDA programs from this checkout
# with nvcc alone (no CMake, Catch2 or network needed) and runs them:
#
#   tests/device/device_test.cu     device results == host results, bit for bit
#   examples/cuda_pi.cu             per-task Monte Carlo counts, GPU == CPU
#   benchmarks/cuda_fill_bench.cu   fill GB/s, cbrng vs cuRAND Philox4_32_10
#
# and prints the GPU's name, each result and the benchmark's Markdown table.
# Exits non-zero if a build or a check fails. About a minute on a 16-core
# machine with a GPU (the three builds run in parallel).
#
#   bash scripts/device-check.sh                 build (for the GPU present) and run
#   bash scripts/device-check.sh --build DIR     only build, into DIR (for sm_75 and
#                                                up: SASS for 75/80/90, PTX for the rest)
#   bash scripts/device-check.sh --run DIR       only run binaries built earlier in DIR
#
# Environment: NVCC (default: nvcc on PATH, else /usr/local/cuda/bin/nvcc),
# CUDA_ARCH (e.g. sm_90; default: the GPU's compute capability, else native),
# BENCH_MIB (default 256).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)

mode=all
dir=""
case "${1:-}" in
  --build) mode=build; dir=${2:?"--build needs a directory"} ;;
  --run) mode=run; dir=${2:?"--run needs a directory"} ;;
  "") ;;
  *) echo "usage: $0 [--build DIR | --run DIR]" >&2; exit 2 ;;
esac
if [ -z "$dir" ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/cbrng-device-check.XXXXXX")
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

section() { printf '\n==== %s ====\n' "$*"; }
failures=()

section "GPU"
have_gpu=0
if command -v nvidia-smi >/dev/null 2>&1 &&
   gpu=$(nvidia-smi --query-gpu=name,compute_cap,memory.total,driver_version --format=csv,noheader 2>/dev/null) &&
   [ -n "$gpu" ]; then
  echo "$gpu"
  have_gpu=1
else
  echo "no GPU visible to nvidia-smi (the programs will report 'skipped: no CUDA device')"
fi

build() {
  local nvcc=${NVCC:-}
  if [ -z "$nvcc" ]; then
    if command -v nvcc >/dev/null 2>&1; then nvcc=$(command -v nvcc)
    elif [ -x /usr/local/cuda/bin/nvcc ]; then nvcc=/usr/local/cuda/bin/nvcc
    else echo "nvcc not found (set NVCC)"; return 1; fi
  fi
  local arch=()
  if [ -n "${CUDA_ARCH:-}" ]; then
    arch=(-arch="$CUDA_ARCH")
  elif [ "$mode" = build ]; then
    arch=("-gencode=arch=compute_75,code=sm_75" "-gencode=arch=compute_80,code=sm_80"
          "-gencode=arch=compute_90,code=sm_90" "-gencode=arch=compute_90,code=compute_90")
  elif [ "$have_gpu" = 1 ]; then
    local cc
    cc=$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader | head -n1 | tr -d ' .')
    arch=(-arch="sm_$cc")
  else
    arch=(-arch=sm_75)
  fi
  section "build: $("$nvcc" --version | tail -n1) ${arch[*]}"
  # The flags of cmake/cuda.cmake: C++17, no --expt-relaxed-constexpr, nvcc's
  # default --fmad=true (the library guards its own floating point), warnings
  # as errors.
  local flags=(-std=c++17 -O3 "${arch[@]}" -I"$root/include" --Werror=all-warnings
               "-Xcompiler=-Wall,-Wextra,-Wconversion,-Wsign-conversion,-Wshadow,-Werror")
  local pids=() names=(device_test cuda_pi cuda_fill_bench)
  local srcs=("$root/tests/device/device_test.cu" "$root/examples/cuda_pi.cu"
              "$root/benchmarks/cuda_fill_bench.cu")
  local i
  for i in 0 1 2; do
    "$nvcc" "${flags[@]}" "${srcs[$i]}" -o "$dir/${names[$i]}" >"$dir/${names[$i]}.build.log" 2>&1 &
    pids+=($!)
  done
  local ok=0
  for i in 0 1 2; do
    if wait "${pids[$i]}"; then
      echo "built ${names[$i]}"
    else
      echo "FAILED to build ${names[$i]}:"
      cat "$dir/${names[$i]}.build.log"
      ok=1
    fi
  done
  return $ok
}

run_step() {  # name, command...
  local name=$1
  shift
  section "$name"
  "$@"
  local rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAILED: $name (exit $rc)"
    failures+=("$name")
  fi
}

if [ "$mode" != run ]; then
  build || failures+=("build")
fi
if [ "$mode" != build ] && [ ${#failures[@]} -eq 0 ]; then
  start=$(date +%s)
  run_step "device_test" "$dir/device_test" "$root/tests/kat_vectors.txt"
  run_step "cuda_pi (1000 tasks: the pi examples' result)" "$dir/cuda_pi"
  run_step "cuda_pi (16384 tasks)" "$dir/cuda_pi" 16384
  run_step "cuda_fill_bench" "$dir/cuda_fill_bench" "${BENCH_MIB:-256}"
  echo
  echo "(ran in $(($(date +%s) - start)) s)"
fi

section "summary"
echo "binaries and build logs: $dir"
if [ ${#failures[@]} -ne 0 ]; then
  echo "device-check: FAILED: ${failures[*]}"
  exit 1
fi
if [ "$mode" = build ]; then
  echo "device-check: built; run with: bash scripts/device-check.sh --run $dir"
elif [ "$have_gpu" = 1 ]; then
  echo "device-check: all passed on: $gpu"
else
  echo "device-check: built and ran; no GPU, so the device halves were skipped"
fi
