"""How far below its reserved words a block of cbrng.dask's block layout stays.

    PYTHONPATH=<build>/python/pkg /usr/bin/python3 benchmarks/dask_block_margin.py [variates]

For the variable-consumption methods at their most word-hungry parameters, draws
`variates` single variates from philox4x32_10 (32-bit words: a 64-bit draw is two
words) and records the words each used. Prints the mean and largest per-variate
consumption, the mean per block of BLOCK variates against the W reserved, and a
Chernoff bound on the chance that one block runs past W:
P(sum of BLOCK variates > W) <= min over t of exp(-t W) * M(t)^BLOCK, with M(t) the
empirical mean of exp(t X) (an estimate: it sees only the tail the sample saw).
"""
import math
import sys

import numpy as np

import cbrng
import cbrng.dask as cd

CASES = [
    ("integers", (0, 2**31 + 1), "Lemire's rejection near 1/2"),
    ("gamma", (0.05, 1.0), "boosted shape < 1"),
    ("gamma", (1.0, 1.0), ""),
    ("beta", (0.05, 0.05), "two boosted gammas"),
    ("f", (0.1, 0.1), "two boosted gammas"),
    ("standard_t", (0.1,), "normal + boosted gamma"),
    ("chisquare", (0.1,), "boosted gamma"),
    ("poisson", (10.0,), "PTRS at its worst mean"),
    ("binomial", (20, 0.5), "BTRD near its threshold"),
    ("negative_binomial", (1, 0.5), "gamma + poisson"),
    ("negative_binomial", (1, 0.01), "gamma + poisson (PTRS)"),
]


def per_variate_words(method, args, n):
    g = cbrng.generator(1, 2, 3)
    s = g.bit_generator
    draw = getattr(g, method)
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        p = s.position
        draw(*args, size=1)
        out[i] = s.position - p
    return out


def chernoff_log10(x, B, W):
    best = 0.0
    for t in np.linspace(0.005, 2.0, 400):
        with np.errstate(over="ignore"):
            m = np.mean(np.exp(t * x))
        if not np.isfinite(m):
            break
        best = min(best, (-t * W + B * math.log(m)) / math.log(10))
    return best


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    B, W = cd.BLOCK, cd.block_words("philox4x32_10")
    print(f"philox4x32_10, BLOCK = {B}, W = {W} words; {n} variates per case")
    print("| method(params) | mean words/variate | max | mean words/block | % of W "
          "| log10 P(block > W) |")
    print("|---|---|---|---|---|---|")
    for method, args, _ in CASES:
        x = per_variate_words(method, args, n)
        print(f"| {method}{args} | {x.mean():.3f} | {x.max()} | {x.mean() * B:.0f} | "
              f"{100 * x.mean() * B / W:.1f}% | {chernoff_log10(x, B, W):.0f} |")


if __name__ == "__main__":
    main()
