#!/usr/bin/env bash
# The test suite under sanitizers, with clang++ (it builds the suite about
# twice as fast as g++ here). Called by scripts/test.sh; runnable alone:
#
#   bash scripts/sanitize.sh address [BUILD_DIR]   # ASan + UBSan, whole suite
#   bash scripts/sanitize.sh thread  [BUILD_DIR]   # TSan, tests labelled threaded
#
# address: every test, example and tool except the benchmarks, built with
#   -fsanitize=address,undefined -fno-sanitize-recover=all. UBSan's shift
#   checks are on (part of "undefined"); unsigned-integer-overflow is NOT
#   enabled: unsigned wraparound is how Philox, Threefry and the counters work.
#   The fork storm and the fork tests run under ASan too. The libFuzzer targets
#   are built in the same tree (CBRNG_BUILD_FUZZERS) and replay their committed
#   corpora as tests; scripts/fuzz.sh then fuzzes with them.
#   Not run here: consumer tests (they build a separate project without these
#   flags), compile_fail tests (no code runs), demo tests (a deliberate
#   deadlock demonstration) and the long statistical tests (label stat:
#   dieharder on the dump tool's output; the dump tool itself is run here).
#   The MPI example runs without leak checks (Open MPI's own leaks).
# thread: the threaded tests (label "threaded": ambient, fork storm, threads
#   example) under -fsanitize=thread.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:?usage: sanitize.sh address|thread [BUILD_DIR]}
jobs=$(nproc 2>/dev/null || echo 2)

common=(-DCMAKE_CXX_COMPILER=clang++ -DCBRNG_WERROR=ON -DCBRNG_BUILD_BENCHMARKS=OFF
        -DCBRNG_BUILD_CUDA=OFF -DCMAKE_BUILD_TYPE=)
# -O1 keeps the instrumented tests fast (the SIMD fill tests run ten times
# slower at -O0); line tables give symbolised stacks. A few tests that are
# costly to optimise under instrumentation but run in a second are compiled at
# -O0 (CBRNG_TESTS_AT_O0): kat_test instantiates every round count of every
# shape, fully inlined (2.5 min of CPU at -O1 under ASan, 1.7 at -O0); the
# golden and transform tests instantiate every SIMD transform (1.5 min -> 17 s).
# cbrng_catch_main is Catch2's own implementation, not cbrng code: at -O1 under
# ASan+UBSan it took 78 s to compile, at -O0 12 s (still instrumented). Five
# more whose run stays in seconds at -O0 (compile CPU at -O1 -> -O0, run at
# -O1 -> -O0, idle 2-vCPU EPYC): random123_crosscheck 146 -> 83 s, 0.7 -> 8.8 s;
# simd_avx512_emulated 61 -> 4 s, 0.1 -> 0.2 s (its successor simd_kernels_emulated
# runs every kernel on plain-C++ lanes: 32 s of CPU at -O0 under ASan+UBSan,
# clang 14, measured on a loaded machine; not re-measured at -O1); stream_buffered 55 -> 21 s,
# 0.2 -> 0.4 s; errors 32 -> 19 s, 0.1 -> 0.2 s; stream 30 -> 21 s,
# 1.6 -> 5.6 s; simd_transforms_emulated (every transform on three layers)
# minutes at -O1 -> 42 s, run 12 s at -O0; simd_kernels_odr 143 -> 55 s of
# CPU per translation unit (two of them). (fill_test and fill_distributions_test compile no faster at
# -O0 and run 10x slower, so they stay at -O1.)
opt="-O1 -gline-tables-only -fno-omit-frame-pointer"
at_o0="kat_test;distributions_golden_test;transform_test;cbrng_catch_main"
at_o0+=";random123_crosscheck_test;simd_kernels_emulated_test;stream_buffered_test;errors_test"
at_o0+=";stream_test;simd_transforms_emulated_test;simd_kernels_odr_test"

case $mode in
  address)
    dir=${2:-$root/build-test/asan}
    cmake -S "$root" -B "$dir" "${common[@]}" -DCBRNG_BUILD_FUZZERS=ON -DCBRNG_BUILD_TOOLS=ON \
      -DCBRNG_TESTS_AT_O0="$at_o0" \
      -DCMAKE_CXX_FLAGS="$opt -fsanitize=address,undefined -fno-sanitize-recover=all" >/dev/null
    cmake --build "$dir" -j "$jobs"
    asan=check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    (cd "$dir" && ASAN_OPTIONS=$asan:detect_leaks=1 \
      ctest --output-on-failure -j "$jobs" -LE '^(consumer|compile_fail|snippets|demo|stat|mpi)$')
    # Open MPI leaks by design (its plugins' allocations at exit): leak checks
    # off, every other ASan and UBSan check on, for the MPI example.
    (cd "$dir" && ASAN_OPTIONS=$asan:detect_leaks=0 ctest --output-on-failure -L '^mpi$')
    # The stream dump tool (the statistical tests' input), all generators.
    for gen in philox4x32_10 philox2x64_10 philox4x64_10 threefry4x32_20 threefry2x64_20 \
               threefry4x64_20; do
      ASAN_OPTIONS=$asan:detect_leaks=1 "$dir/tools/cbrng_dump" --gen "$gen" --seed 7 \
        --interleave-tasks 3 --bytes 1M >/dev/null
    done
    ;;
  thread)
    dir=${2:-$root/build-test/tsan}
    cmake -S "$root" -B "$dir" "${common[@]}" -DCBRNG_BUILD_TOOLS=OFF \
      -DCMAKE_CXX_FLAGS="$opt -fsanitize=thread" >/dev/null
    # The tests labelled threaded (fork storm, threads example) and the
    # ambient stream's thread tests; build only what they run.
    tests=$( (cd "$dir" && ctest -N -L threaded) | sed -n 's/^ *Test *#[0-9]*: //p')
    tests=$(printf '%s\n' $tests ambient_test | sort -u)
    build_targets=()
    for t in $tests; do build_targets+=(--target "${t#example_}"); done
    cmake --build "$dir" -j "$jobs" "${build_targets[@]}"
    export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
    (cd "$dir" && ctest --output-on-failure -j "$jobs" -R "^($(echo $tests | tr ' ' '|'))\$")
    ;;
  *)
    echo "usage: sanitize.sh address|thread [BUILD_DIR]" >&2
    exit 2
    ;;
esac
