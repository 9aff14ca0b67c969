"""cbrng.Generator's frozen methods: bit identity with C++ and numpy's calling conventions.

Two C++ sources, never copied numbers:
- tests/support/golden_distributions.hpp, parsed here: its philox4x32(42) cases are the
  stream (42, 0, 0) of philox4x32_10 (the C++26 engine seeded with 42 and that
  stream give the same words), so cbrng.generator(42) must reproduce them;
- python/tests/reference.cpp run with the argument "frozen": every frozen method's
  regimes on all six generators, through cbrng::fill (scalar parameters) and the
  per-variate loop (array parameters).
"""
import os
import pickle
import re
import subprocess

import numpy as np
import pytest

import cbrng
from conftest import _reference_binary

N = 40  # variates per reference case


# ------------------------------------------------------------------ C++ values

@pytest.fixture(scope="session")
def golden(root):
    text = (root / "tests" / "support" / "golden_distributions.hpp").read_text()
    cases = {}
    for name, body in re.findall(r'\{"([^"]+)",\s*\{([^}]*)\}\}', text):
        cases[name] = [int(v.rstrip("u"), 16) for v in re.findall(r"0x[0-9a-fA-F]+u", body)]
    assert len(cases) > 60
    return cases


@pytest.fixture(scope="session")
def frozen_reference(tmp_path_factory):
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    text = subprocess.run([_reference_binary(tmp_path_factory), "frozen"], check=True,
                          capture_output=True, text=True, env=env).stdout
    table = {}
    for line in text.splitlines():
        f = line.split()
        assert f[0] == "frozen"
        table[(f[1], int(f[2]), int(f[3]), int(f[4]), f[5])] = [int(v, 16) for v in f[6:]]
    assert len(table) == 6 * 40
    return table


def bits(x):
    """The C++ helpers' encoding: IEEE bits of floats, 64-bit two's complement of integers."""
    a = np.asarray(x)
    if a.dtype == np.float64:
        return [int(v) for v in a.view(np.uint64).ravel()]
    if a.dtype == np.float32:
        return [int(v) for v in a.view(np.uint32).ravel()]
    if a.dtype == np.uint64:
        return [int(v) for v in a.ravel()]
    return [int(v) for v in a.astype(np.int64).view(np.uint64).ravel()]


# ------------------------------------------------------------------ golden values

# golden case name -> (seed, the call on cbrng.generator(seed), 16 values)
GOLDEN = {
    "uniform_int<int>(1,6) philox4x32(42)": (42, lambda g: g.integers(1, 7, 16, np.int32)),
    "uniform_int<int64_t>(-10^12,10^12) philox4x32(42)":
        (42, lambda g: g.integers(-10**12, 10**12, 16, endpoint=True)),
    "uniform_int<uint32_t>(0,3*2^30-1) philox4x32(7)":
        (7, lambda g: g.integers(0, 3 * 2**30, 16, np.uint32)),
    "uniform_int<int8_t>(-128,127) philox4x32(42)": (42, lambda g: g.integers(-128, 128, 16, np.int8)),
    "uniform_int<uint64_t>(0,2^64-1) philox4x32(42)":
        (42, lambda g: g.integers(0, 2**64, 16, np.uint64)),
    "uniform_real<double>(-1,1) philox4x32(42)": (42, lambda g: g.uniform(-1, 1, 16)),
    "uniform_real<float>(0,1) philox4x32(42)": (42, lambda g: g.random(16, np.float32)),
    "normal<double>(0,1) philox4x32(42)": (42, lambda g: g.standard_normal(16)),
    "normal<double>(10,3) philox4x32(42)": (42, lambda g: g.normal(10, 3, 16)),
    "normal<float>(0,1) philox4x32(42)": (42, lambda g: g.standard_normal(16, np.float32)),
    "exponential<double>(1.5) philox4x32(42)": (42, lambda g: g.exponential(1 / 1.5, 16)),
    "extreme_value<double>(0,1) philox4x32(42)": (42, lambda g: g.gumbel(size=16)),
    "cauchy<double>(0,1) philox4x32(42)": (42, lambda g: g.standard_cauchy(16)),
    "lognormal<double>(0,1) philox4x32(42)": (42, lambda g: g.lognormal(size=16)),
    "geometric<int>(0.3) philox4x32(42)": (42, lambda g: g.geometric(0.3, 16) - 1),
    "gamma<double>(0.5,1) philox4x32(42)": (42, lambda g: g.gamma(0.5, size=16)),
    "gamma<double>(2,1) philox4x32(42)": (42, lambda g: g.standard_gamma(2.0, 16)),
    "gamma<float>(0.5,1) philox4x32(42)": (42, lambda g: g.standard_gamma(0.5, 16, np.float32)),
    "chi_squared<double>(0.5) philox4x32(42)": (42, lambda g: g.chisquare(0.5, 16)),
    "student_t<double>(0.8) philox4x32(42)": (42, lambda g: g.standard_t(0.8, 16)),
    "student_t<double>(1000) philox4x32(42)": (42, lambda g: g.standard_t(1000, 16)),
    "fisher_f<double>(1,1) philox4x32(42)": (42, lambda g: g.f(1, 1, 16)),
    "beta<double>(0.5,0.5) philox4x32(42)": (42, lambda g: g.beta(0.5, 0.5, 16)),
    "beta<double>(0.2,5) philox4x32(42)": (42, lambda g: g.beta(0.2, 5, 16)),
    "poisson<int>(3) philox4x32(42)": (42, lambda g: g.poisson(3, 16)),
    "poisson<int>(10) philox4x32(42)": (42, lambda g: g.poisson(10, 16)),
    "poisson<int64_t>(1e9) philox4x32(42)": (42, lambda g: g.poisson(1e9, 16)),
    "binomial<int>(10,0.3) philox4x32(42)": (42, lambda g: g.binomial(10, 0.3, 16)),
    "binomial<int>(100,0.3) philox4x32(42)": (42, lambda g: g.binomial(100, 0.3, 16)),
    "binomial<int64_t>(10^6,0.5) philox4x32(42)": (42, lambda g: g.binomial(10**6, 0.5, 16)),
    "negative_binomial<int>(3,0.25) philox4x32(42)":
        (42, lambda g: g.negative_binomial(3, 0.25, 16)),
    "shuffle(0..15) philox4x32(42)": (42, lambda g: g.permutation(16)),
    "sample(16 of 0..999, forward) philox4x32(42)":
        (42, lambda g: g.choice(1000, 16, replace=False, shuffle=False)),
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_values(golden, name):
    seed, call = GOLDEN[name]
    got = call(cbrng.generator(seed))
    want = golden[name]
    if isinstance(got, np.ndarray) and got.dtype.kind in "iu" and got.dtype.itemsize < 8:
        got = got.astype(np.int64)
    assert bits(got) == want


# ------------------------------------------------------------------ every generator, every regime

F32 = np.float32
REFERENCE_CASES = {
    "uniform": lambda g, out: g.uniform(-2.0, 3.0, N),
    "random_f32": lambda g, out: g.random(dtype=F32, out=out(F32)),
    "normal": lambda g, out: g.normal(1.5, 2.0, N),
    "standard_normal_f32": lambda g, out: g.standard_normal(dtype=F32, out=out(F32)),
    "exponential": lambda g, out: g.exponential(0.5, N),
    "standard_exponential_f32": lambda g, out: g.standard_exponential(dtype=F32, out=out(F32)),
    "integers": lambda g, out: g.integers(-1000, 1000, N),
    "integers_wide": lambda g, out: g.integers(-5, 3 * 2**30, N, endpoint=True),
    "integers_2p32": lambda g, out: g.integers(7, 7 + 2**32, N),
    "integers_2p33": lambda g, out: g.integers(0, 2**33, N, endpoint=True),
    "integers_u8": lambda g, out: g.integers(0, 199, N, np.uint8, endpoint=True),
    "gamma_lt1": lambda g, out: g.gamma(0.3, 2.0, N),
    "gamma_eq1": lambda g, out: g.gamma(1.0, size=N),
    "gamma_gt1": lambda g, out: g.gamma(4.5, 0.5, N),
    "standard_gamma_f32": lambda g, out: g.standard_gamma(0.5, dtype=F32, out=out(F32)),
    "beta_small": lambda g, out: g.beta(0.5, 2.0, N),
    "beta_large": lambda g, out: g.beta(3.0, 4.0, N),
    "chisquare": lambda g, out: g.chisquare(3.0, N),
    "standard_t": lambda g, out: g.standard_t(5.0, N),
    "f": lambda g, out: g.f(3.0, 7.0, N),
    "standard_cauchy": lambda g, out: g.standard_cauchy(N),
    "lognormal": lambda g, out: g.lognormal(0.5, 0.25, N),
    "weibull": lambda g, out: g.weibull(1.5, N),
    "gumbel": lambda g, out: g.gumbel(1.0, 2.0, N),
    "geometric_failures": lambda g, out: g.geometric(0.2, N) - 1,
    "poisson_small": lambda g, out: g.poisson(3.5, N),
    "poisson_large": lambda g, out: g.poisson(250.0, N),
    "binomial_inversion": lambda g, out: g.binomial(20, 0.2, N),
    "binomial_btrd": lambda g, out: g.binomial(1000, 0.4, N),
    "negative_binomial": lambda g, out: g.negative_binomial(5, 0.3, N),
    "choice_p": lambda g, out: g.choice(5, N, p=[0.1, 0.2, 0.3, 0.0, 0.4]),
    "choice": lambda g, out: g.choice(1000, N),
    "permutation": lambda g, out: g.permutation(N),
    "choice_noreplace_ordered": lambda g, out: g.choice(1000, N, replace=False, shuffle=False),
    "choice_noreplace": lambda g, out: g.choice(1000, N, replace=False),
    # array parameters: the per-variate loop
    "gamma_loop": lambda g, out: g.gamma(np.resize([0.3, 1.0, 2.5, 7.0], N), 1.5),
    "poisson_loop": lambda g, out: g.poisson(np.resize([0.5, 5.0, 50.0, 5000.0], N)),
    "binomial_loop": lambda g, out: g.binomial(np.resize([5, 50, 5000], N), 0.3),
    "integers_loop": lambda g, out: g.integers(-np.arange(N), 100),
    "normal_loop": lambda g, out: g.normal(np.arange(N, dtype=float), 0.5),
}


@pytest.mark.parametrize("gen", cbrng.generators)
def test_every_method_matches_cpp(frozen_reference, gen):
    assert {k[4] for k in frozen_reference} == set(REFERENCE_CASES)
    for case, call in REFERENCE_CASES.items():
        g = cbrng.generator(42, 1, 2, gen)
        got = call(g, lambda dt: np.empty(N, dtype=dt))
        assert bits(got) == frozen_reference[(gen, 42, 1, 2, case)], case


def test_broadcast_shapes_and_scalar_params_agree(frozen_reference):
    # A 2-D broadcast call writes, in C order, the loop over the broadcast parameters.
    g = cbrng.generator(42, 1, 2)
    shapes = np.resize([0.3, 1.0, 2.5, 7.0], N).reshape(10, 4)
    got = g.gamma(shapes, np.full((1, 4), 1.5))
    assert got.shape == (10, 4)
    assert bits(got) == frozen_reference[("philox4x32_10", 42, 1, 2, "gamma_loop")]
    # size= with broadcastable parameters
    g = cbrng.generator(42, 1, 2)
    got = g.normal(np.arange(4, dtype=float)[None, :] + 4 * np.arange(10)[:, None], 0.5,
                   size=(10, 4))
    assert bits(got) == frozen_reference[("philox4x32_10", 42, 1, 2, "normal_loop")]
    # scalar parameters with a shape: the fill, laid out in C order
    g = cbrng.generator(42, 1, 2)
    assert bits(g.gamma(0.3, 2.0, size=(5, 8))) == \
        frozen_reference[("philox4x32_10", 42, 1, 2, "gamma_lt1")]
    with pytest.raises(ValueError, match="shape mismatch"):
        g.normal(np.zeros(3), 1.0, size=(4,))


def test_runs_of_equal_parameters_equal_scalar_fills():
    # Array parameters with runs of equal values (a broadcast row) give what
    # successive scalar calls give (those run cbrng::fill).
    lams = [0.5, 5.0, 50.0, 5000.0]
    g, h = cbrng.generator(6, 1, 1), cbrng.generator(6, 1, 1)
    got = g.poisson(np.array(lams)[:, None], size=(4, 10))
    want = np.concatenate([h.poisson(lam, 10) for lam in lams])
    assert bits(got) == bits(want)
    assert g.bit_generator.position == h.bit_generator.position
    shapes, scales = np.repeat([0.3, 1.0, 4.0], 7), np.tile([1.0, 1.0, 2.0], 7)
    got = g.gamma(shapes, scales)
    want = np.array([h.gamma(a, b) for a, b in zip(shapes, scales)])
    assert bits(got) == bits(want)


# ------------------------------------------------------------------ positions and scalars

def test_position_continues_and_size_none_draws_one():
    g, h = cbrng.generator(7, 0, 3), cbrng.generator(7, 0, 3)
    first = [g.gamma(2.0) for _ in range(5)]
    assert all(isinstance(x, float) for x in first)
    assert bits(np.array(first)) == bits(h.gamma(2.0, size=5))
    assert g.bit_generator.position == h.bit_generator.position
    assert isinstance(g.poisson(3.0), int)
    assert isinstance(g.integers(10), np.int64)
    assert isinstance(g.integers(10, dtype=np.uint8), np.uint8)
    assert isinstance(g.choice(5), int)
    assert isinstance(g.random(dtype=np.float32), float)
    # fixed consumption: 2 words per double on a 32-bit-word stream
    g = cbrng.generator(7)
    g.normal(size=10)
    assert g.bit_generator.position == 20
    assert cbrng._core.frozen_words_per_variate("philox4x32_10", "normal", 0.0, 1.0) == 2
    assert cbrng._core.frozen_words_per_variate("philox4x32_10", "normal", 0.0, 1.0,
                                                dtype=np.float32) == 1
    assert cbrng._core.frozen_words_per_variate("philox4x64_10", "normal", 0.0, 1.0) == 1
    assert cbrng._core.frozen_words_per_variate("philox4x32_10", "gamma", 2.0, 1.0) == 0


def test_core_is_stateless_at_explicit_positions():
    whole = np.empty(100)
    end = cbrng._core.frozen_fill("threefry4x64_20", 5, 6, 7, 0, "normal", whole, 0.0, 1.0)
    assert end == 100
    part = np.empty(40)
    assert cbrng._core.frozen_fill("threefry4x64_20", 5, 6, 7, 60, "normal", part, 0.0,
                                   1.0) == 100
    assert bits(part) == bits(whole[60:])
    # numpy integers as ids and positions (what a Dask task may pass); bools refused
    again = np.empty(40)
    assert cbrng._core.frozen_fill("threefry4x64_20", np.uint64(5), np.int32(6), np.int64(7),
                                   np.uint64(60), "normal", again, 0.0, 1.0) == 100
    assert bits(again) == bits(part)
    with pytest.raises(TypeError, match="task must be an int"):
        cbrng._core.frozen_fill("threefry4x64_20", 5, 6, True, 0, "normal", again, 0.0, 1.0)
    with pytest.raises(ValueError, match="seed must be >= 0"):
        cbrng._core.frozen_fill("threefry4x64_20", -5, 6, 7, 0, "normal", again, 0.0, 1.0)
    g = cbrng.generator(5, 6, 7, "threefry4x64_20")
    g.bit_generator.position = 60
    assert bits(g.normal(size=40)) == bits(whole[60:])


def test_other_methods_stay_numpy():
    g = cbrng.generator(3)
    assert type(g).vonmises is np.random.Generator.vonmises
    assert type(g).bytes is np.random.Generator.bytes
    words = cbrng.Stream(3)
    ref = np.random.Generator(words).vonmises(0.0, 1.0, size=5)
    assert bits(g.vonmises(0.0, 1.0, size=5)) == bits(ref)


# ------------------------------------------------------------------ out=, dtype, shapes

def test_out_is_strict():
    g = cbrng.generator(1)
    out = np.empty((3, 4))
    assert g.random(out=out) is out
    assert g.standard_normal(size=(3, 4), out=out) is out
    with pytest.raises(TypeError, match="out has dtype float32"):
        g.random(out=np.empty(4, dtype=np.float32))
    with pytest.raises(ValueError, match="C-contiguous"):
        g.standard_normal(out=np.empty((4, 4))[:, 0])
    with pytest.raises(ValueError, match="C-contiguous"):
        g.standard_exponential(out=np.empty((4, 4), order="F"))
    ro = np.empty(4)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        g.standard_gamma(2.0, out=ro)
    with pytest.raises(ValueError, match="must match out.shape"):
        g.random(size=5, out=np.empty(4))
    with pytest.raises(TypeError, match="ndarray"):
        g.random(out=[0.0, 0.0])
    # the core itself never copies either
    with pytest.raises(TypeError, match="out must have dtype float64"):
        cbrng._core.frozen_fill("philox4x32_10", 1, 0, 0, 0, "beta", np.empty(2, np.float32),
                                1.0, 1.0)
    with pytest.raises(ValueError, match="out must be C-contiguous"):
        cbrng._core.frozen_fill("philox4x32_10", 1, 0, 0, 0, "beta", np.empty((2, 2))[:, 0],
                                1.0, 1.0)
    # a failed call does not move the stream
    assert g.bit_generator.position == 2 * 24


def test_dtypes_and_shapes():
    g = cbrng.generator(2)
    assert g.random(dtype=np.float32, size=(2, 3)).dtype == np.float32
    assert g.standard_gamma(1.0, size=4, dtype="float32").dtype == np.float32
    with pytest.raises(TypeError, match="unsupported dtype"):
        g.random(dtype=np.int64)
    with pytest.raises(TypeError, match="unsupported dtype"):
        g.integers(0, 5, dtype=np.float64)
    assert g.integers(0, 2, 10, dtype=bool).dtype == np.bool_
    assert g.poisson(3.0, size=(2, 2)).shape == (2, 2)
    assert g.choice(np.arange(12).reshape(4, 3), 2, axis=0).shape == (2, 3)
    assert g.choice(np.arange(12).reshape(4, 3), (2, 2), axis=1).shape == (4, 2, 2)
    assert g.normal(size=0).shape == (0,)
    v = g.integers(0, 2**64, 3, dtype=np.uint64)
    assert v.dtype == np.uint64


def test_integer_bounds_never_wrap():
    g = cbrng.generator(3)
    with pytest.raises(ValueError, match="low"):
        g.integers(0, np.array([0, 3], dtype=np.uint64), dtype=np.uint64)
    with pytest.raises(ValueError, match="low"):
        g.integers(np.array([0, 5]), np.array([10, 5]))
    with pytest.raises(ValueError, match="high"):
        g.integers(0, np.array([2**63], dtype=np.uint64), endpoint=True)
    v = g.integers(np.array([-128, 0]), np.array([127, 0]), endpoint=True, dtype=np.int8)
    assert v.dtype == np.int8 and v[1] == 0
    w = g.integers(0, 2**64, 5, dtype=np.uint64)
    assert w.dtype == np.uint64
    with pytest.raises(TypeError, match="low"):
        g.integers("3", 5)
    with pytest.raises(ValueError, match="high"):
        g.integers(0, 2.5)


def test_permutation_and_shuffle_apply_the_same_swaps():
    ref = cbrng.generator(9).permutation(10)
    x = np.arange(30).reshape(10, 3)
    assert (cbrng.generator(9).permutation(x) == x[ref]).all()
    assert (cbrng.generator(9).permutation(x.T, axis=1) == x.T[:, ref]).all()
    y = x.copy()
    assert cbrng.generator(9).shuffle(y) is None
    assert (y == x[ref]).all()
    for dt in (np.float64, np.int64, np.int32, np.float32, np.uint16):  # in place / gathered
        z = np.arange(10, dtype=dt) * 3
        cbrng.generator(9).shuffle(z)
        assert (z == (np.arange(10, dtype=dt) * 3)[ref]).all()
    z = np.arange(20.0)[::2]  # not contiguous: gathered, same result
    cbrng.generator(9).shuffle(z)
    assert (z == np.arange(20.0)[::2][ref]).all()
    items = list("abcdefghij")
    cbrng.generator(9).shuffle(items)
    assert items == [list("abcdefghij")[i] for i in ref]


def test_choice_with_population():
    g, h = cbrng.generator(4), cbrng.generator(4)
    a = np.array([10.0, 20.0, 30.0])
    assert (g.choice(a, 8) == a[h.choice(3, 8)]).all()
    with pytest.raises(NotImplementedError, match="replace=False with p"):
        g.choice(3, 2, replace=False, p=[0.2, 0.3, 0.5])
    with pytest.raises(ValueError, match="larger sample"):
        g.choice(3, 4, replace=False)
    with pytest.raises(ValueError, match="do not sum to 1"):
        g.choice(3, p=[0.2, 0.3, 0.6])
    with pytest.raises(ValueError, match="same size"):
        g.choice(3, p=[0.5, 0.5])


# ------------------------------------------------------------------ parameter errors

@pytest.mark.parametrize("call, name", [
    (lambda g: g.uniform(2.0, 1.0), "low"),
    (lambda g: g.uniform(0.0, np.inf), "high"),
    (lambda g: g.normal(0.0, -1.0), "scale"),
    (lambda g: g.normal(np.nan, 1.0), "loc"),
    (lambda g: g.exponential(0.0), "scale"),
    (lambda g: g.gamma(-1.0), "shape"),
    (lambda g: g.gamma(1.0, np.array([1.0, 0.0])), "scale"),
    (lambda g: g.standard_gamma(0.0), "shape"),
    (lambda g: g.beta(0.0, 1.0), "a"),
    (lambda g: g.beta(1.0, -1.0), "b"),
    (lambda g: g.chisquare(0.0), "df"),
    (lambda g: g.standard_t(np.nan), "df"),
    (lambda g: g.f(0.0, 1.0), "dfnum"),
    (lambda g: g.f(1.0, 0.0), "dfden"),
    (lambda g: g.lognormal(0.0, 0.0), "sigma"),
    (lambda g: g.weibull(0.0), "a"),
    (lambda g: g.gumbel(0.0, -2.0), "scale"),
    (lambda g: g.geometric(0.0), "p"),
    (lambda g: g.geometric(1.5), "p"),
    (lambda g: g.poisson(-1.0), "lam"),
    (lambda g: g.poisson(2.0**41), "lam"),
    (lambda g: g.binomial(-1, 0.5), "n"),
    (lambda g: g.binomial(10, 1.5), "p"),
    (lambda g: g.binomial(10.5, 0.5), "n"),
    (lambda g: g.negative_binomial(2.5, 0.5), "n"),
    (lambda g: g.negative_binomial(0, 0.5), "n"),
    (lambda g: g.negative_binomial(3, 0.0), "p"),
    (lambda g: g.integers(5, 5), "low"),
    (lambda g: g.integers(-1, 10, dtype=np.uint8), "low"),
    (lambda g: g.integers(0, 300, dtype=np.uint8), "high"),
])
def test_parameter_errors_name_the_parameter(call, name):
    g = cbrng.generator(1)
    with pytest.raises(ValueError, match=rf"\b{name}\b"):
        call(g)
    assert g.bit_generator.position == 0


def test_core_keeps_cpp_messages_and_stream_errors():
    with pytest.raises(ValueError, match=r"cbrng::gamma_distribution: alpha must be > 0"):
        cbrng._core.frozen_fill("philox4x32_10", 1, 0, 0, 0, "gamma", np.empty(2), -1.0, 1.0)
    with pytest.raises(ValueError, match="process id"):
        cbrng._core.frozen_fill("philox4x32_10", 1, 2**32, 0, 0, "normal", np.empty(2), 0.0, 1.0)
    with pytest.raises(ValueError, match="unknown generator"):
        cbrng._core.frozen_fill("mt19937", 1, 0, 0, 0, "normal", np.empty(2), 0.0, 1.0)
    with pytest.raises(ValueError, match="unknown method"):
        cbrng._core.frozen_fill("philox4x32_10", 1, 0, 0, 0, "zipf", np.empty(2), 2.0)
    cap = cbrng.Stream(1).capacity
    with pytest.raises(IndexError):
        cbrng._core.frozen_fill("philox4x32_10", 1, 0, 0, cap - 2, "normal", np.empty(2), 0.0,
                                1.0)
    with pytest.raises(IndexError):
        cbrng._core.frozen_fill("philox4x32_10", 1, 0, 0, cap + 1, "normal", np.empty(0), 0.0,
                                1.0)


# ------------------------------------------------------------------ construction and pickling

def _stream_takes_numpy_ids():
    try:
        cbrng.Stream(np.uint64(5))
    except TypeError:
        return False
    return True


def test_generator_construction():
    if _stream_takes_numpy_ids():  # the Stream constructor parses ids; generator passes them on
        g = cbrng.generator(np.uint64(5), np.int32(1), np.int64(2), "threefry2x64_20")
        assert g.bit_generator.seed == 5
    g = cbrng.generator(5, 1, 2, "threefry2x64_20")
    assert isinstance(g, cbrng.Generator) and isinstance(g, np.random.Generator)
    s = g.bit_generator
    assert (s.seed, s.process, s.task, s.generator) == (5, 1, 2, "threefry2x64_20")
    with pytest.warns(DeprecationWarning, match="bit_generator"):
        h = cbrng.generator(5, 1, 2, bit_generator="threefry2x64_20")
    assert h.bit_generator.generator == "threefry2x64_20"
    with pytest.raises(TypeError, match="not both"):
        cbrng.generator(5, 1, 2, "philox4x32_10", bit_generator="philox4x32_10")
    with pytest.raises(TypeError, match="cbrng.Stream"):
        cbrng.Generator(np.random.PCG64(1))


def test_pickle_round_trip_keeps_type_and_position():
    g = cbrng.generator(11, 2, 3, "philox4x64_10")
    g.gamma(2.0, size=17)
    h = pickle.loads(pickle.dumps(g))
    assert type(h) is cbrng.Generator
    assert h.bit_generator.position == g.bit_generator.position
    assert (h.bit_generator.seed, h.bit_generator.process, h.bit_generator.task) == (11, 2, 3)
    assert bits(h.beta(2.0, 3.0, size=9)) == bits(g.beta(2.0, 3.0, size=9))


def test_geometric_counts_trials_and_refuses_saturated_results():
    g = cbrng.generator(3)
    x = g.geometric(0.2, size=1000)
    assert x.dtype == np.int64 and x.min() >= 1
    one = g.geometric(0.5)
    assert isinstance(one, int) and one >= 1
    for size in (None, 10):
        with pytest.raises(OverflowError, match="exceeds int64"):
            g.geometric(1e-30, size=size)
