#!/usr/bin/env bash
# Cross-architecture reproducibility: builds the golden-value and known-answer
# tests (tests/portable) with Debian's g++-aarch64-linux-gnu and
# g++-s390x-linux-gnu and runs them under qemu-user. s390x is big-endian, so
# any byte-order assumption would change a golden value there. Called by
# scripts/test.sh; runnable alone:
#
#   bash scripts/cross.sh [BUILD_ROOT] [ARCH...]      # default: aarch64 s390x
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build_root=${1:-$root/build-test}
shift || true
arches=("$@")
[ ${#arches[@]} -gt 0 ] || arches=(aarch64 s390x)
jobs=$(nproc 2>/dev/null || echo 2)

for arch in "${arches[@]}"; do
  dir=$build_root/cross-$arch
  echo "-- $arch: configuring, building and running the golden tests under qemu-$arch"
  # -O1: the golden values must not depend on the level (scripts/matrix.sh
  # checks -O0 and -O3 natively); it keeps the cross build short.
  cmake -S "$root/tests/portable" -B "$dir" \
    -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchain-$arch.cmake" -DCMAKE_BUILD_TYPE= \
    -DCBRNG_WERROR=ON -DCBRNG_GOLDEN_VARIANTS="17:O1:" >/dev/null
  cmake --build "$dir" -j "$jobs"
  # The binaries really are for the target: ELF class/data bytes and machine.
  for exe in "$dir"/*_test_*; do
    [ -x "$exe" ] || continue
    data=$(od -An -t u1 -j 5 -N 1 "$exe" | tr -d ' ')
    case $arch in
      s390x) [ "$data" = 2 ] || { echo "$exe is not big-endian" >&2; exit 1; } ;;
      aarch64) [ "$data" = 1 ] || { echo "$exe is not little-endian" >&2; exit 1; } ;;
    esac
  done
  (cd "$dir" && ctest --output-on-failure -j "$jobs")
done
