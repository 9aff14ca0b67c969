"""Builds cbrng's Python extension from the library's headers.

    /usr/bin/python3 -m pip install --no-build-isolation ./python

(in a venv made with ``/usr/bin/python3 -m venv --system-site-packages``, or
with ``--user --break-system-packages``, since Debian marks its Python
externally managed) uses only Debian's python3-numpy, python3-pybind11 and
python3-setuptools: no network. Without --no-build-isolation pip would try to
download the build requirements named in pyproject.toml.

The headers are found at $CBRNG_INCLUDE_DIR, else ../include (a checkout),
else ./include (an sdist: ``setup.py sdist`` copies ../include/cbrng into it).
The version is the library's, read from include/cbrng/config.hpp.
"""
import os
import re
import shutil
import sys

here = os.path.dirname(os.path.abspath(__file__))

try:
    import numpy
    import pybind11
except ImportError as e:
    raise SystemExit(
        f"cbrng: building the extension needs numpy and pybind11 importable by "
        f"{sys.executable} ({e}). On Debian/Ubuntu use /usr/bin/python3 with "
        f"'apt-get install python3-numpy python3-pybind11 python3-setuptools', and install with "
        f"'/usr/bin/python3 -m pip install --no-build-isolation ./python' "
        f"(docs/python.md, \"Installing\")") from None

from setuptools import Extension, setup  # noqa: E402
from setuptools.command.sdist import sdist  # noqa: E402


def find_include():
    candidates = [os.environ.get("CBRNG_INCLUDE_DIR"), os.path.join(here, "..", "include"),
                  os.path.join(here, "include")]
    for c in candidates:
        if c and os.path.isfile(os.path.join(c, "cbrng", "stream.hpp")):
            return os.path.normpath(c)
    raise SystemExit(f"cbrng: headers (cbrng/stream.hpp) not found in {candidates[1:]}; "
                     f"set CBRNG_INCLUDE_DIR to the library's include directory")


def library_version(include):
    text = open(os.path.join(include, "cbrng", "config.hpp"), encoding="utf-8").read()
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        m = re.search(rf"^#define CBRNG_VERSION_{part} (\d+)$", text, re.M)
        if not m:
            raise SystemExit(f"cbrng: CBRNG_VERSION_{part} not found in {include}/cbrng/config.hpp")
        parts.append(m.group(1))
    return ".".join(parts)


class sdist_with_headers(sdist):
    """sdist that carries the C++ headers (include/cbrng) so the archive builds alone."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        dest = os.path.join(base_dir, "include", "cbrng")
        if not os.path.isdir(dest):
            shutil.copytree(os.path.join(include, "cbrng"), dest)


include = find_include()

ext = Extension(
    "cbrng._core",
    sources=["src/cbrng_module.cpp", "src/frozen.cpp"],
    depends=["src/bitgen_words.hpp"],
    include_dirs=[include, pybind11.get_include(), numpy.get_include()],
    language="c++",
    extra_compile_args=["-std=c++17", "-O2", "-fvisibility=hidden"],
)

setup(
    name="cbrng",
    version=library_version(include),
    description="Counter-based random streams (Philox, Threefry) as numpy bit generators",
    packages=["cbrng"],
    ext_modules=[ext],
    python_requires=">=3.9",
    install_requires=["numpy"],
    cmdclass={"sdist": sdist_with_headers},
)
