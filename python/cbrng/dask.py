"""cbrng.dask: random Dask arrays that do not change with the chunks, the scheduler or the workers.

    import cbrng.dask
    rng = cbrng.dask.Generator(seed=42, process=0, task=7)
    x = rng.normal(0.0, 1.0, size=(10_000, 1_000), chunks=(1_000, 250))   # a dask.array.Array
    x.compute()          # the same numbers for every chunks= and every scheduler

Dask's own ``da.random`` seeds each chunk from a master RandomState, so the
numbers follow the chunking (dask issue 1684). Here element i (row-major flat
index) of an array is a pure function of the stream id (seed, process, task),
the method, its parameters and i, through one of two layouts that never look
at the chunks:

* fixed layout, for a method and parameters that consume a fixed number w of
  stream words per variate (``frozen_words_per_variate`` > 0: random,
  uniform, normal, exponential, cauchy, lognormal, weibull, gumbel,
  geometric, ...): element i is variate i of the stream, the variate that
  starts at word i * w. The array equals
  ``cbrng.generator(seed, process, task).<method>(..., size=N)`` reshaped.
* block layout, for variable consumption (gamma, beta, poisson, binomial,
  integers, ...): element i belongs to block b = i // BLOCK (BLOCK = 1024
  elements); block b's variates are drawn in order from the same stream
  starting at word b * W, W = ``block_words(generator)`` = 8 * BLOCK 64-bit
  draws (16384 words for 32-bit-word generators, 8192 for 64-bit ones), and
  element i is variate i % BLOCK of its block. A block that would use more
  than its W words raises RuntimeError instead of reading the next block's.

``reference(seed, process, task, generator)`` returns the one-machine twin
(the same methods, numpy arrays, no Dask). Graph tasks carry only the stream
id, the method name, its scalar parameters, the layout, the array's shape and
the chunk's offsets and sizes: never a generator object. See docs/python.md,
"Dask".
"""

import math as _math
import operator as _operator
from functools import reduce as _reduce

import numpy as _np

import dask.array as _da
from dask.array.core import normalize_chunks as _normalize_chunks
from dask.base import tokenize as _tokenize
from dask.highlevelgraph import HighLevelGraph as _HighLevelGraph

import cbrng as _cbrng
from . import _core

__all__ = ["Generator", "reference", "BLOCK", "block_words", "max_elements"]

#: Elements per block of the block layout (variable-consumption methods).
BLOCK = 1024

#: 64-bit draws reserved per element in the block layout.
DRAWS_PER_ELEMENT = 8


# ---------------------------------------------------------------- the core (one place)
# The stateless C++ core: frozen_fill(generator, seed, process, task,
# position, method, out, *params) -> end position, and
# frozen_words_per_variate(generator, method, *params) -> words or 0.

def _fill(generator, seed, process, task, position, method, out, params):
    return _core.frozen_fill(generator, seed, process, task, position, method, out, *params)


def _words_per_variate(generator, method, params):
    return _core.frozen_words_per_variate(generator, method, *params)


def _word_bits(generator):
    return 32 if generator in ("philox4x32_10", "threefry4x32_20") else 64


def block_words(generator="philox4x32_10"):
    """Words reserved per block of the block layout: BLOCK * DRAWS_PER_ELEMENT
    64-bit draws (two words each for 32-bit-word generators)."""
    return BLOCK * DRAWS_PER_ELEMENT * (64 // _word_bits(generator))


def _capacity(generator):
    return _cbrng.Stream(0, 0, 0, generator).capacity


def max_elements(generator="philox4x32_10", words_per_variate=0):
    """The largest array (in elements) one stream holds: capacity // words_per_variate
    for the fixed layout, (capacity // block_words) * BLOCK for the block layout
    (words_per_variate = 0). philox4x32_10: 2**33 doubles fixed, 2**30 elements
    in blocks."""
    cap = _capacity(generator)
    if words_per_variate:
        return cap // words_per_variate
    return (cap // block_words(generator)) * BLOCK


# ---------------------------------------------------------------- one chunk


class _Spec(tuple):
    """(generator, seed, process, task, method, params, dtype, wpv, shape): what a
    graph task carries besides the chunk's offsets and sizes. A plain tuple of ints,
    floats and strings; wpv > 0 is the fixed layout, 0 the block layout."""

    __slots__ = ()

    def __new__(cls, generator, seed, process, task, method, params, dtype, wpv, shape):
        return tuple.__new__(cls, (generator, seed, process, task, method, tuple(params),
                                   _np.dtype(dtype).str, wpv, tuple(shape)))

    def __reduce__(self):
        return (_Spec, tuple(self))


def _runs(shape, starts, sizes):
    """The chunk [starts, starts + sizes) of a C-order array of `shape` as contiguous
    runs of flat indices: a list of (flat_start, length), in flat order; the runs
    laid end to end are the chunk in C order."""
    nd = len(shape)
    if nd == 0:
        return [(0, 1)]
    if any(s == 0 for s in sizes):
        return []
    k = nd - 1
    while k > 0 and starts[k] == 0 and sizes[k] == shape[k]:
        k -= 1
    inner = _reduce(_operator.mul, shape[k + 1:], 1)
    length = sizes[k] * inner
    strides = [_reduce(_operator.mul, shape[d + 1:], 1) for d in range(nd)]
    base = sum(starts[d] * strides[d] for d in range(k)) + starts[k] * inner
    if k == 0:
        return [(base, length)]
    lead = _np.indices(sizes[:k], dtype=_np.int64).reshape(k, -1)
    offs = (lead * _np.array(strides[:k], dtype=_np.int64)[:, None]).sum(axis=0)
    return [(base + int(o), length) for o in offs]


def _chunk(spec, starts, sizes):
    """The values of chunk [starts, starts + sizes) of the array `spec` describes."""
    generator, seed, process, task, method, params, dtype, wpv, shape = spec
    total = _reduce(_operator.mul, sizes, 1)
    out = _np.empty(total, dtype=_np.dtype(dtype))
    runs = _runs(shape, starts, sizes)
    if wpv:
        _fixed_runs(generator, seed, process, task, method, params, wpv, runs, out)
    else:
        _block_runs(generator, seed, process, task, method, params, runs, out)
    return out.reshape(sizes)


# Runs of the fixed layout closer than this many elements are drawn as one
# span (the gap drawn and dropped) instead of one core call each.
_GAP = 512


def _fixed_runs(generator, seed, process, task, method, params, wpv, runs, out):
    at = 0
    i = 0
    while i < len(runs):
        first, length = runs[i]
        j = i + 1
        end = first + length
        while j < len(runs) and runs[j][0] - end <= _GAP:
            end = runs[j][0] + runs[j][1]
            j += 1
        if j == i + 1:
            _fill(generator, seed, process, task, first * wpv, method,
                  out[at:at + length], params)
            at += length
        else:
            span = _np.empty(end - first, dtype=out.dtype)
            _fill(generator, seed, process, task, first * wpv, method, span, params)
            for r0, rl in runs[i:j]:
                out[at:at + rl] = span[r0 - first:r0 - first + rl]
                at += rl
        i = j


def _block_runs(generator, seed, process, task, method, params, runs, out):
    # Pieces (block, first, last, out offset) in flat order; each block the
    # chunk touches is drawn once, from its start up to the last element needed.
    pieces = []
    at = 0
    for first, length in runs:
        end = first + length
        i = first
        while i < end:
            b = i // BLOCK
            hi = min(end, (b + 1) * BLOCK)
            pieces.append((b, i, hi, at))
            at += hi - i
            i = hi
    W = block_words(generator)
    n = 0
    while n < len(pieces):
        b = pieces[n][0]
        m = n
        while m + 1 < len(pieces) and pieces[m + 1][0] == b:
            m += 1
        start = b * BLOCK
        need = pieces[m][2] - start
        if n == m and pieces[n][1] == start:
            buf = out[pieces[n][3]:pieces[n][3] + need]
        else:
            buf = _np.empty(need, dtype=out.dtype)
        pos = b * W
        end = _fill(generator, seed, process, task, pos, method, buf, params)
        if end - pos > W:
            raise RuntimeError(
                f"cbrng.dask: {method}{tuple(params)} used {end - pos} stream words for "
                f"{need} variates of block {b}, more than the {W} reserved per block "
                f"(stream ({seed}, {process}, {task}) of {generator}); the block layout "
                f"cannot hold this draw")
        if buf.base is not out:
            for _, lo, hi, o in pieces[n:m + 1]:
                out[o:o + hi - lo] = buf[lo - start:hi - start]
        n = m + 1


# ---------------------------------------------------------------- arrays


def _shape(size, where):
    if size is None:
        return ()
    if isinstance(size, (int, _np.integer)):
        size = (size,)
    try:
        shape = tuple(_operator.index(s) for s in size)
    except TypeError:
        raise TypeError(f"cbrng.dask: {where}: size must be None, an int or a tuple of ints, "
                        f"got {size!r}") from None
    if any(s < 0 for s in shape):
        raise ValueError(f"cbrng.dask: {where}: size must not be negative, got {shape}")
    return shape


def _scalar(name, value, where):
    if isinstance(value, (_da.Array, _np.ndarray, list, tuple)) and _np.ndim(value) != 0:
        raise TypeError(f"cbrng.dask: {where}: parameter {name} must be a scalar "
                        f"(array parameters are not supported), got {type(value).__name__} "
                        f"of shape {_np.shape(value)}")
    if isinstance(value, _np.ndarray):
        value = value.item()
    if not isinstance(value, (int, float, _np.integer, _np.floating)) or isinstance(value, bool):
        raise TypeError(f"cbrng.dask: {where}: parameter {name} must be a real number, "
                        f"got {value!r}")
    return value


class _Base:
    def __init__(self, seed, process=0, task=0, generator="philox4x32_10"):
        # Validates every id field (TypeError / ValueError naming the field).
        s = _cbrng.Stream(seed, process, task, generator)
        self.seed, self.process, self.task, self.generator = s.seed, s.process, s.task, generator

    def _spec(self, method, params, dtype, shape, where):
        params = tuple(params)
        try:
            wpv = _words_per_variate(self.generator, method, params)
            # A one-variate draw checks the parameters now, not at compute time.
            _fill(self.generator, self.seed, self.process, self.task, 0, method,
                  _np.empty(1, dtype=dtype), params)
        except (ValueError, TypeError, OverflowError) as e:
            raise type(e)(f"cbrng.dask: {where}: {e}") from None
        n = _reduce(_operator.mul, shape, 1)
        limit = max_elements(self.generator, wpv)
        if n > limit:
            layout = (f"{wpv} words per variate" if wpv else
                      f"blocks of {BLOCK} elements, {block_words(self.generator)} words each")
            raise ValueError(f"cbrng.dask: {where}: size {shape} has {n} elements, more than "
                             f"one {self.generator} stream holds for this method "
                             f"({limit}: {layout})")
        return _Spec(self.generator, self.seed, self.process, self.task, method, params,
                     dtype, wpv, shape)

    def _draw(self, where, method, params, dtype, size, chunks):
        shape = _shape(size, where)
        spec = self._spec(method, params, dtype, shape, where)
        return self._make(spec, shape, chunks, where)

    def _with_params(self, where, method, names, values, dtype, size, chunks):
        params = tuple(_scalar(n, v, where) for n, v in zip(names, values))
        return self._draw(where, method, params, dtype, size, chunks)

    # numpy's methods: the numpy -> core parameter mapping is in _core_call.
    def random(self, size=None, chunks="auto"):
        """Uniform doubles in [0, 1)."""
        return self._call("random", (), {}, size, chunks)

    def uniform(self, low=0.0, high=1.0, size=None, chunks="auto"):
        """Uniform doubles in [low, high)."""
        return self._call("uniform", ("low", "high"), (low, high), size, chunks)

    def normal(self, loc=0.0, scale=1.0, size=None, chunks="auto"):
        return self._call("normal", ("loc", "scale"), (loc, scale), size, chunks)

    def standard_normal(self, size=None, chunks="auto"):
        return self._call("standard_normal", (), (), size, chunks)

    def exponential(self, scale=1.0, size=None, chunks="auto"):
        return self._call("exponential", ("scale",), (scale,), size, chunks)

    def standard_exponential(self, size=None, chunks="auto"):
        return self._call("standard_exponential", (), (), size, chunks)

    def integers(self, low, high=None, size=None, dtype=_np.int64, endpoint=False,
                 chunks="auto"):
        """int64 in [low, high) ([low, high] with endpoint=True; [0, low) when high is None)."""
        where = "integers"
        if _np.dtype(dtype) != _np.dtype(_np.int64):
            raise TypeError(f"cbrng.dask: integers: dtype must be int64, got {_np.dtype(dtype)}")
        if high is None:
            low, high = 0, low
        for name, v in (("low", low), ("high", high)):
            v = _scalar(name, v, where)
            if not isinstance(v, (int, _np.integer)):
                raise TypeError(f"cbrng.dask: integers: {name} must be an integer, got {v!r}")
        return self._call("integers", ("low", "high", "endpoint"),
                          (int(low), int(high), bool(endpoint)), size, chunks)

    def gamma(self, shape, scale=1.0, size=None, chunks="auto"):
        return self._call("gamma", ("shape", "scale"), (shape, scale), size, chunks)

    def standard_gamma(self, shape, size=None, chunks="auto"):
        return self._call("standard_gamma", ("shape",), (shape,), size, chunks)

    def beta(self, a, b, size=None, chunks="auto"):
        return self._call("beta", ("a", "b"), (a, b), size, chunks)

    def chisquare(self, df, size=None, chunks="auto"):
        return self._call("chisquare", ("df",), (df,), size, chunks)

    def standard_t(self, df, size=None, chunks="auto"):
        return self._call("standard_t", ("df",), (df,), size, chunks)

    def f(self, dfnum, dfden, size=None, chunks="auto"):
        return self._call("f", ("dfnum", "dfden"), (dfnum, dfden), size, chunks)

    def standard_cauchy(self, size=None, chunks="auto"):
        return self._call("standard_cauchy", (), (), size, chunks)

    def lognormal(self, mean=0.0, sigma=1.0, size=None, chunks="auto"):
        return self._call("lognormal", ("mean", "sigma"), (mean, sigma), size, chunks)

    def weibull(self, a, size=None, chunks="auto"):
        return self._call("weibull", ("a",), (a,), size, chunks)

    def gumbel(self, loc=0.0, scale=1.0, size=None, chunks="auto"):
        return self._call("gumbel", ("loc", "scale"), (loc, scale), size, chunks)

    def geometric(self, p, size=None, chunks="auto"):
        return self._call("geometric", ("p",), (p,), size, chunks)

    def poisson(self, lam=1.0, size=None, chunks="auto"):
        return self._call("poisson", ("lam",), (lam,), size, chunks)

    def binomial(self, n, p, size=None, chunks="auto"):
        return self._call("binomial", ("n", "p"), (n, p), size, chunks)

    def negative_binomial(self, n, p, size=None, chunks="auto"):
        return self._call("negative_binomial", ("n", "p"), (n, p), size, chunks)

    def _call(self, method, names, values, size, chunks):
        values = tuple(v if isinstance(v, bool) else _scalar(n, v, method)
                       for n, v in zip(names, values))
        core_method, params, dtype = _core_call(method, dict(zip(names, values)))
        return self._draw(method, core_method, params, dtype, size, chunks)


def _core_call(method, kwargs):
    """numpy method and parameters -> (core method, core parameters, result dtype).
    The one place that knows the core's parameter convention."""
    dtype = _np.int64 if method in _INT_METHODS else _np.float64
    return method, tuple(kwargs.values()), dtype


_INT_METHODS = frozenset(["integers", "geometric", "poisson", "binomial", "negative_binomial"])


class Generator(_Base):
    """Random ``dask.array.Array``s from the stream (seed, process, task) of `generator`.

    Generator(seed, process=0, task=0, generator="philox4x32_10")

    Every method takes numpy's parameters (scalars) plus ``size=`` (None, an int
    or a tuple) and ``chunks=`` (any dask chunk spec, "auto" by default) and
    returns a lazy array whose computed values do not depend on the chunks, the
    scheduler or the number of workers; ``reference(...)`` computes the same
    values without Dask.
    """

    def _make(self, spec, shape, chunks, where):
        dtype = _np.dtype(spec[6])
        try:
            chunks = _normalize_chunks(chunks, shape, dtype=dtype)
        except (ValueError, TypeError, NotImplementedError) as e:
            raise ValueError(f"cbrng.dask: {where}: chunks {chunks!r} do not fit size "
                             f"{shape}: {e}") from None
        name = f"cbrng-{where}-" + _tokenize(tuple(spec), chunks)
        offsets = [_np.concatenate([[0], _np.cumsum(c)]).astype(int).tolist() for c in chunks]
        dsk = {}
        for idx in _np.ndindex(*[len(c) for c in chunks]):
            starts = tuple(offsets[d][i] for d, i in enumerate(idx))
            sizes = tuple(chunks[d][i] for d, i in enumerate(idx))
            dsk[(name,) + idx] = (_chunk, spec, starts, sizes)
        graph = _HighLevelGraph.from_collections(name, dsk, dependencies=())
        return _da.Array(graph, name, chunks, dtype=dtype)

    def __repr__(self):
        return (f"cbrng.dask.Generator(seed={self.seed}, process={self.process}, "
                f"task={self.task}, generator={self.generator!r})")


class _Reference(_Base):
    def _make(self, spec, shape, chunks, where):
        out = _chunk(spec, (0,) * len(shape), shape)
        return out

    def __repr__(self):
        return (f"cbrng.dask.reference(seed={self.seed}, process={self.process}, "
                f"task={self.task}, generator={self.generator!r})")


def reference(seed, process=0, task=0, generator="philox4x32_10"):
    """The one-machine twin of ``Generator(seed, process, task, generator)``: the same
    methods and parameters (``chunks=`` ignored), returning numpy arrays equal to the
    computed Dask arrays, with no Dask scheduler involved."""
    return _Reference(seed, process, task, generator)
