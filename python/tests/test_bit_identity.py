"""Words, doubles, normals, exponentials and integers equal the C++ streams.

Golden values come from the C++ tests' own tables (tests/support/golden_streams.hpp,
tests/support/golden_distributions.hpp, parsed here, never copied) and from the C++
helper python/tests/reference.cpp (cbrng::fill with the C++ distributions).
"""
import re

import numpy as np
import pytest

import cbrng


def bits(a):
    return [int(x) for x in np.asarray(a, dtype=np.float64).view(np.uint64)]


def parse_golden_streams(root):
    text = (root / "tests" / "support" / "golden_streams.hpp").read_text()
    pat = re.compile(r'\{"(\w+)",\s*\{(\d+)u, (\d+)u, (\d+)u\},\s*'
                     r'\{(\d+)u, (\d+)u, (\d+)u, (\d+)u\},\s*(\d+)u\}')
    rows = [(m.group(1), tuple(int(m.group(i)) for i in (2, 3, 4)),
             [int(m.group(i)) for i in (5, 6, 7, 8)], int(m.group(9)))
            for m in pat.finditer(text)]
    return rows


def parse_golden_distributions(root):
    text = (root / "tests" / "support" / "golden_distributions.hpp").read_text()
    pat = re.compile(r'\{"([^"]+)",\s*\{((?:\s*0x[0-9a-f]+u,?)+)\}\}')
    return {m.group(1): [int(v.rstrip("u"), 16) for v in re.findall(r"0x[0-9a-f]+u", m.group(2))]
            for m in pat.finditer(text)}


def test_golden_streams_every_generator(root):
    rows = parse_golden_streams(root)
    assert {r[0] for r in rows} == set(cbrng.generators)
    assert len(rows) == 18
    for name, (seed, process, task), first, at_1000 in rows:
        s = cbrng.Stream(seed, process, task, name)
        assert [int(w) for w in s.words(4)] == first, name
        s.position = 1000
        assert int(s.words()) == at_1000, name
        # the same words through numpy's Generator: full-range integers are the raw
        # next_uint32 (32-bit words) / next_uint64 (64-bit words) draws
        g = np.random.Generator(cbrng.Stream(seed, process, task, name))
        if s.word_bits == 32:
            got = g.integers(0, 2**32, size=4, dtype=np.uint32)
        else:
            got = g.integers(0, 2**64, size=4, dtype=np.uint64)
        assert [int(w) for w in got] == first, name


def test_golden_distributions_philox4x32_42(root):
    # cbrng::philox4x32 seeded with 42 is stream {42, 0, 0} word for word, so the
    # C++ distribution tests' philox4x32(42) cases are the Stream(42)'s.
    gold = parse_golden_distributions(root)
    used = 0
    for name, values in gold.items():
        if not name.endswith(" philox4x32(42)"):
            continue
        m = re.match(r"(\w+)<(\w+)>\(([^)]*)\)", name)
        if m is None:  # bernoulli(p): not offered in Python
            continue
        dist, typ, params = m.group(1), m.group(2), m.group(3)
        s = cbrng.Stream(42)
        n = len(values)
        if dist == "uniform_real" and typ == "double":
            a, b = (float(x) for x in params.split(","))
            got = bits(s.uniform(a, b, n))
        elif dist == "normal" and typ == "double":
            mean, sd = (float(x) for x in params.split(",")) if params else (0.0, 1.0)
            got = bits(s.normal(mean, sd, n))
        elif dist == "exponential" and typ == "double":
            lam = float(params) if params else 1.0
            assert 1.0 / (1.0 / lam) == lam  # Stream.exponential(scale) uses rate 1 / scale
            got = bits(s.exponential(1.0 / lam, n))
        elif dist == "uniform_int" and typ == "int64_t":
            lo, hi = (int(eval(x.replace("^", "**"))) for x in params.split(","))
            got = [int(v) & (2**64 - 1) for v in s.integers(lo, hi, n, endpoint=True)]
        else:
            continue
        assert got == values, name
        used += 1
    assert used >= 5, "expected the philox4x32(42) double / int64 cases in the golden table"


@pytest.mark.parametrize("name", cbrng.generators)
def test_reference_every_generator(reference, name):
    ids = [k for k in reference if k[0] == name]
    assert len(ids) == 3
    for key in ids:
        ref = reference[key]
        _, seed, process, task = key
        mk = lambda: cbrng.Stream(seed, process, task, name)  # noqa: E731
        s = mk()
        assert [int(w) for w in s.words(40)] == ref["words"]
        s.position = 1000
        assert int(s.words()) == ref["at1000"][0]
        n = len(ref["uniform01"])
        assert bits(mk().random(n)) == ref["uniform01"]
        # numpy's Generator.random is next_double: the same doubles
        assert bits(np.random.Generator(mk()).random(n)) == ref["uniform01"]
        assert bits(mk().uniform(-1.0, 1.0, n)) == ref["uniform_m1_1"]
        assert bits(mk().normal(size=n)) == ref["normal"]
        assert bits(mk().standard_normal(n)) == ref["normal"]
        assert bits(mk().normal(10.0, 2.0, n)) == ref["normal_10_2"]
        assert bits(mk().exponential(0.5, n)) == ref["exponential_2"]
        assert [int(v) for v in mk().integers(-1000, 1001, n)] == ref["integers"]


@pytest.mark.parametrize("name", cbrng.generators)
def test_word_mapping(name):
    """next_uint64 / next_uint32 / next_double as documented, position for position."""
    s = cbrng.Stream(7, 1, 3, name)
    w = [int(x) for x in s.words(64)]
    if s.word_bits == 32:
        u64 = [w[2 * i] | (w[2 * i + 1] << 32) for i in range(32)]
        u32 = w
    else:
        u64 = w
        u32 = [h for x in w for h in (x & 0xFFFFFFFF, x >> 32)]  # both halves, low first
    g = np.random.Generator(cbrng.Stream(7, 1, 3, name))
    assert [int(x) for x in g.integers(0, 2**64, size=32, dtype=np.uint64)] == u64[:32]
    g = np.random.Generator(cbrng.Stream(7, 1, 3, name))
    assert [int(x) for x in g.integers(0, 2**32, size=32, dtype=np.uint32)] == u32[:32]
    g = np.random.Generator(cbrng.Stream(7, 1, 3, name))
    want = [float(x >> 11) * 2.0**-53 for x in u64[:16]]
    assert g.random(16).tolist() == want
    assert g.bit_generator.position == (32 if s.word_bits == 32 else 16)


@pytest.mark.parametrize("n", [0, 1, 3, 7, 8, 9, 63, 64, 65, 1000, 4099])
def test_bulk_lengths_and_resume(n):
    """Bulk calls of any length continue the stream exactly (SIMD fill vs scalar)."""
    for name in ("philox4x32_10", "threefry4x64_20", "philox2x64_10"):
        a = cbrng.Stream(3, 0, 9, name)
        a.words(5)
        x = np.concatenate([a.random(n), a.random(3)])
        b = cbrng.Stream(3, 0, 9, name)
        b.words(5)
        g = np.random.Generator(b)
        assert x.tolist() == g.random(n + 3).tolist()
        assert a.position == b.position
