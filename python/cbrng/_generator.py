"""cbrng.Generator: a numpy.random.Generator whose listed methods are cbrng's frozen C++
distributions (docs/python.md, "Frozen Generator methods").

Each frozen method takes the Stream's lock, reads the stream's id and position,
asks the stateless core (``_core.frozen_fill`` and friends, python/src/frozen.cpp)
to write the variates of the C++ distribution from that position, and moves the
stream to the end position the core returns. So ``cbrng.generator(42, 0, 5).gamma(2.0,
1.0, size=1000)`` is, bit for bit, ``cbrng::fill`` of
``gamma_distribution<double>(2.0, 1.0)`` over ``stream<>{stream_id{42, 0, 5}}``, and a
call with array parameters is the C++ loop ``out[i] = dist(p_i...)(stream)``.

Names, parameters, defaults, ``size``, ``dtype`` and ``out=`` are numpy's; the mapping
to the C++ distributions is in ``FROZEN`` (and the table in docs/python.md). Every
method not listed stays numpy's algorithm over the same stream words.
"""

import operator as _operator

import numpy as _np

from . import _core

__all__ = ["Generator", "FROZEN"]

#: numpy method -> (C++ distribution, how numpy's parameters map to it).
FROZEN = {
    "random": ("uniform_real_distribution<double|float>(0, 1)", "dtype float64 or float32"),
    "uniform": ("uniform_real_distribution<double>(low, high)", "low <= high, both finite"),
    "normal": ("normal_distribution<double>(loc, scale)", "scale > 0"),
    "standard_normal": ("normal_distribution<double|float>(0, 1)", ""),
    "exponential": ("exponential_distribution<double>(1 / scale)", "scale > 0"),
    "standard_exponential": ("exponential_distribution<double|float>(1)", "method= ignored"),
    "integers": ("uniform_int_distribution<dtype>(low, high - 1)",
                 "(low, high) with endpoint=True"),
    "gamma": ("gamma_distribution<double>(shape, scale)", ""),
    "standard_gamma": ("gamma_distribution<double|float>(shape, 1)", ""),
    "beta": ("beta_distribution<double>(a, b)", ""),
    "chisquare": ("chi_squared_distribution<double>(df)", ""),
    "standard_t": ("student_t_distribution<double>(df)", ""),
    "f": ("fisher_f_distribution<double>(dfnum, dfden)", ""),
    "standard_cauchy": ("cauchy_distribution<double>(0, 1)", ""),
    "lognormal": ("lognormal_distribution<double>(mean, sigma)", ""),
    "weibull": ("weibull_distribution<double>(a, 1)", "numpy's weibull has scale 1"),
    "gumbel": ("extreme_value_distribution<double>(loc, scale)", ""),
    "geometric": ("geometric_distribution<int64_t>(p) + 1", "numpy counts trials, std:: failures"),
    "poisson": ("poisson_distribution<int64_t>(lam)", "0 < lam <= 2^40"),
    "binomial": ("binomial_distribution<int64_t>(n, p)", "0 <= n <= 2^40"),
    "negative_binomial": ("negative_binomial_distribution<int64_t>(n, p)",
                          "n an integer >= 1 (numpy allows real n > 0)"),
    "choice": ("uniform_int / discrete_distribution / cbrng::sample (+ cbrng::shuffle)", ""),
    "permutation": ("cbrng::shuffle of 0..n-1", ""),
    "shuffle": ("cbrng::shuffle of 0..n-1, applied along axis", ""),
}

_INT64 = _np.dtype(_np.int64)
_FLOAT64 = _np.dtype(_np.float64)
_FLOAT32 = _np.dtype(_np.float32)
_MAX_COUNT = 2.0**40  # poisson's largest mean and binomial's largest n (int64 results)


# ------------------------------------------------------------------ the stream, unlocked

def _raw(stream):
    # The position must be read and set under the lock the frozen call holds,
    # so through the C++ Stream's own accessor (which does not take the lock):
    # the Stream itself when it is a _core.Stream, else the _core.Stream it wraps.
    # (A Stream type that neither is nor wraps a _core.Stream would need its
    # own unlocked accessor here.)
    core = getattr(stream, "_core", None)
    return core if isinstance(core, _core.Stream) else stream


def _get_position(stream):
    return _core.Stream.position.fget(_raw(stream))


def _set_position(stream, p):
    _core.Stream.position.fset(_raw(stream), p)


# ------------------------------------------------------------------ argument checks

_AxisError = getattr(_np, "exceptions", _np).AxisError


def _axis(axis, ndim):
    axis = _operator.index(axis)
    if not -ndim <= axis < ndim:
        raise _AxisError(axis, ndim)
    return axis % ndim


def _shape(size):
    if size is None:
        return None
    if isinstance(size, (int, _np.integer)):
        return (_operator.index(size),)
    return tuple(_operator.index(s) for s in size)


def _real(x, method, name):
    """A float64 scalar (Python float) or array, or TypeError naming the parameter."""
    try:
        a = _np.asarray(x, dtype=_FLOAT64)
    except (TypeError, ValueError) as e:
        raise TypeError(f"cbrng: {method}: {name} must be a real number or array of them, "
                        f"got {x!r}") from e
    return float(a) if a.ndim == 0 else a


def _integer(x, method, name, dtype=_INT64):
    """An integer scalar (Python int) or integer array, or TypeError / ValueError naming it."""
    if isinstance(x, (bool, _np.bool_)):
        raise TypeError(f"cbrng: {method}: {name} must be an integer, got {x!r}")
    if isinstance(x, (int, _np.integer)):
        return int(x)
    a = _np.asarray(x)
    if a.ndim == 0:
        if a.dtype.kind in "iu":
            return int(a)
        if a.dtype.kind == "f" and float(a).is_integer():
            return int(a)
        raise (ValueError if a.dtype.kind == "f" else TypeError)(
            f"cbrng: {method}: {name} must be an integer, got {x!r}")
    if a.dtype.kind in "iu":
        return a
    if a.dtype.kind == "f" and _np.all(_np.isfinite(a)) and _np.all(a == _np.floor(a)):
        return a.astype(dtype)
    raise (ValueError if a.dtype.kind == "f" else TypeError)(
        f"cbrng: {method}: {name} must hold integers, got dtype {a.dtype}")


def _show(x):
    if isinstance(x, _np.ndarray):
        return "an array with values outside the range"
    return repr(x)


def _check(ok, x, method, name, rule):
    if not _np.all(ok):
        raise ValueError(f"cbrng: {method}: {name} must be {rule}, got {_show(x)}")


def _positive(x, method, name):
    with _np.errstate(invalid="ignore"):
        _check(_np.isfinite(x) & (_np.asarray(x) > 0), x, method, name, "> 0 and finite")


def _finite(x, method, name):
    _check(_np.isfinite(x), x, method, name, "finite")


def _dtype(dtype, allowed, method):
    try:
        dt = _np.dtype(dtype)
    except TypeError as e:
        raise TypeError(f"cbrng: {method}: unsupported dtype {dtype!r}") from e
    if dt not in allowed:
        raise TypeError(f"cbrng: {method}: unsupported dtype {dt} (cbrng's frozen {method} "
                        f"offers {', '.join(str(a) for a in allowed)})")
    return dt


def _check_out(out, dtype, shape, method):
    if not isinstance(out, _np.ndarray):
        raise TypeError(f"cbrng: {method}: out must be a numpy.ndarray, got {type(out).__name__}")
    if out.dtype != dtype:
        raise TypeError(f"cbrng: {method}: out has dtype {out.dtype}, expected {dtype} "
                        "(never a silently converted copy)")
    if not out.flags.c_contiguous:
        raise ValueError(f"cbrng: {method}: out must be C-contiguous (never a silently "
                         "filled copy)")
    if not out.flags.writeable:
        raise ValueError(f"cbrng: {method}: out is read-only")
    if shape is not None and tuple(out.shape) != shape:
        raise ValueError(f"cbrng: {method}: size {shape} must match out.shape {out.shape} "
                         "when used together")


def _broadcast(method, size, params):
    """The result shape (None: one scalar) from size and the parameters, numpy's rules."""
    shape = _shape(size)
    arrays = [p for p in params if isinstance(p, _np.ndarray)]
    if not arrays:
        return shape
    try:
        pshape = _np.broadcast_shapes(*(a.shape for a in arrays))
    except ValueError as e:
        raise ValueError(f"cbrng: {method}: parameter shapes "
                         f"{[a.shape for a in arrays]} do not broadcast") from e
    if shape is None:
        return pshape
    try:
        ok = _np.broadcast_shapes(shape, pshape) == shape
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(f"cbrng: {method}: shape mismatch: parameters of shape {pshape} "
                         f"cannot be broadcast to size {shape}")
    return shape


def _flat(p, shape, dtype):
    if not isinstance(p, _np.ndarray):
        return p
    return _np.ascontiguousarray(_np.broadcast_to(p.astype(dtype, copy=False), shape)).ravel()


# ------------------------------------------------------------------ the Generator

class Generator(_np.random.Generator):
    """A ``numpy.random.Generator`` over a ``cbrng.Stream`` whose frozen methods (``FROZEN``,
    docs/python.md) are cbrng's C++ distributions, bit-identical to C++ for the same stream
    id and position. Other methods are numpy's. Pickles as a cbrng.Generator at the same
    position. Thread-safety: every method holds the stream's lock."""

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, (_core.Stream,)) and not isinstance(
                getattr(bit_generator, "_core", None), _core.Stream):
            raise TypeError("cbrng.Generator needs a cbrng.Stream, got "
                            f"{type(bit_generator).__name__}")
        super().__init__(bit_generator)

    def __reduce__(self):
        return (_generator_from_stream, (self.bit_generator,))

    def __repr__(self):
        s = self.bit_generator
        return (f"cbrng.Generator(cbrng.Stream(seed={s.seed}, process={s.process}, "
                f"task={s.task}, generator={s.generator!r}))")

    __str__ = __repr__

    # -------------------------------------------------- the core calls

    def _locked(self, call, *args):
        """call(generator, seed, process, task, position, *args) -> end, under the lock."""
        s = self.bit_generator
        with s.lock:
            end = call(s.generator, s.seed, s.process, s.task, _get_position(s), *args)
            _set_position(s, end)

    def _fill(self, method, cpp, dtype, size, params, out=None, param_dtypes=None):
        """Variates of the C++ distribution `cpp` with C++ parameters `params` (scalars
        or arrays, broadcast by numpy's rules against size / out)."""
        shape = _broadcast(method, size, params)
        if out is not None:
            _check_out(out, dtype, shape, method)
            shape = tuple(out.shape)
            # parameters must broadcast to out's shape
            _broadcast(method, shape, params)
            result = out
        else:
            result = _np.empty(1 if shape is None else shape, dtype=dtype)
        if param_dtypes is None:
            param_dtypes = [_FLOAT64] * len(params)
        flat = [_flat(p, result.shape, d) for p, d in zip(params, param_dtypes)]
        self._locked(_core.frozen_fill, cpp, result, *flat)
        if out is not None:
            return out
        if shape is None:
            return result[0].item()
        return result

    # -------------------------------------------------- uniform, normal, exponential

    def random(self, size=None, dtype=_np.float64, out=None):
        """Uniform in [0, 1): C++ ``uniform_real_distribution<double|float>(0, 1)``."""
        dt = _dtype(dtype, (_FLOAT64, _FLOAT32), "random")
        return self._fill("random", "uniform_real", dt, size, (0.0, 1.0), out)

    def uniform(self, low=0.0, high=1.0, size=None):
        """Uniform in [low, high): C++ ``uniform_real_distribution<double>(low, high)``
        (low <= high, both finite; never returns high)."""
        low, high = _real(low, "uniform", "low"), _real(high, "uniform", "high")
        _finite(low, "uniform", "low")
        _finite(high, "uniform", "high")
        if not _np.all(_np.asarray(low) <= _np.asarray(high)):
            raise ValueError("cbrng: uniform: low must be <= high")
        return self._fill("uniform", "uniform_real", _FLOAT64, size, (low, high))

    def normal(self, loc=0.0, scale=1.0, size=None):
        """C++ ``normal_distribution<double>(loc, scale)`` (inversion; scale > 0)."""
        loc, scale = _real(loc, "normal", "loc"), _real(scale, "normal", "scale")
        _finite(loc, "normal", "loc")
        _positive(scale, "normal", "scale")
        return self._fill("normal", "normal", _FLOAT64, size, (loc, scale))

    def standard_normal(self, size=None, dtype=_np.float64, out=None):
        """C++ ``normal_distribution<double|float>(0, 1)``."""
        dt = _dtype(dtype, (_FLOAT64, _FLOAT32), "standard_normal")
        return self._fill("standard_normal", "normal", dt, size, (0.0, 1.0), out)

    def exponential(self, scale=1.0, size=None):
        """Mean `scale`: C++ ``exponential_distribution<double>(1 / scale)`` (scale > 0)."""
        scale = _real(scale, "exponential", "scale")
        _positive(scale, "exponential", "scale")
        lam = 1.0 / scale
        _check(_np.isfinite(lam), scale, "exponential", "scale", "at least 1 / DBL_MAX")
        return self._fill("exponential", "exponential", _FLOAT64, size, (lam,))

    def standard_exponential(self, size=None, dtype=_np.float64, method="zig", out=None):
        """C++ ``exponential_distribution<double|float>(1)``; `method` ('zig' or 'inv') is
        accepted for numpy compatibility and does not change cbrng's algorithm."""
        if method not in ("zig", "inv"):
            raise ValueError(f"cbrng: standard_exponential: method must be 'zig' or 'inv', "
                             f"got {method!r}")
        dt = _dtype(dtype, (_FLOAT64, _FLOAT32), "standard_exponential")
        return self._fill("standard_exponential", "exponential", dt, size, (1.0,), out)

    # -------------------------------------------------- integers

    _INT_DTYPES = tuple(_np.dtype(t) for t in (
        _np.int64, _np.int32, _np.int16, _np.int8, _np.uint64, _np.uint32, _np.uint16, _np.uint8,
        _np.bool_))

    def integers(self, low, high=None, size=None, dtype=_np.int64, endpoint=False):
        """Uniform integers in [low, high) ([low, high] with endpoint=True; [0, low) when
        high is None): C++ ``uniform_int_distribution<T>(low, high - 1)`` for the dtype's T
        (Lemire's method, unbiased); dtype bool draws uint8 in {0, 1}."""
        dt = _dtype(dtype, self._INT_DTYPES, "integers")
        if high is None:
            low, high = 0, low
        low = _integer(low, "integers", "low")
        high = _integer(high, "integers", "high")
        draw = _np.dtype(_np.uint8) if dt == _np.bool_ else dt
        lo_min, top_max = (0, 1) if dt == _np.bool_ else (int(_np.iinfo(draw).min),
                                                           int(_np.iinfo(draw).max))
        # Checks in Python integers (object arrays), so that nothing wraps.
        lo_obj = low.astype(object) if isinstance(low, _np.ndarray) else low
        hi_obj = high.astype(object) if isinstance(high, _np.ndarray) else high
        top_obj = hi_obj if endpoint else hi_obj - 1
        if not _np.all(_np.asarray(lo_obj >= lo_min)):
            raise ValueError(f"cbrng: integers: low is out of bounds for {dt}")
        if not _np.all(_np.asarray(top_obj <= top_max)):
            raise ValueError(f"cbrng: integers: high is out of bounds for {dt}")
        if not _np.all(_np.asarray(lo_obj <= top_obj)):
            raise ValueError("cbrng: integers: low must be " +
                             ("<= high" if endpoint else "< high") +
                             f" (endpoint={endpoint})")
        low = lo_obj.astype(draw) if isinstance(lo_obj, _np.ndarray) else lo_obj
        top = top_obj.astype(draw) if isinstance(top_obj, _np.ndarray) else top_obj
        r = self._fill("integers", "uniform_int", draw, size, (low, top),
                       param_dtypes=(draw, draw))
        if _np.isscalar(r):
            return _np.bool_(r) if dt == _np.bool_ else draw.type(r)
        return r.view(_np.bool_) if dt == _np.bool_ else r

    # -------------------------------------------------- gamma family

    def gamma(self, shape, scale=1.0, size=None):
        """C++ ``gamma_distribution<double>(shape, scale)`` (Marsaglia-Tsang)."""
        shape, scale = _real(shape, "gamma", "shape"), _real(scale, "gamma", "scale")
        _positive(shape, "gamma", "shape")
        _positive(scale, "gamma", "scale")
        return self._fill("gamma", "gamma", _FLOAT64, size, (shape, scale))

    def standard_gamma(self, shape, size=None, dtype=_np.float64, out=None):
        """C++ ``gamma_distribution<double|float>(shape, 1)``."""
        dt = _dtype(dtype, (_FLOAT64, _FLOAT32), "standard_gamma")
        shape = _real(shape, "standard_gamma", "shape")
        _positive(shape, "standard_gamma", "shape")
        return self._fill("standard_gamma", "gamma", dt, size, (shape, 1.0), out)

    def beta(self, a, b, size=None):
        """C++ ``beta_distribution<double>(a, b)``."""
        a, b = _real(a, "beta", "a"), _real(b, "beta", "b")
        _positive(a, "beta", "a")
        _positive(b, "beta", "b")
        return self._fill("beta", "beta", _FLOAT64, size, (a, b))

    def chisquare(self, df, size=None):
        """C++ ``chi_squared_distribution<double>(df)``."""
        df = _real(df, "chisquare", "df")
        _positive(df, "chisquare", "df")
        return self._fill("chisquare", "chi_squared", _FLOAT64, size, (df,))

    def standard_t(self, df, size=None):
        """C++ ``student_t_distribution<double>(df)``."""
        df = _real(df, "standard_t", "df")
        _positive(df, "standard_t", "df")
        return self._fill("standard_t", "student_t", _FLOAT64, size, (df,))

    def f(self, dfnum, dfden, size=None):
        """C++ ``fisher_f_distribution<double>(dfnum, dfden)``."""
        dfnum, dfden = _real(dfnum, "f", "dfnum"), _real(dfden, "f", "dfden")
        _positive(dfnum, "f", "dfnum")
        _positive(dfden, "f", "dfden")
        return self._fill("f", "fisher_f", _FLOAT64, size, (dfnum, dfden))

    # -------------------------------------------------- inversion family

    def standard_cauchy(self, size=None):
        """C++ ``cauchy_distribution<double>(0, 1)``."""
        return self._fill("standard_cauchy", "cauchy", _FLOAT64, size, (0.0, 1.0))

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        """C++ ``lognormal_distribution<double>(mean, sigma)`` (sigma > 0)."""
        mean, sigma = _real(mean, "lognormal", "mean"), _real(sigma, "lognormal", "sigma")
        _finite(mean, "lognormal", "mean")
        _positive(sigma, "lognormal", "sigma")
        return self._fill("lognormal", "lognormal", _FLOAT64, size, (mean, sigma))

    def weibull(self, a, size=None):
        """C++ ``weibull_distribution<double>(a, 1)`` (numpy's weibull has scale 1)."""
        a = _real(a, "weibull", "a")
        _positive(a, "weibull", "a")
        return self._fill("weibull", "weibull", _FLOAT64, size, (a, 1.0))

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        """C++ ``extreme_value_distribution<double>(loc, scale)``."""
        loc, scale = _real(loc, "gumbel", "loc"), _real(scale, "gumbel", "scale")
        _finite(loc, "gumbel", "loc")
        _positive(scale, "gumbel", "scale")
        return self._fill("gumbel", "extreme_value", _FLOAT64, size, (loc, scale))

    # -------------------------------------------------- discrete

    def geometric(self, p, size=None):
        """Trials up to and including the first success (>= 1, numpy's meaning): C++
        ``geometric_distribution<int64_t>(p)`` (failures) + 1; 0 < p <= 1. OverflowError
        where the C++ result saturates (p below about 1e-18)."""
        p = _real(p, "geometric", "p")
        with _np.errstate(invalid="ignore"):
            _check((_np.asarray(p) > 0) & (_np.asarray(p) <= 1), p, "geometric", "p",
                   "in (0, 1]")
        r = self._fill("geometric", "geometric", _INT64, size, (p,))
        top = _np.iinfo(_np.int64).max
        if not isinstance(r, _np.ndarray):
            if r == top:
                raise OverflowError("cbrng: geometric: a result exceeds int64 (p too small)")
            return r + 1
        # In place, no temporaries: a max reduction and one increment of the new array.
        if r.size and r.max() == top:
            raise OverflowError("cbrng: geometric: a result exceeds int64 (p too small)")
        r += 1
        return r

    def poisson(self, lam=1.0, size=None):
        """C++ ``poisson_distribution<int64_t>(lam)`` (0 < lam <= 2^40; numpy also allows 0)."""
        lam = _real(lam, "poisson", "lam")
        with _np.errstate(invalid="ignore"):
            _check((_np.asarray(lam) > 0) & (_np.asarray(lam) <= _MAX_COUNT), lam, "poisson",
                   "lam", "> 0 and <= 2**40")
        return self._fill("poisson", "poisson", _INT64, size, (lam,))

    def binomial(self, n, p, size=None):
        """C++ ``binomial_distribution<int64_t>(n, p)`` (0 <= n <= 2^40, 0 <= p <= 1)."""
        n, p = _integer(n, "binomial", "n"), _real(p, "binomial", "p")
        _check((_np.asarray(n) >= 0) & (_np.asarray(n) <= 2**40), n, "binomial", "n",
               ">= 0 and <= 2**40")
        with _np.errstate(invalid="ignore"):
            _check((_np.asarray(p) >= 0) & (_np.asarray(p) <= 1), p, "binomial", "p",
                   "in [0, 1]")
        return self._fill("binomial", "binomial", _INT64, size, (n, p),
                          param_dtypes=(_INT64, _FLOAT64))

    def negative_binomial(self, n, p, size=None):
        """Failures before the n-th success: C++ ``negative_binomial_distribution<int64_t>(n,
        p)``. n must be an integer >= 1 (numpy also allows real n > 0: ValueError here),
        0 < p <= 1."""
        try:
            n = _integer(n, "negative_binomial", "n")
        except (TypeError, ValueError) as e:
            raise ValueError("cbrng: negative_binomial: n must be an integer >= 1 (cbrng's "
                             f"frozen negative_binomial is std::'s integer-k distribution), "
                             f"got {_show(n)}") from e
        p = _real(p, "negative_binomial", "p")
        _check(_np.asarray(n) >= 1, n, "negative_binomial", "n", "an integer >= 1")
        with _np.errstate(invalid="ignore"):
            _check((_np.asarray(p) > 0) & (_np.asarray(p) <= 1), p, "negative_binomial", "p",
                   "in (0, 1]")
        return self._fill("negative_binomial", "negative_binomial", _INT64, size, (n, p),
                          param_dtypes=(_INT64, _FLOAT64))

    # -------------------------------------------------- permutations

    def _permutation_indices(self, n):
        idx = _np.arange(n, dtype=_np.int64)
        self._locked(_core.frozen_shuffle, idx)
        return idx

    def permutation(self, x, axis=0):
        """``cbrng::shuffle`` (Fisher-Yates from the back, n - 1 draws) of 0..n-1 for an int
        x, else a shuffled copy of x along `axis` (the same swaps applied to its slices)."""
        if isinstance(x, (int, _np.integer)) and not isinstance(x, (bool, _np.bool_)):
            n = _operator.index(x)
            if n < 0:
                raise ValueError(f"cbrng: permutation: x must be >= 0, got {n}")
            return self._permutation_indices(n)
        arr = _np.asarray(x)
        if arr.ndim == 0:
            raise _AxisError("cbrng: permutation: x must be an integer or at least 1-D")
        axis = _axis(axis, arr.ndim)
        return _np.take(arr, self._permutation_indices(arr.shape[axis]), axis=axis)

    def shuffle(self, x, axis=0):
        """Shuffles x in place along `axis`: ``cbrng::shuffle`` of 0..n-1, applied to x's
        slices (an ndarray) or items (a mutable sequence)."""
        if isinstance(x, _np.ndarray):
            if x.ndim == 0:
                raise TypeError("cbrng: shuffle: x must be at least 1-D")
            if not x.flags.writeable:
                raise ValueError("cbrng: shuffle: x is read-only")
            axis = _axis(axis, x.ndim)
            if (x.ndim == 1 and x.dtype.itemsize == 8 and x.dtype.kind in "iufcmM"
                    and x.flags.c_contiguous):
                # The same swaps done in place on the 8-byte items: no index gather.
                self._locked(_core.frozen_shuffle, x.view(_np.int64))
                return None
            perm = self._permutation_indices(x.shape[axis])
            x[...] = _np.take(x, perm, axis=axis)
            return None
        if axis != 0:
            raise _AxisError("cbrng: shuffle: axis must be 0 for a sequence")
        perm = self._permutation_indices(len(x))
        items = [x[i] for i in perm]
        x[:] = items
        return None

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        """Elements of a (or of arange(a)):
        - replace=True, p=None: indices from C++ ``uniform_int_distribution<int64_t>(0, n-1)``;
        - replace=True, p: C++ ``discrete_distribution<int64_t>(p)`` (alias method);
        - replace=False, p=None: ``cbrng::sample`` of the indices 0..n-1 (selection sampling,
          indices in increasing order, O(n)), then with shuffle=True ``cbrng::shuffle`` of
          that sample, drawn after it;
        - replace=False with p: not frozen in cbrng, NotImplementedError."""
        if isinstance(a, (int, _np.integer)) and not isinstance(a, (bool, _np.bool_)):
            pop = None
            n = _operator.index(a)
            if n < 0:
                raise ValueError("cbrng: choice: a must be a positive integer or an array")
        else:
            pop = _np.asarray(a)
            if pop.ndim == 0:
                raise ValueError("cbrng: choice: a must be 1-dimensional or an integer")
            axis = _axis(axis, pop.ndim)
            n = pop.shape[axis]
        shape = _shape(size)
        count = 1 if shape is None else int(_np.prod(shape, dtype=_np.int64))
        if n == 0 and count != 0:
            raise ValueError("cbrng: choice: a cannot be empty unless no samples are taken")
        if p is not None:
            w = _np.asarray(p, dtype=_FLOAT64)
            if w.ndim != 1:
                raise ValueError("cbrng: choice: p must be 1-dimensional")
            if w.size != n:
                raise ValueError("cbrng: choice: a and p must have same size")
            if not _np.all(_np.isfinite(w)) or _np.any(w < 0):
                raise ValueError("cbrng: choice: p must hold finite probabilities >= 0")
            if abs(w.sum() - 1.0) > _np.sqrt(_np.finfo(_np.float64).eps):
                raise ValueError("cbrng: choice: probabilities in p do not sum to 1")
        idx = _np.empty(count, dtype=_np.int64)
        if replace:
            if p is None:
                if count:
                    self._locked(_core.frozen_fill, "uniform_int", idx, 0, n - 1)
            elif count:
                self._locked(_core.frozen_discrete, _np.ascontiguousarray(w), idx)
        else:
            if p is not None:
                raise NotImplementedError("cbrng: choice: replace=False with p has no frozen "
                                          "algorithm in cbrng")
            if count > n:
                raise ValueError("cbrng: choice: cannot take a larger sample than population "
                                 "when replace=False")
            self._locked(_core.frozen_sample, n, idx)
            if shuffle:
                self._locked(_core.frozen_shuffle, idx)
        if shape is not None:
            idx = idx.reshape(shape)
        if pop is None:
            return int(idx[0]) if shape is None else idx
        if shape is None:
            return _np.take(pop, idx[0], axis=axis)
        return _np.take(pop, idx, axis=axis)


def _generator_from_stream(stream):
    return Generator(stream)
