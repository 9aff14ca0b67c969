#!/usr/bin/env python3
"""cbrng's Python package against numpy's own bit generators, in one process.

    PYTHONPATH=<build>/python/pkg /usr/bin/python3 benchmarks/python_bench.py [--n 10000000]

Rows: Generator(cbrng.Stream) through numpy's algorithms; the Stream's bulk
methods (cbrng::fill with the C++ distributions); Generator(PCG64) and
Generator(Philox), numpy's baselines; then creating 10^5 per-task generators
(cbrng.generator(seed, 0, task)) against default_rng over SeedSequence.spawn; then
cbrng.Generator's frozen methods against Generator(PCG64)'s same methods
(--frozen-n variates, default 10^6; --frozen-only runs just that section).
Each figure is the best of --repeat timings (time.perf_counter). Targets
(the package's): bulk uniform doubles and normals >= 2x Generator(PCG64); per-task
creation at least as fast as spawn + Generator.
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
    ap.add_argument("--frozen-n", type=int, default=10**6,
                    help="variates per call in the cbrng.Generator section")
    ap.add_argument("--frozen-only", action="store_true",
                    help="run only the cbrng.Generator section")
    a = ap.parse_args()
    n, r = a.n, a.repeat
    if a.frozen_only:
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
              f"numpy {np.__version__}; load average {os.getloadavg()[0]:.2f} at start")
        frozen_methods(a.frozen_n, r)
        print(f"\nload average {os.getloadavg()[0]:.2f} at end")
        return

    pcg = np.random.Generator(np.random.PCG64(1))
    phx = np.random.Generator(np.random.Philox(1))
    cbg = cbrng.generator(1)
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
    frozen_methods(a.frozen_n, r)
    print(f"\nload average {os.getloadavg()[0]:.2f} at end")


# ------------------------------------------------------------------ cbrng.Generator

def frozen_methods(n, repeat):
    """cbrng.Generator's frozen methods (the C++ distributions) against numpy's
    Generator(PCG64) running the same method with the same arguments, n variates each
    (permutation / shuffle: of n items; choice without replacement: n / 10 of n)."""
    pcg = np.random.Generator(np.random.PCG64(1))
    cbg = cbrng.generator(1)
    p5 = [0.1, 0.2, 0.3, 0.0, 0.4]
    arr_pcg, arr_cb = np.arange(n), np.arange(n)
    cases = [
        ("random()", lambda g: g.random(n)),
        ("random(dtype=float32)", lambda g: g.random(n, dtype=np.float32)),
        ("uniform(-1, 2)", lambda g: g.uniform(-1.0, 2.0, n)),
        ("normal(1, 2)", lambda g: g.normal(1.0, 2.0, n)),
        ("standard_normal()", lambda g: g.standard_normal(n)),
        ("standard_normal(dtype=float32)", lambda g: g.standard_normal(n, dtype=np.float32)),
        ("exponential(2)", lambda g: g.exponential(2.0, n)),
        ("standard_exponential()", lambda g: g.standard_exponential(n)),
        ("integers(0, 1000)", lambda g: g.integers(0, 1000, n)),
        ("gamma(2.5, 1)", lambda g: g.gamma(2.5, 1.0, n)),
        ("standard_gamma(0.5)", lambda g: g.standard_gamma(0.5, n)),
        ("beta(2, 3)", lambda g: g.beta(2.0, 3.0, n)),
        ("chisquare(3)", lambda g: g.chisquare(3.0, n)),
        ("standard_t(5)", lambda g: g.standard_t(5.0, n)),
        ("f(3, 7)", lambda g: g.f(3.0, 7.0, n)),
        ("standard_cauchy()", lambda g: g.standard_cauchy(n)),
        ("lognormal(0, 1)", lambda g: g.lognormal(0.0, 1.0, n)),
        ("weibull(1.5)", lambda g: g.weibull(1.5, n)),
        ("gumbel(0, 1)", lambda g: g.gumbel(0.0, 1.0, n)),
        ("geometric(0.2)", lambda g: g.geometric(0.2, n)),
        ("poisson(3.5)", lambda g: g.poisson(3.5, n)),
        ("poisson(250)", lambda g: g.poisson(250.0, n)),
        ("binomial(20, 0.2)", lambda g: g.binomial(20, 0.2, n)),
        ("binomial(1000, 0.4)", lambda g: g.binomial(1000, 0.4, n)),
        ("negative_binomial(5, 0.3)", lambda g: g.negative_binomial(5, 0.3, n)),
        ("choice(1000, n)", lambda g: g.choice(1000, n)),
        ("choice(5, n, p=...)", lambda g: g.choice(5, n, p=p5)),
        ("choice(n, n/10, replace=False)", lambda g: g.choice(n, n // 10, replace=False)),
        ("permutation(n)", lambda g: g.permutation(n)),
        ("shuffle(arange(n))",
         lambda g: g.shuffle(arr_cb if isinstance(g, cbrng.Generator) else arr_pcg)),
    ]
    print(f"\ncbrng.Generator's frozen methods vs Generator(PCG64), {n} variates, "
          f"best of {repeat}")
    print(f"| {'method':32s} | {'cbrng ms':>9s} | {'PCG64 ms':>9s} | {'speed-up':>8s} |")
    print(f"|{'-' * 34}|{'-' * 11}|{'-' * 11}|{'-' * 10}|")
    for label, f in cases:
        t_pcg = best(lambda: f(pcg), repeat)
        t_cb = best(lambda: f(cbg), repeat)
        print(f"| {label:32s} | {t_cb * 1e3:9.1f} | {t_pcg * 1e3:9.1f} | {t_pcg / t_cb:7.2f}x |")


if __name__ == "__main__":
    main()
