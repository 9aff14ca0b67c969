"""Shared fixtures of cbrng's Python tests (run by scripts/test.sh's Python stage).

The package must be importable (pip install, or PYTHONPATH=<build>/python/pkg
after a CMake build with -DCBRNG_BUILD_PYTHON=ON). The C++ reference values
come from python/tests/reference.cpp: the binary named by
$CBRNG_PY_REFERENCE (the CMake target cbrng_python_reference), else compiled
here with $CXX (default c++) from the repository's headers.
"""
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "python"))


def _reference_binary(tmp_path_factory):
    exe = os.environ.get("CBRNG_PY_REFERENCE")
    if exe:
        return exe
    out = tmp_path_factory.mktemp("reference") / "reference"
    cxx = os.environ.get("CXX", "c++")
    subprocess.run([cxx, "-std=c++17", "-O1", "-I", str(ROOT / "include"),
                    str(ROOT / "python" / "tests" / "reference.cpp"), "-o", str(out)],
                   check=True)
    return str(out)


@pytest.fixture(scope="session")
def reference(tmp_path_factory):
    """{(generator, seed, process, task): {kind: [values]}} printed by the C++ helper."""
    # Without LD_PRELOAD: a sanitizer runtime preloaded for the interpreter
    # (docs/python.md, "Sanitizers") clashes with an instrumented helper's own.
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    text = subprocess.run([_reference_binary(tmp_path_factory)], check=True,
                          capture_output=True, text=True, env=env).stdout
    table = {}
    for line in text.splitlines():
        f = line.split()
        key = (f[0], int(f[1]), int(f[2]), int(f[3]))
        kind = f[4]
        if kind in ("words", "at1000", "integers"):
            vals = [int(v) for v in f[5:]]
        else:
            vals = [int(v, 16) for v in f[5:]]
        table.setdefault(key, {})[kind] = vals
    assert len(table) == 18, "the helper prints 3 ids for each of the 6 generators"
    return table


@pytest.fixture(scope="session")
def root():
    return ROOT
