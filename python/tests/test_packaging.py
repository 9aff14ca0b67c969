"""Packaging: the version's single source, the sdist carrying the headers, and the
message a Python without numpy / pybind11 gets (the wheel built from an unpacked
sdist, which compiles the extension, is scripts/python_sdist_check.sh)."""
import os
import subprocess
import sys
import tarfile

import cbrng

PYDIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ROOT = os.path.join(PYDIR, "..")


def config_version():
    parts = {}
    with open(os.path.join(ROOT, "include", "cbrng", "config.hpp")) as f:
        for line in f:
            w = line.split()
            if len(w) == 3 and w[0] == "#define" and w[1].startswith("CBRNG_VERSION_"):
                parts[w[1]] = w[2]
    return ".".join(parts[f"CBRNG_VERSION_{p}"] for p in ("MAJOR", "MINOR", "PATCH"))


def setup_py(*args, pre=""):
    code = (f"import runpy, sys\n{pre}\nsys.argv = ['setup.py'] + {list(args)!r}\n"
            "runpy.run_path('setup.py', run_name='__main__')\n")
    return subprocess.run([sys.executable, "-c", code], cwd=PYDIR, capture_output=True,
                          text=True, timeout=60)


def test_version_is_the_librarys():
    assert cbrng.__version__ == cbrng._core.__version__ == config_version()
    r = setup_py("--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == config_version()


def test_setup_without_numpy_or_pybind11_names_debians_python_and_packages():
    for missing in ("numpy", "pybind11"):
        r = setup_py("--version", pre=f"sys.modules[{missing!r}] = None")
        assert r.returncode != 0
        assert "/usr/bin/python3" in r.stderr, r.stderr
        assert "python3-numpy python3-pybind11" in r.stderr, r.stderr
        assert "--no-build-isolation" in r.stderr, r.stderr


def test_sdist_carries_the_headers(tmp_path):
    r = setup_py("-q", "egg_info", "--egg-base", str(tmp_path), "sdist", "--dist-dir",
                 str(tmp_path))
    assert r.returncode == 0, r.stderr
    (archive,) = [p for p in os.listdir(tmp_path) if p.endswith(".tar.gz")]
    assert archive == f"cbrng-{config_version()}.tar.gz"
    with tarfile.open(tmp_path / archive) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    want_headers = set()
    for d, _, files in os.walk(os.path.join(ROOT, "include")):
        for f in files:
            want_headers.add(os.path.relpath(os.path.join(d, f), ROOT).replace(os.sep, "/"))
    assert want_headers and want_headers <= names, sorted(want_headers - names)[:5]
    assert {"setup.py", "pyproject.toml", "src/cbrng_module.cpp", "cbrng/__init__.py"} <= names
