#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for a bounded time from a copy of
# its committed seed corpus (the repository is never written), and prints the
# executions per target. Called by scripts/test.sh; runnable alone:
#
#   bash scripts/fuzz.sh [BUILD_DIR] [SECONDS_PER_TARGET]
#
# The mutation seed is fixed (CBRNG_FUZZ_SEED, default 1), so a run replays the
# same inputs in the same order and the test stage does not turn red on a
# different machine by chance; CBRNG_FUZZ_SEED=0 asks libFuzzer for a random
# seed (a longer hunt: CBRNG_FUZZ_SEED=0 bash scripts/fuzz.sh "" 600).
#
# BUILD_DIR is a clang++ tree configured with -DCBRNG_BUILD_FUZZERS=ON (the
# ASan/UBSan tree of scripts/sanitize.sh is one; it is configured here if
# missing). A crash leaves the reproducer in BUILD_DIR/fuzz-artifacts/ and
# fails the stage; turn it into a Catch2 test in tests/fuzz_regressions_test.cpp.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${1:-$root/build-test/asan}
seconds=${2:-${CBRNG_FUZZ_SECONDS:-60}}
seed=${CBRNG_FUZZ_SEED:-1}
jobs=$(nproc 2>/dev/null || echo 2)

targets=(parse_engine parse_stream parse_distribution positions distribution_params)

if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCBRNG_WERROR=ON \
    -DCBRNG_BUILD_BENCHMARKS=OFF -DCBRNG_BUILD_EXAMPLES=OFF -DCBRNG_BUILD_TOOLS=OFF \
    -DCBRNG_BUILD_CUDA=OFF -DCBRNG_BUILD_FUZZERS=ON -DCMAKE_BUILD_TYPE= \
    -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only -fno-omit-frame-pointer" >/dev/null
fi
build_targets=()
for t in "${targets[@]}"; do build_targets+=(--target "fuzz_$t"); done
cmake --build "$dir" -j "$jobs" "${build_targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=$dir/fuzz-artifacts
mkdir -p "$artifacts"
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# One fuzzer per core at a time.
run_one() {  # target
  local t=$1
  mkdir -p "$work/$t"
  cp "$root/tests/fuzz/corpus/$t/"* "$work/$t/"
  echo "fuzz_$t: ${seconds} s from $(ls "$work/$t" | wc -l) seed inputs"
  "$dir/tests/fuzz/fuzz_$t" "$work/$t" -max_total_time="$seconds" -seed="$seed" -print_final_stats=1 \
    -max_len=512 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/$t-" \
    >"$work/$t.log" 2>&1
}
pids=()
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_one "$t" &
  pids+=($!)
done
summary=()
status=0
for i in "${!targets[@]}"; do
  t=${targets[$i]}
  log=$work/$t.log
  if wait "${pids[$i]}"; then
    result=ok
  else
    result=FAILED
    status=1
    tail -n 60 "$log"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
  corpus=$(ls "$work/$t" | wc -l)
  summary+=("$(printf '%-26s %-6s %10s executions  %-10s corpus %s' "fuzz_$t" "$result" \
    "${runs:-?}" "${cov:-}" "$corpus")")
done
echo
echo "libFuzzer summary (${seconds} s per target, seed $seed):"
printf '  %s\n' "${summary[@]}"
exit $status
