#!/usr/bin/env python3
"""Generates include/cbrng/detail/ziggurat_tables.hpp: the layer tables of the
256-layer ziggurats (G. Marsaglia and W. W. Tsang, "The Ziggurat Method for
Generating Random Variables", Journal of Statistical Software 5(8), 2000) for
the standard normal and the standard exponential, used inside the rejection
samplers (gamma and its family). The tables are frozen data: regenerating them
must reproduce the committed header byte for byte (tests check the header's
invariants; this script is the record of how the numbers were made).

Layout, for f(x) = exp(-x^2 / 2) (normal) or exp(-x) (exponential), N = 256:
  x[1] = r > x[2] > ... > x[N] = 0, every layer the same area v:
    layer 0 (base): [0, r] x [0, f(r)] plus the tail beyond r, area
      v = r f(r) + integral_r^inf f; its virtual width x[0] = v / f(r);
    layer i >= 1: [0, x[i]] x [f(x[i]), f(x[i+1])], area x[i] (f(x[i+1]) - f(x[i])) = v.
  r is the root (50-digit arithmetic, bisection) of the recursion
  f(x[i+1]) = f(x[i]) + v / x[i] reaching f = 1 exactly at i = N.
Emitted, each double correctly rounded from the 50-digit values:
Emitted as arrays ziggurat_<name>_w/_k/_f and a struct with accessors:
  w[i] = x[i] * 2^-53 (i = 0..N-1): the multiplier of a 53-bit integer j;
  k[i] = floor(2^53 x[i+1] / x[i]) computed from the emitted doubles, so that
         j < k[i] exactly when j w[i] < x[i+1] (the fast acceptance);
  f[i] = f(x[i]) (i = 0..N; f[0] = f(r) for the base layer, f[N] = 1);
  r and 1 / r.
Requires mpmath (Debian: python3-mpmath). Usage:
  python3 tools/gen_ziggurat.py | clang-format --assume-filename=t.hpp \
    > include/cbrng/detail/ziggurat_tables.hpp
"""
from fractions import Fraction

import mpmath as mp

mp.mp.dps = 50
N = 256


def layers(f, finv, tail, lo, hi):
    def build(r):
        v = r * f(r) + tail(r)
        x = [v / f(r), r]
        for _ in range(2, N):
            y = f(x[-1]) + v / x[-1]
            if y >= 1:
                return None, v
            x.append(finv(y))
        return x, v

    def excess(r):  # > 0 when r is too small (the layers overshoot f = 1)
        x, v = build(r)
        if x is None:
            return mp.mpf(1)
        return f(x[-1]) + v / x[-1] - 1

    for _ in range(400):
        mid = (lo + hi) / 2
        if excess(mid) > 0:
            lo = mid
        else:
            hi = mid
    r = hi
    x, v = build(r)
    x.append(mp.mpf(0))
    return r, v, x


def hexd(x):
    return float(x).hex()


def emit(name, title, r, v, x, f):
    xd = [float(t) for t in x]
    w = [t * 2.0**-53 for t in xd[:N]]
    k = [int(Fraction(2**53) * Fraction(xd[i + 1]) / Fraction(xd[i])) for i in range(N)]
    fd = [f(r)] + [f(t) for t in x[1:N]] + [mp.mpf(1)]
    out = []
    out.append(f"// {title}:")
    out.append(f"// r = {mp.nstr(r, 20)}, layer area v = {mp.nstr(v, 20)}.")
    out.append("")
    out.append("/// x[i] * 2^-53, i = 0..255 (x[0]: the base layer's virtual width).")
    out.append(f"CBRNG_ZIGGURAT_TABLE constexpr double {name}_w[256] = {{")
    out += [f"    {', '.join(hexd(t) for t in w[i:i + 4])}," for i in range(0, N, 4)]
    out.append("};")
    out.append("/// floor(2^53 x[i+1] / x[i]): j < k[i] is the fast acceptance.")
    out.append(f"CBRNG_ZIGGURAT_TABLE constexpr std::uint64_t {name}_k[256] = {{")
    out += [f"    {', '.join(f'0x{t:014x}u' for t in k[i:i + 4])}," for i in range(0, N, 4)]
    out.append("};")
    out.append("/// f(x[i]), i = 0..256 (f[0] = f(r), f[256] = 1).")
    out.append(f"CBRNG_ZIGGURAT_TABLE constexpr double {name}_f[257] = {{")
    out += [f"    {', '.join(hexd(t) for t in fd[i:i + 4])}," for i in range(0, N + 1, 4)]
    out.append("};")
    out.append("")
    out.append(f"/// The constants and tables of the {name.split('_')[1]} ziggurat.")
    out.append(f"struct {name} {{")
    out.append(f"    static constexpr double r = {hexd(r)};")
    out.append(f"    static constexpr double inv_r = {hexd(1 / r)};")
    for t, a in (("double", "w"), ("std::uint64_t", "k"), ("double", "f")):
        out.append(f"    [[nodiscard]] CBRNG_HOST_DEVICE static {t} {a}(unsigned i) noexcept {{")
        out.append(f"        return {name}_{a}[i];")
        out.append("    }")
    out.append("};")
    return "\n".join(out)


def main():
    nf = lambda t: mp.exp(-t * t / 2)
    nr, nv, nx = layers(nf, lambda y: mp.sqrt(-2 * mp.log(y)),
                        lambda t: mp.sqrt(mp.pi / 2) * mp.erfc(t / mp.sqrt(2)),
                        mp.mpf(3), mp.mpf(4))
    ef = lambda t: mp.exp(-t)
    er, ev, ex = layers(ef, lambda y: -mp.log(y), lambda t: mp.exp(-t), mp.mpf(7), mp.mpf(8))
    print(HEADER)
    print(emit("ziggurat_normal", "The standard normal, f(x) = exp(-x^2 / 2)", nr, nv, nx, nf))
    print()
    print(emit("ziggurat_exponential", "The standard exponential, f(x) = exp(-x)", er, ev, ex, ef))
    print(FOOTER)


HEADER = """// cbrng/detail/ziggurat_tables.hpp: the layer tables of the 256-layer
// normal and exponential ziggurats (detail/ziggurat.hpp). GENERATED by
// tools/gen_ziggurat.py (50-digit arithmetic, each double correctly rounded);
// do not edit. Frozen data: a change is an OUTPUT CHANGE of every distribution
// that uses the ziggurats (gamma and its family).
#ifndef CBRNG_DETAIL_ZIGGURAT_TABLES_HPP
#define CBRNG_DETAIL_ZIGGURAT_TABLES_HPP

#include <cstdint>

#include "../config.hpp"

// A table readable from host code and, under a CUDA compiler, from device
// code: the device pass reads a __device__ copy (global memory, cached; the
// indices differ between threads, which constant memory would serialise),
// with internal linkage as nvcc's whole-program mode requires.
#if CBRNG_DEVICE_PASS
#define CBRNG_ZIGGURAT_TABLE static __device__
#else
#define CBRNG_ZIGGURAT_TABLE inline
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {
"""

FOOTER = """
}  // namespace detail
CBRNG_NAMESPACE_END

#undef CBRNG_ZIGGURAT_TABLE

#endif  // CBRNG_DETAIL_ZIGGURAT_TABLES_HPP"""

if __name__ == "__main__":
    main()
