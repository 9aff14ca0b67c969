#!/usr/bin/env bash
# Builds an sdist of python/, unpacks it in a temporary directory (no ../include
# there), builds and installs a wheel from it offline with Debian's
# /usr/bin/python3 (pip --no-build-isolation --no-index: numpy, pybind11 and
# setuptools from python3-numpy, python3-pybind11, python3-setuptools), and
# imports the result from outside the tree. Exit status 0 when all of it works.
#   bash scripts/python_sdist_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py=${CBRNG_PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset CBRNG_INCLUDE_DIR
(cd python && "$py" setup.py -q egg_info --egg-base "$tmp" sdist --dist-dir "$tmp" >/dev/null)
tar -xzf "$tmp"/cbrng-*.tar.gz -C "$tmp"
src=$(echo "$tmp"/cbrng-*/)
test ! -e "$src/../include"
# -O1 keeps the compile short; the package's behaviour does not depend on it.
CFLAGS=-O1 "$py" -m pip wheel -q --no-build-isolation --no-index --no-deps -w "$tmp/wheel" "$src"
"$py" -m pip install -q --no-index --no-deps --target "$tmp/site" "$tmp"/wheel/cbrng-*.whl
cd "$tmp"
PYTHONPATH="$tmp/site" "$py" -c "
import numpy as np, cbrng
assert cbrng.__file__.startswith('$tmp/site'), cbrng.__file__
w = np.random.Generator(cbrng.Stream(1, 0, 2)).bit_generator.random_raw(3)
print('wheel from sdist: cbrng', cbrng.__version__, 'words', w.tolist())
"
