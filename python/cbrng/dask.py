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
  element i is variate i % BLOCK of its block. A block whose variates use
  more than its W words raises RuntimeError: no value past W is ever returned.

``reference(seed, process, task, generator)`` returns the one-machine twin
(the same methods, numpy arrays, no Dask). Graph tasks carry only the stream
id, the method name, its scalar parameters, the layout, the array's shape and
the chunk's offsets and sizes: never a generator object. See docs/python.md,
"Dask".
"""

import inspect as _inspect
import operator as _operator
from functools import reduce as _reduce

import numpy as _np

import dask.array as _da
from dask.array.core import normalize_chunks as _normalize_chunks
from dask.base import tokenize as _tokenize
from dask.highlevelgraph import HighLevelGraph as _HighLevelGraph

import cbrng as _cbrng
from . import _core, _generator

__all__ = ["Generator", "reference", "BLOCK", "block_words", "max_elements"]

#: Elements per block of the block layout (variable-consumption methods).
BLOCK = 1024

#: 64-bit draws reserved per element in the block layout.
DRAWS_PER_ELEMENT = 8


# ---------------------------------------------------------------- layouts


def _word_bits(generator):
    return _cbrng.Stream(0, 0, 0, generator).word_bits


def block_words(generator="philox4x32_10"):
    """W, the stream words reserved per block of the block layout: BLOCK *
    DRAWS_PER_ELEMENT 64-bit draws (16384 words for 32-bit-word generators, 8192
    for 64-bit ones)."""
    return BLOCK * DRAWS_PER_ELEMENT * (64 // _word_bits(generator))


def max_elements(generator="philox4x32_10", words_per_variate=0):
    """The largest array (in elements) one stream holds: capacity // words_per_variate
    in the fixed layout, (capacity // block_words) * BLOCK in the block layout
    (words_per_variate = 0). philox4x32_10 (capacity 2**34 words): 2**33 doubles in
    the fixed layout, 2**30 elements in blocks."""
    cap = _cbrng.Stream(0, 0, 0, generator).capacity
    if words_per_variate:
        return cap // words_per_variate
    return (cap // block_words(generator)) * BLOCK


# ---------------------------------------------------------------- the numpy -> core mapping
# is cbrng.Generator's (python/cbrng/_generator.py): a chunk calls its public
# method at an explicit position; to learn which C++ distribution a method and
# its parameters use (so whether consumption is fixed), a one-variate call on a
# recording subclass notes the core calls it makes.


class _Recorder(_generator.Generator):
    def __init__(self, stream):
        super().__init__(stream)
        self.calls = []

    def _locked(self, call, *args):
        self.calls.append((call, args))
        return super()._locked(call, *args)


def _words_per_variate(generator, calls, where):
    """Words per variate (> 0) for the fixed layout, 0 for the block layout."""
    if len(calls) != 1:
        raise RuntimeError(f"cbrng.dask: {where}: expected one core call per draw, saw "
                           f"{len(calls)}")
    call, args = calls[0]
    if call is _core.frozen_fill:
        cpp, out, params = args[0], args[1], args[2:]
        kw = {"dtype": "float32"} if out.dtype == _np.float32 else {}
        return _core.frozen_words_per_variate(generator, cpp, *params, **kw)
    if call is _core.frozen_discrete:
        return _core.frozen_words_per_variate(generator, "discrete")
    raise RuntimeError(f"cbrng.dask: {where}: unexpected core call {call!r}")


def _direct_core(gen, calls, one):
    """The method's one core call as data, ("fill", C++ name, dtype, params) or
    ("discrete", None, dtype, (weights,)), when that call alone gives the method's
    result (checked on the first variate: same dtype and value), else None (the
    method adds a step, e.g. geometric's + 1, and chunks call the method itself)."""
    call, args = calls[0]
    if call is _core.frozen_fill:
        core = ("fill", args[0], args[1].dtype.str, tuple(_np.asarray(a)[()].item()
                                                          for a in args[2:]))
    elif call is _core.frozen_discrete:
        core = ("discrete", None, args[1].dtype.str, (args[0],))
    else:
        return None
    buf = _np.empty(1, dtype=_np.dtype(core[2]))
    _run_core(core, gen.generator, gen.seed, gen.process, gen.task, 0, buf)
    if buf.dtype != one.dtype or not _np.array_equal(buf, one, equal_nan=buf.dtype.kind == "f"):
        return None
    return core


def _run_core(core, generator, seed, process, task, position, out):
    kind, cpp, _, params = core
    if kind == "fill":
        return _core.frozen_fill(generator, seed, process, task, position, cpp, out, *params)
    return _core.frozen_discrete(generator, seed, process, task, position, params[0], out)


# ---------------------------------------------------------------- one chunk


def _runs(shape, starts, sizes):
    """The chunk [starts, starts + sizes) of a C-order array of `shape` as contiguous
    runs of flat indices: a list of (flat_start, length) in flat order; the runs laid
    end to end are the chunk in C order."""
    nd = len(shape)
    if nd == 0:
        return [(0, 1)]
    if any(s == 0 for s in sizes):
        return []
    k = nd - 1
    while k > 0 and starts[k] == 0 and sizes[k] == shape[k]:
        k -= 1
    inner = _prod(shape[k + 1:])
    length = sizes[k] * inner
    strides = [_prod(shape[d + 1:]) for d in range(nd)]
    base = sum(starts[d] * strides[d] for d in range(k)) + starts[k] * inner
    if k == 0:
        return [(base, length)]
    lead = _np.indices(sizes[:k], dtype=_np.int64).reshape(k, -1)
    offs = (lead * _np.array(strides[:k], dtype=_np.int64)[:, None]).sum(axis=0)
    return [(base + int(o), length) for o in offs]


def _prod(xs):
    return _reduce(_operator.mul, xs, 1)


# Runs of the fixed layout closer than this many elements are drawn as one span
# (the gap drawn and dropped) rather than one call each.
_GAP = 512


def _chunk(spec, starts, sizes):
    """The values of chunk [starts, starts + sizes) of the array `spec` describes:
    (generator, seed, process, task, method, args, kwargs, dtype, wpv, shape, core)."""
    generator, seed, process, task, method, args, kwargs, dtype, wpv, shape, core = spec
    out = _np.empty(_prod(sizes), dtype=_np.dtype(dtype))
    runs = _runs(shape, starts, sizes)
    if runs and core is not None:
        # The core call the method makes, made directly (see _direct_core).
        def variates(position, n, dest=None):
            buf = _np.empty(n, dtype=out.dtype) if dest is None else dest
            return buf, _run_core(core, generator, seed, process, task, position, buf)

    elif runs:
        g = _cbrng.generator(seed, process, task, generator)
        draw = getattr(g, method)
        stream = g.bit_generator
        kwargs = dict(kwargs)

        def variates(position, n, dest=None):
            stream.position = position
            r = draw(*args, size=n, **kwargs)
            if dest is not None:
                dest[...] = r
            return r, stream.position

    if runs:
        if wpv:
            _fixed_runs(variates, wpv, runs, out)
        else:
            _block_runs(variates, block_words(generator), runs, out, spec)
    return out.reshape(sizes)


def _fixed_runs(variates, wpv, runs, out):
    at = 0
    i = 0
    while i < len(runs):
        first = runs[i][0]
        end = first + runs[i][1]
        j = i + 1
        while j < len(runs) and runs[j][0] - end <= _GAP:
            end = runs[j][0] + runs[j][1]
            j += 1
        if j == i + 1:
            variates(first * wpv, end - first, out[at:at + end - first])
            at += end - first
        else:
            span, _ = variates(first * wpv, end - first)
            for r0, rl in runs[i:j]:
                out[at:at + rl] = span[r0 - first:r0 - first + rl]
                at += rl
        i = j


def _block_runs(variates, W, runs, out, spec):
    # Pieces (block, first, last, offset in out) in flat order; each block the
    # chunk touches is drawn once, from its start to the last element needed.
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
    n = 0
    while n < len(pieces):
        b = pieces[n][0]
        m = n
        while m + 1 < len(pieces) and pieces[m + 1][0] == b:
            m += 1
        start = b * BLOCK
        need = pieces[m][2] - start
        whole = n == m and pieces[n][1] == start  # one piece from the block's start
        o = pieces[n][3]
        buf, end = variates(b * W, need, out[o:o + need] if whole else None)
        if end - b * W > W:
            generator, seed, process, task, method, args, kwargs = spec[:7]
            raise RuntimeError(
                f"cbrng.dask: {method}{tuple(args)}: block {b} used {end - b * W} stream "
                f"words for {need} variates, more than the {W} words the "
                f"block layout reserves per block (stream ({seed}, {process}, {task}) of "
                f"{generator}); its values are not returned")
        if not whole:
            for _, lo, hi, o in pieces[n:m + 1]:
                out[o:o + hi - lo] = buf[lo - start:hi - start]
        n = m + 1


def _whole(spec):
    """An array drawn as one piece (permutation, choice without replacement)."""
    generator, seed, process, task, method, args, kwargs = spec[:7]
    g = _cbrng.generator(seed, process, task, generator)
    return getattr(g, method)(*args, **dict(kwargs))


def _take(idx, population):
    return _np.take(population, idx, axis=0)


# ---------------------------------------------------------------- arguments

_SIGNATURES = {}


def _bind(method, args, kwargs):
    """numpy's parameters of cbrng.Generator.<method>, by name, and the size."""
    sig = _SIGNATURES.get(method)
    if sig is None:
        sig = _SIGNATURES[method] = _inspect.signature(getattr(_generator.Generator, method))
    if "out" in kwargs:
        raise TypeError(f"cbrng.dask: {method}: out= is not supported (the result is a "
                        "new dask array)")
    try:
        bound = sig.bind(None, *args, **kwargs)
    except TypeError as e:
        raise TypeError(f"cbrng.dask: {method}: {e}") from None
    params = dict(bound.arguments)
    params.pop(next(iter(sig.parameters)))  # self
    size = params.pop("size", None)
    return params, size


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


def _scalars(method, params):
    for name, v in params.items():
        if name == "dtype":
            try:
                params[name] = _np.dtype(v).name
            except TypeError:
                raise TypeError(f"cbrng.dask: {method}: unsupported dtype {v!r}") from None
            continue
        if _np.ndim(v) != 0:
            raise TypeError(f"cbrng.dask: {method}: parameter {name} must be a scalar "
                            f"(cbrng.dask takes scalar parameters only), got "
                            f"{type(v).__name__} of shape {_np.shape(v)}")
        if isinstance(v, _np.ndarray):
            params[name] = v[()]


def _chunks(chunks, shape, dtype, where):
    try:
        return _normalize_chunks(chunks, shape, dtype=dtype)
    except (ValueError, TypeError, NotImplementedError) as e:
        raise ValueError(f"cbrng.dask: {where}: chunks {chunks!r} do not fit size "
                         f"{shape}: {e}") from None


# ---------------------------------------------------------------- the generators


class _Base:
    def __init__(self, seed, process=0, task=0, generator="philox4x32_10"):
        # cbrng.Stream checks every field (TypeError / ValueError naming it).
        s = _cbrng.Stream(seed, process, task, generator)
        self.seed, self.process, self.task, self.generator = s.seed, s.process, s.task, generator

    def _elementwise(self, method, params, size, chunks, pre=None):
        """An array whose element i depends on i only (fixed or block layout)."""
        shape = _shape(size, method)
        rec = _Recorder(_cbrng.Stream(self.seed, self.process, self.task, self.generator))
        # One variate: numpy's and cbrng's checks of the parameters happen now, with
        # their messages, and the core call shows the C++ distribution.
        one = getattr(rec, method)(**params, size=1)
        wpv = _words_per_variate(self.generator, rec.calls, method)
        n = _prod(shape)
        limit = max_elements(self.generator, wpv)
        if n > limit:
            layout = (f"the fixed layout, {wpv} words per variate" if wpv else
                      f"the block layout, {block_words(self.generator)} words per "
                      f"{BLOCK} elements")
            raise ValueError(f"cbrng.dask: {method}: size {shape} has {n} elements, more than "
                             f"a {self.generator} stream holds in {layout} ({limit})")
        core = _direct_core(self, rec.calls, one)
        spec = (self.generator, self.seed, self.process, self.task, method, (),
                tuple(params.items()), one.dtype.str, wpv, shape, core)
        return self._make(spec, shape, chunks)

    def _method(self, method, args, kwargs):
        chunks = kwargs.pop("chunks", "auto")
        params, size = _bind(method, args, kwargs)
        _scalars(method, params)
        return self._elementwise(method, params, size, chunks)

    # -------------------------------------------------- numpy's methods

    def random(self, *args, **kwargs):
        return self._method("random", args, kwargs)

    def uniform(self, *args, **kwargs):
        return self._method("uniform", args, kwargs)

    def normal(self, *args, **kwargs):
        return self._method("normal", args, kwargs)

    def standard_normal(self, *args, **kwargs):
        return self._method("standard_normal", args, kwargs)

    def exponential(self, *args, **kwargs):
        return self._method("exponential", args, kwargs)

    def standard_exponential(self, *args, **kwargs):
        return self._method("standard_exponential", args, kwargs)

    def integers(self, *args, **kwargs):
        return self._method("integers", args, kwargs)

    def gamma(self, *args, **kwargs):
        return self._method("gamma", args, kwargs)

    def standard_gamma(self, *args, **kwargs):
        return self._method("standard_gamma", args, kwargs)

    def beta(self, *args, **kwargs):
        return self._method("beta", args, kwargs)

    def chisquare(self, *args, **kwargs):
        return self._method("chisquare", args, kwargs)

    def standard_t(self, *args, **kwargs):
        return self._method("standard_t", args, kwargs)

    def f(self, *args, **kwargs):
        return self._method("f", args, kwargs)

    def standard_cauchy(self, *args, **kwargs):
        return self._method("standard_cauchy", args, kwargs)

    def lognormal(self, *args, **kwargs):
        return self._method("lognormal", args, kwargs)

    def weibull(self, *args, **kwargs):
        return self._method("weibull", args, kwargs)

    def gumbel(self, *args, **kwargs):
        return self._method("gumbel", args, kwargs)

    def geometric(self, *args, **kwargs):
        return self._method("geometric", args, kwargs)

    def poisson(self, *args, **kwargs):
        return self._method("poisson", args, kwargs)

    def binomial(self, *args, **kwargs):
        return self._method("binomial", args, kwargs)

    def negative_binomial(self, *args, **kwargs):
        return self._method("negative_binomial", args, kwargs)

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True, chunks="auto"):
        """Elements of a (a 1-D array) or of arange(a) (an int). replace=True: element i
        is index variate i, C++ uniform_int (block layout) or, with p,
        discrete_distribution (fixed layout), then taken from a. replace=False: the
        whole sample is cbrng.generator(seed, process, task).choice(a, size,
        replace=False, shuffle=shuffle), drawn in one task and split into chunks."""
        if axis != 0:
            raise ValueError(f"cbrng.dask: choice: axis must be 0, got {axis!r}")
        if isinstance(a, (int, _np.integer)) and not isinstance(a, (bool, _np.bool_)):
            n, population = _operator.index(a), None
        else:
            population = _np.asarray(a)
            if population.ndim != 1:
                raise ValueError("cbrng.dask: choice: a must be an int or 1-dimensional, got "
                                 f"shape {population.shape}")
            n = population.shape[0]
        if p is not None:
            p = _np.ascontiguousarray(p, dtype=_np.float64)
        if replace:
            idx = self._elementwise("choice", {"a": n, "replace": True, "p": p}, size, chunks)
        else:
            idx = self._whole("choice", {"a": n, "replace": False, "p": p, "shuffle": shuffle},
                              size, chunks)
        if population is None:
            return idx
        return self._map(_take, idx, population)

    def permutation(self, x, axis=0, chunks="auto"):
        """cbrng.generator(seed, process, task).permutation(x): 0..x-1 shuffled (an int
        x), else x (a numpy or dask array) indexed along axis 0 by permutation(len(x)).
        The permutation is drawn in one task (O(n) memory there) and split into chunks."""
        if axis != 0:
            raise ValueError(f"cbrng.dask: permutation: axis must be 0, got {axis!r}")
        if isinstance(x, (int, _np.integer)) and not isinstance(x, (bool, _np.bool_)):
            n = _operator.index(x)
            if n < 0:
                raise ValueError(f"cbrng.dask: permutation: x must be >= 0, got {n}")
            return self._whole("permutation", {"x": n}, None, chunks, shape=(n,))
        if _np.ndim(x) == 0:
            raise ValueError("cbrng.dask: permutation: x must be an int or at least 1-D")
        n = len(x)
        idx = self._whole("permutation", {"x": n}, None, chunks, shape=(n,))
        return self._index(x, idx)

    def shuffle(self, x, axis=0):
        """Not offered: numpy's shuffle changes x in place, and a dask array never
        changes. permutation(x) returns the shuffled copy (the same order as
        cbrng.generator(seed, process, task).shuffle would give)."""
        raise NotImplementedError(
            "cbrng.dask: shuffle shuffles in place and a dask array cannot change; use "
            "permutation(x), which returns the shuffled copy")

    def _whole(self, method, params, size, chunks, shape=None):
        if shape is None:
            shape = _shape(size, method)
            params = dict(params, size=size)
        if method == "choice":
            # cbrng.Generator's checks of p (size 0: nothing drawn), then the sample size.
            g = _cbrng.generator(self.seed, self.process, self.task, self.generator)
            g.choice(params["a"], size=0, replace=False, p=params["p"])
            if _prod(shape) > params["a"]:
                raise ValueError(f"cbrng.dask: choice: cannot take {_prod(shape)} elements "
                                 f"from a population of {params['a']} with replace=False")
        spec = (self.generator, self.seed, self.process, self.task, method, (),
                tuple(params.items()), _np.dtype(_np.int64).str, 0, shape, None)
        return self._make_whole(spec, shape, chunks)


class Generator(_Base):
    """Random ``dask.array.Array``s from the stream (seed, process, task) of `generator`.

    Generator(seed, process=0, task=0, generator="philox4x32_10")

    The methods of ``cbrng.Generator`` (numpy's names and scalar parameters) plus
    ``chunks=`` (any dask chunk spec; "auto" by default). The computed values do not
    depend on the chunks, the scheduler or the number of workers, and equal
    ``reference(seed, process, task, generator).<method>(...)`` (no Dask); for
    methods of fixed consumption they equal
    ``cbrng.generator(seed, process, task, generator).<method>(..., size=N)``.
    """

    def _make(self, spec, shape, chunks):
        dtype = _np.dtype(spec[7])
        chunks = _chunks(chunks, shape, dtype, spec[4])
        name = f"cbrng-{spec[4]}-" + _tokenize(spec, chunks)
        offsets = [_np.concatenate([[0], _np.cumsum(c)]).astype(int).tolist() for c in chunks]
        dsk = {}
        for idx in _np.ndindex(*[len(c) for c in chunks]):
            starts = tuple(offsets[d][i] for d, i in enumerate(idx))
            sizes = tuple(chunks[d][i] for d, i in enumerate(idx))
            dsk[(name,) + idx] = (_chunk, spec, starts, sizes)
        graph = _HighLevelGraph.from_collections(name, dsk, dependencies=())
        return _da.Array(graph, name, chunks, dtype=dtype)

    def _make_whole(self, spec, shape, chunks):
        dtype = _np.dtype(spec[7])
        chunks = _chunks(chunks, shape, dtype, spec[4])
        token = _tokenize(spec, chunks)
        name = f"cbrng-{spec[4]}-{token}"
        whole = (f"cbrng-{spec[4]}-whole-{token}",)
        offsets = [_np.concatenate([[0], _np.cumsum(c)]).astype(int).tolist() for c in chunks]
        dsk = {whole: (_whole, spec)}
        for idx in _np.ndindex(*[len(c) for c in chunks]):
            sl = tuple(slice(offsets[d][i], offsets[d][i] + chunks[d][i])
                       for d, i in enumerate(idx))
            dsk[(name,) + idx] = (_operator.getitem, whole, sl)
        graph = _HighLevelGraph.from_collections(name, dsk, dependencies=())
        return _da.Array(graph, name, chunks, dtype=dtype)

    def _map(self, fn, idx, population):
        dtype = population.dtype
        return idx.map_blocks(fn, population, dtype=dtype)

    def _index(self, x, idx):
        return _da.asarray(x)[idx]

    def __repr__(self):
        return (f"cbrng.dask.Generator(seed={self.seed}, process={self.process}, "
                f"task={self.task}, generator={self.generator!r})")


class _Reference(_Base):
    def _make(self, spec, shape, chunks):
        return _chunk(spec, (0,) * len(shape), shape)

    def _make_whole(self, spec, shape, chunks):
        return _np.asarray(_whole(spec)).reshape(shape)

    def _map(self, fn, idx, population):
        return fn(idx, population)

    def _index(self, x, idx):
        return _np.asarray(x)[idx]

    def __repr__(self):
        return (f"cbrng.dask.reference(seed={self.seed}, process={self.process}, "
                f"task={self.task}, generator={self.generator!r})")


def reference(seed, process=0, task=0, generator="philox4x32_10"):
    """The one-machine twin of ``Generator(seed, process, task, generator)``: the same
    methods and parameters (``chunks=`` accepted and ignored), returning numpy arrays
    equal to the computed dask arrays, computed here with no Dask scheduler."""
    return _Reference(seed, process, task, generator)
