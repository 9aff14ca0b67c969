#!/usr/bin/env bash
# The Python stage (docs/python.md): builds the extension with CMake
# (-DCBRNG_BUILD_PYTHON=ON) against Debian's /usr/bin/python3 (python3-numpy,
# python3-pybind11; the first python3 on PATH may be another interpreter
# without numpy), then runs the pytest suite in python/tests with
# PYTHONPATH=<build>/python/pkg. pytest's exit status is this script's.
#   bash scripts/python_test.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-$root/build-test/python}
py=${CBRNG_PYTHON:-/usr/bin/python3}
if ! "$py" -c "import numpy, pybind11, pytest" 2>/dev/null; then
  echo "python stage: $py cannot import numpy, pybind11 and pytest" \
       "(Debian: apt-get install python3-dev python3-numpy python3-pybind11 python3-pytest)" >&2
  exit 1
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCBRNG_WERROR=ON -DCBRNG_BUILD_CUDA=OFF \
  -DCBRNG_BUILD_TESTS=OFF -DCBRNG_BUILD_BENCHMARKS=OFF -DCBRNG_BUILD_EXAMPLES=OFF \
  -DCBRNG_BUILD_TOOLS=OFF -DCBRNG_BUILD_PYTHON=ON -DPython3_EXECUTABLE="$py" >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target cbrng_python cbrng_python_reference
PYTHONPATH="$build/python/pkg" CBRNG_PY_REFERENCE="$build/python/cbrng_python_reference" \
  "$py" -m pytest -q -p no:cacheprovider "$root/python/tests"
