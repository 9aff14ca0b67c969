"""cbrng.dask against dask.array.random: chunk computation and end to end.

    PYTHONPATH=<build>/python/pkg /usr/bin/python3 benchmarks/dask_bench.py \
        [--quick] [--chunks-only]

1. Chunk computation: x.sum() of an array of N elements in chunks of C on the
   synchronous scheduler (one thread, so the time is the chunk functions' own;
   the sum keeps one chunk alive at a time instead of a concatenated copy),
   cbrng.dask.Generator(seed).<method>(..., size=N, chunks=C) against
   da.random.RandomState(seed).<method>(..., size=N, chunks=C), same method,
   parameters and chunks. Best of R runs each, alternating, in this one process.
2. End to end: x.sum() of a larger array on a distributed.LocalCluster with 2
   worker processes (1 thread each), the same pairs; best of R.
Prints Markdown tables (time per run, ns per element, cbrng's speed-up).
"""
import sys
import time

import numpy as np

import dask
import dask.array as da

import cbrng.dask as cd

QUICK = "--quick" in sys.argv
CHUNKS_ONLY = "--chunks-only" in sys.argv
R = 3 if QUICK else 5

# (label, cbrng.dask call, dask call), each f(generator, size, chunks)
CASES = [
    ("random", lambda g, n, c: g.random(size=n, chunks=c),
     lambda d, n, c: d.random_sample(size=n, chunks=c)),
    ("normal(0, 1)", lambda g, n, c: g.normal(0.0, 1.0, size=n, chunks=c),
     lambda d, n, c: d.normal(0.0, 1.0, size=n, chunks=c)),
    ("exponential(1)", lambda g, n, c: g.exponential(1.0, size=n, chunks=c),
     lambda d, n, c: d.exponential(1.0, size=n, chunks=c)),
    ("integers(0, 1000)", lambda g, n, c: g.integers(0, 1000, size=n, chunks=c),
     lambda d, n, c: d.randint(0, 1000, size=n, chunks=c)),
    ("gamma(2, 1)", lambda g, n, c: g.gamma(2.0, 1.0, size=n, chunks=c),
     lambda d, n, c: d.gamma(2.0, 1.0, size=n, chunks=c)),
    ("poisson(4)", lambda g, n, c: g.poisson(4.0, size=n, chunks=c),
     lambda d, n, c: d.poisson(4.0, size=n, chunks=c)),
    ("binomial(100, 0.3)", lambda g, n, c: g.binomial(100, 0.3, size=n, chunks=c),
     lambda d, n, c: d.binomial(100, 0.3, size=n, chunks=c)),
]


def best(build, run, r=R):
    """Best of r runs of run(build(k)), each on a fresh graph (seed 42 + k), so no
    scheduler or worker can hand back a result kept from an earlier run."""
    t = []
    for k in range(r):
        x = build(42 + k)
        t0 = time.perf_counter()
        run(x)
        t.append(time.perf_counter() - t0)
    return min(t)


def chunk_table(n, c):
    print(f"\n### Chunk computation: x.sum(), N = {n}, chunks of {c}, synchronous scheduler, "
          f"best of {R}\n")
    print("| method | cbrng.dask | dask.array.random | speed-up |")
    print("|---|---|---|---|")
    for label, fc, fd in CASES:
        def sync(x):
            x.compute(scheduler="sync")
        tc = best(lambda s: fc(cd.Generator(s), n, c).sum(), sync)
        td = best(lambda s: fd(da.random.RandomState(s), n, c).sum(), sync)
        print(f"| {label} | {tc * 1e3:.1f} ms ({tc / n * 1e9:.1f} ns/elt) | {td * 1e3:.1f} ms "
              f"({td / n * 1e9:.1f} ns/elt) | {td / tc:.2f}x |")


def cluster_table(n, c):
    import distributed

    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    try:
        print(f"\n### End to end: x.sum() of N = {n}, chunks of {c}, LocalCluster 2 workers x 1 "
              f"thread, best of {R}\n")
        print("| method | cbrng.dask | dask.array.random | speed-up |")
        print("|---|---|---|---|")
        fc0, fd0 = CASES[0][1], CASES[0][2]
        fc0(cd.Generator(1), n, c).sum().compute()  # the workers import cbrng.dask
        fd0(da.random.RandomState(1), n, c).sum().compute()
        for label, fc, fd in CASES:
            def run(x):
                x.compute()
            tc = best(lambda s: fc(cd.Generator(s), n, c).sum(), run)
            td = best(lambda s: fd(da.random.RandomState(s), n, c).sum(), run)
            print(f"| {label} | {tc * 1e3:.0f} ms | {td * 1e3:.0f} ms | {td / tc:.2f}x |")
    finally:
        client.close()
        cluster.close()


if __name__ == "__main__":
    print(f"numpy {np.__version__}, dask {dask.__version__}")
    if QUICK:
        chunk_table(2_000_000, 250_000)
        cluster_table(8_000_000, 1_000_000)
    else:
        chunk_table(8_000_000, 1_000_000)
        chunk_table(8_000_000, 10_000)
        if not CHUNKS_ONLY:
            cluster_table(64_000_000, 4_000_000)
