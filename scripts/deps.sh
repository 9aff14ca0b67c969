#!/usr/bin/env bash
# Installs what cbrng's build, tests, benchmarks and examples need on Debian 12
# (as root, or through sudo). Does nothing when everything is already there.
set -euo pipefail

packages=(
  cmake make g++ clang clang-format libomp-14-dev libclang-rt-14-dev
  pkgconf  # pkg-config, for the pkg-config consumer test (tests/consumers)
  catch2 libbenchmark-dev librandom123-dev libpcg-cpp-dev
  openmpi-bin libopenmpi-dev dieharder
  # portability and hardening stages: cross compilers and qemu-user for the
  # aarch64 / s390x (big-endian) golden tests, python3 for the no-lock audit
  g++-aarch64-linux-gnu g++-s390x-linux-gnu qemu-user python3
  # the Python package (python/, docs/python.md): Debian's interpreter and its
  # numpy, pybind11 and pytest; setuptools, pip and venv for pip install ./python
  python3-dev python3-numpy python3-pybind11 python3-pytest python3-setuptools python3-pip
  python3-venv
  # cbrng.dask (python/cbrng/dask.py) and its tests: Dask and its distributed scheduler
  python3-dask python3-distributed
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "cbrng: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
