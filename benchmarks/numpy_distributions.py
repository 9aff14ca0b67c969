#!/usr/bin/env python3
"""numpy's Generator(PCG64) on the rows of benchmarks/distributions_bench.cpp.

Each row draws an array of 10^6 variates (shuffle: shuffles an array of 10^6
uint32), best of --repeat runs after one warm-up, timed in process CPU time
(as Google Benchmark's items_per_second is, so a loaded machine skews both
alike), and prints one JSON object
{"row": variates per second, ...} (shuffle: elements per second). Run with an
interpreter that imports numpy (Debian: /usr/bin/python3); the numpy version
is printed under "numpy_version".
"""
import argparse
import json
import sys
import time

import numpy as np

N = 10**6


def rows(rng):
    w = np.random.Generator(np.random.PCG64(1)).random(1000)
    p = w / w.sum()
    arr = np.arange(N, dtype=np.uint32)
    return {
        "gamma(0.5)": lambda: rng.gamma(0.5, size=N),
        "gamma(2)": lambda: rng.gamma(2.0, size=N),
        "gamma(30)": lambda: rng.gamma(30.0, size=N),
        "poisson(3)": lambda: rng.poisson(3.0, size=N),
        "poisson(1000)": lambda: rng.poisson(1000.0, size=N),
        "binomial(100,0.3)": lambda: rng.binomial(100, 0.3, size=N),
        "binomial(1e6,0.5)": lambda: rng.binomial(1000000, 0.5, size=N),
        # numpy's weighted choice: the cumulative sums and a binary search.
        "discrete(1000)": lambda: rng.choice(1000, size=N, p=p),
        "lognormal(0,1)": lambda: rng.lognormal(0.0, 1.0, size=N),
        "uniform_int(0,999)": lambda: rng.integers(0, 1000, size=N),
        "uniform_int(0,2^31)": lambda: rng.integers(0, 2**31 + 1, size=N),
        "shuffle(1e6)": lambda: rng.shuffle(arr),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rng = np.random.Generator(np.random.PCG64(0x5EED))
    out = {"numpy_version": np.__version__}
    for name, f in rows(rng).items():
        f()  # warm-up
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.process_time()
            f()
            best = min(best, time.process_time() - t0)
        out[name] = N / best
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
