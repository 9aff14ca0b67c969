"""Builds cbrng's Python extension from this repository's headers (include/).

    /usr/bin/python3 -m pip install --no-build-isolation ./python

uses only Debian's python3-pybind11, python3-numpy and python3-setuptools (no
network). The headers are found at ../include, or at $CBRNG_INCLUDE_DIR.
"""
import os

import numpy
import pybind11
from setuptools import Extension, setup

here = os.path.dirname(os.path.abspath(__file__))
include = os.environ.get("CBRNG_INCLUDE_DIR", os.path.join(here, "..", "include"))
if not os.path.isfile(os.path.join(include, "cbrng", "stream.hpp")):
    raise SystemExit(f"cbrng: headers not found at {include}; set CBRNG_INCLUDE_DIR")

ext = Extension(
    "cbrng._core",
    sources=["src/cbrng_module.cpp", "src/frozen.cpp"],
    include_dirs=[include, pybind11.get_include(), numpy.get_include()],
    language="c++",
    extra_compile_args=["-std=c++17", "-O2", "-fvisibility=hidden"],
)

setup(
    name="cbrng",
    version="1.0.0",
    description="Counter-based random streams (Philox, Threefry) as numpy bit generators",
    packages=["cbrng"],
    ext_modules=[ext],
    python_requires=">=3.9",
    install_requires=["numpy"],
)
