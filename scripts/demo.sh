#!/usr/bin/env bash
# The main job: builds the examples and runs the demo.
#   bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build-demo -DCMAKE_BUILD_TYPE=Release -DCBRNG_BUILD_TESTS=OFF \
  -DCBRNG_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-demo -j "$(nproc 2>/dev/null || echo 2)"
./build-demo/examples/tour
