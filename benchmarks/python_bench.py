#!/usr/bin/env python3
"""cbrng's Python package against numpy's own bit generators, in one process.

    PYTHONPATH=<build>/python/pkg /usr/bin/python3 benchmarks/python_bench.py [--n 10000000]

Rows: Generator(cbrng.Stream) through numpy's algorithms; the Stream's bulk
methods (cbrng::fill with the C++ distributions); Generator(PCG64) and
Generator(Philox), numpy's baselines; then creating 10^5 per-task generators
(cbrng.generator(seed, 0, task)) against default_rng over SeedSequence.spawn.
Then the bit generator table: numpy.random.Generator(cbrng.Stream(1,
generator=G)) for each of the 6 stream generators through numpy's own methods
(random, standard_normal, integers, standard_exponential, standard_gamma,
poisson), as ratios to Generator(PCG64) and Generator(Philox) timed in the same
run, and the cost of one scalar rng.random() call.
Each figure is the best of --repeat timings (time.perf_counter). Targets
(the package's): bulk uniform doubles and normals >= 2x Generator(PCG64); per-task
creation at least as fast as spawn + Generator; through numpy.random.Generator,
>= 0.9x PCG64 for each method, >= 2x Philox for random/integers and >= 1.3x for
the others; a scalar random() at most 2x PCG64's.
"""
import argparse
import os
import platform
import time

import numpy as np

import cbrng


def best(f, repeat):
    t = float("inf")
    for _ in range(repeat):
        s = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - s)
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10**7)
    ap.add_argument("--tasks", type=int, default=10**5)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--table-n", type=int, default=10**6,
                    help="variates per call in the bit generator table")
    a = ap.parse_args()
    n, r = a.n, a.repeat

    pcg = np.random.Generator(np.random.PCG64(1))
    phx = np.random.Generator(np.random.Philox(1))
    cbg = np.random.Generator(cbrng.Stream(1))
    cbs = cbrng.Stream(1)
    c64 = cbrng.Stream(1, generator="threefry4x64_20")

    rows = [
        ("random (uniform double)", [
            ("Generator(PCG64).random", lambda: pcg.random(n)),
            ("Generator(Philox).random", lambda: phx.random(n)),
            ("Generator(cbrng.Stream).random", lambda: cbg.random(n)),
            ("cbrng.Stream.random (bulk)", lambda: cbs.random(n)),
            ("cbrng.Stream(threefry4x64_20).random (bulk)", lambda: c64.random(n)),
        ]),
        ("normal (double)", [
            ("Generator(PCG64).standard_normal", lambda: pcg.standard_normal(n)),
            ("Generator(Philox).standard_normal", lambda: phx.standard_normal(n)),
            ("Generator(cbrng.Stream).standard_normal", lambda: cbg.standard_normal(n)),
            ("cbrng.Stream.normal (bulk)", lambda: cbs.normal(size=n)),
        ]),
        ("integers [0, 1000) int64", [
            ("Generator(PCG64).integers", lambda: pcg.integers(0, 1000, n)),
            ("Generator(Philox).integers", lambda: phx.integers(0, 1000, n)),
            ("Generator(cbrng.Stream).integers", lambda: cbg.integers(0, 1000, n)),
            ("cbrng.Stream.integers (bulk)", lambda: cbs.integers(0, 1000, n)),
        ]),
        ("exponential (double)", [
            ("Generator(PCG64).standard_exponential", lambda: pcg.standard_exponential(n)),
            ("Generator(cbrng.Stream).standard_exponential",
             lambda: cbg.standard_exponential(n)),
            ("cbrng.Stream.exponential (bulk)", lambda: cbs.exponential(size=n)),
        ]),
    ]
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
          f"numpy {np.__version__}; load average {os.getloadavg()[0]:.2f} at start")
    print(f"{n} variates per call, best of {r}\n")
    print(f"| {'what':46s} | {'ms':>8s} | {'ns/value':>8s} | {'vs PCG64':>8s} |")
    print(f"|{'-' * 48}|{'-' * 10}|{'-' * 10}|{'-' * 10}|")
    for title, cases in rows:
        base = None
        for label, f in cases:
            t = best(f, r)
            if base is None:
                base = t
            print(f"| {label:46s} | {t * 1e3:8.1f} | {t / n * 1e9:8.2f} | {base / t:7.2f}x |")

    k = a.tasks
    seed = 2026

    def spawn():
        return [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(k)]

    def per_task():
        return [cbrng.generator(seed, 0, t) for t in range(k)]

    def streams():
        return [cbrng.Stream(seed, 0, t) for t in range(k)]

    t_spawn = best(spawn, 3)
    t_cb = best(per_task, 3)
    t_st = best(streams, 3)
    print(f"\ncreating {k} per-task generators, best of 3")
    print(f"| {'what':46s} | {'ms':>8s} | {'us each':>8s} | {'vs spawn':>8s} |")
    print(f"|{'-' * 48}|{'-' * 10}|{'-' * 10}|{'-' * 10}|")
    for label, t in [("default_rng(SeedSequence(s).spawn(k)[i])", t_spawn),
                     ("cbrng.generator(s, 0, task)", t_cb),
                     ("cbrng.Stream(s, 0, task) (no Generator)", t_st)]:
        print(f"| {label:46s} | {t * 1e3:8.1f} | {t / k * 1e6:8.2f} | {t_spawn / t:7.2f}x |")
    bit_generator_table(a.table_n, r)
    print(f"\nload average {os.getloadavg()[0]:.2f} at end")


METHODS = [
    ("random", lambda g, n: g.random(n)),
    ("standard_normal", lambda g, n: g.standard_normal(n)),
    ("integers", lambda g, n: g.integers(0, 1000, n)),
    ("standard_exponential", lambda g, n: g.standard_exponential(n)),
    ("standard_gamma", lambda g, n: g.standard_gamma(2.0, n)),
    ("poisson", lambda g, n: g.poisson(4.0, n)),
]


def scalar_us(g, calls=100000):
    f = g.random

    def run():
        for _ in range(calls):
            f()
    return best(run, 3) / calls * 1e6


def bit_generator_table(n, r):
    """numpy.random.Generator(cbrng.Stream(generator=G)) against PCG64 and Philox.

    Each cell times PCG64, Philox and the Stream alternately (best of r each),
    so a change of machine load between cells does not skew the ratios."""
    pcg = np.random.Generator(np.random.PCG64(1))
    phx = np.random.Generator(np.random.Philox(1))
    print(f"\nnumpy.random.Generator(cbrng.Stream(1, generator=G)), {n} variates per call, "
          f"best of {r}, baselines timed alternately with each cell; ratio = baseline time / "
          f"this time (> 1: faster); buffer {cbrng._core.buffer_blocks} blocks")
    head = "| generator | " + " | ".join(m for m, _ in METHODS) + " | scalar random() |"
    print(head)
    print("|" + "---|" * (len(METHODS) + 2))
    rows = []
    base_sum = {m: [0.0, 0.0, 0] for m, _ in METHODS}
    scalar_base = [0.0, 0.0, 0]
    for name in cbrng.generators:
        g = np.random.Generator(cbrng.Stream(1, generator=name))
        cells = []
        for m, f in METHODS:
            tp = tx = tg = float("inf")
            for _ in range(r):
                tp = min(tp, best(lambda: f(pcg, n), 1))
                tx = min(tx, best(lambda: f(phx, n), 1))
                tg = min(tg, best(lambda: f(g, n), 1))
            b = base_sum[m]
            b[0] += tp
            b[1] += tx
            b[2] += 1
            cells.append(f"{tg / n * 1e9:.2f} ({tp / tg:.2f}x / {tx / tg:.2f}x)")
        sp, sg = scalar_us(pcg), scalar_us(g)
        scalar_base[0] += sp
        scalar_base[1] += scalar_us(phx)
        scalar_base[2] += 1
        rows.append(f"| {name} | " + " | ".join(cells) +
                    f" | {sg:.3f} us ({sg / sp:.2f}x the cost of PCG64's {sp:.3f} us) |")
    k = scalar_base[2]
    print("| PCG64 (ns/value, mean of its timings) | " + " | ".join(
        f"{base_sum[m][0] / base_sum[m][2] / n * 1e9:.2f}" for m, _ in METHODS)
        + f" | {scalar_base[0] / k:.3f} us |")
    print("| Philox (ns/value, mean of its timings) | " + " | ".join(
        f"{base_sum[m][1] / base_sum[m][2] / n * 1e9:.2f}" for m, _ in METHODS)
        + f" | {scalar_base[1] / k:.3f} us |")
    for row in rows:
        print(row)
    print("cells: ns/value (vs PCG64 / vs Philox); scalar: one rng.random() call "
          "(its cost over PCG64's, timed next to it; target <= 2x)")


if __name__ == "__main__":
    main()
