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
id, the method name, its scalar parameters, the layout, the array's shape, the
chunk's offsets and sizes and the keys of the parameter blocks it needs: never a
generator object. Parameters may be numpy or dask arrays broadcast against
``size`` (element i uses the parameters broadcast to element i). See
docs/python.md, "Dask".
"""

import inspect as _inspect
from itertools import product as _product
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


def _chunk(spec, starts, sizes, pblocks=None):
    """The values of chunk [starts, starts + sizes) of the array `spec` describes:
    (generator, seed, process, task, method, args, kwargs, dtype, wpv, shape, core,
    names). `names` are the array-valued parameters; pblocks holds, for each, the
    blocks [values, block_starts] of the parameter broadcast to `shape` that the
    chunk needs (see Generator._make_arrays)."""
    generator, seed, process, task, method, args, kwargs, dtype, wpv, shape, core, names = spec
    out = _np.empty(_prod(sizes), dtype=_np.dtype(dtype))
    runs = _runs(shape, starts, sizes)
    src = _Params(shape, starts, sizes, names, pblocks) if names and runs else None
    blocks = None
    if runs and core is not None and src is None:
        # The core call the method makes, made directly (see _direct_core).
        def variates(position, n, dest=None, pv=None):
            buf = _np.empty(n, dtype=out.dtype) if dest is None else dest
            return buf, _run_core(core, generator, seed, process, task, position, buf)

        if core[0] == "fill":
            # Whole blocks in a row, each from word b * W, in one core call.
            def blocks(position, W, dest):
                return _core.frozen_fill_blocks(generator, seed, process, task, position, W,
                                                BLOCK, core[1], dest, *core[3])

    elif runs:
        g = _cbrng.generator(seed, process, task, generator)
        draw = getattr(g, method)
        stream = g.bit_generator
        kwargs = dict(kwargs)

        def variates(position, n, dest=None, pv=None):
            stream.position = position
            r = draw(*args, size=n, **(kwargs if pv is None else dict(kwargs, **pv)))
            if dest is not None:
                dest[...] = r
            return r, stream.position

    if runs:
        if wpv:
            _fixed_runs(variates, wpv, runs, out, src)
        else:
            _block_runs(variates, block_words(generator), runs, out, spec, src, blocks)
    return out.reshape(sizes)


class _Params:
    """The array-valued parameters of one chunk: `local` by position in the chunk's
    C order (the fixed layout, whose chunks get their own block only), `flat` by
    flat index of the whole array (the block layout, whose chunks also draw the
    earlier elements of each block they touch, with those elements' parameters)."""

    def __init__(self, shape, starts, sizes, names, pblocks):
        self.shape, self.names, self.pblocks = shape, names, pblocks
        self.own = []
        for blocks in pblocks:
            mine = len(blocks) == 1 and tuple(blocks[0][1]) == tuple(starts) and \
                _np.shape(blocks[0][0]) == tuple(sizes)
            self.own.append(_np.ravel(blocks[0][0]) if mine else None)
        self.hull = None

    def _hulls(self):
        # Each parameter's blocks placed in their bounding box (built on first use).
        self.hull = []
        nd = len(self.shape)
        for blocks in self.pblocks:
            lo = [min(b[1][d] for b in blocks) for d in range(nd)]
            hi = [max(b[1][d] + _np.shape(b[0])[d] for b in blocks) for d in range(nd)]
            hull = _np.empty([h - a for a, h in zip(lo, hi)],
                             dtype=_np.asarray(blocks[0][0]).dtype)
            for values, bstarts in blocks:
                hull[tuple(slice(s - a, s - a + n) for s, a, n in
                           zip(bstarts, lo, _np.shape(values)))] = values
            self.hull.append((hull, lo))

    def local(self, index):
        return {name: own[index] for name, own in zip(self.names, self.own)}

    def flat(self, first, last):
        if self.hull is None:
            self._hulls()
        idx = _np.unravel_index(_np.arange(first, last, dtype=_np.int64), self.shape)
        return {name: hull[tuple(i - l for i, l in zip(idx, lo))]
                for name, (hull, lo) in zip(self.names, self.hull)}


def _fixed_runs(variates, wpv, runs, out, src=None):
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
            pv = None if src is None else src.local(slice(at, at + end - first))
            variates(first * wpv, end - first, out[at:at + end - first], pv)
            at += end - first
        else:
            pv = None
            if src is not None:
                # Consumption is fixed whatever the parameters: a gap's (dropped)
                # variates take the parameters of the element before the gap.
                index = _np.empty(end - first, dtype=_np.int64)
                k = at
                for r0, rl in runs[i:j]:
                    index[r0 - first:r0 - first + rl] = _np.arange(k, k + rl)
                    k += rl
                    index[r0 - first + rl:] = k - 1
                pv = src.local(index)
            span, _ = variates(first * wpv, end - first, None, pv)
            for r0, rl in runs[i:j]:
                out[at:at + rl] = span[r0 - first:r0 - first + rl]
                at += rl
        i = j


def _overrun(spec, b, used, need, W):
    generator, seed, process, task, method, args, kwargs = spec[:7]
    return RuntimeError(
        f"cbrng.dask: {method}{tuple(args)}: block {b} used {used} stream "
        f"words for {need} variates, more than the {W} words the "
        f"block layout reserves per block (stream ({seed}, {process}, {task}) of "
        f"{generator}); its values are not returned")


def _block_runs(variates, W, runs, out, spec, src=None, blocks=None):
    # Pieces (block, first, last, offset in out) in flat order; each block the
    # chunk touches is drawn once, from its start to the last element needed.
    # With `blocks` (one core call for whole blocks in a row), the full blocks
    # inside a run, which no other run touches, are one piece (None, first
    # block, count, offset in out).
    pieces = []
    at = 0
    for first, length in runs:
        end = first + length
        i = first
        while i < end:
            b = i // BLOCK
            if blocks is not None and i == b * BLOCK and end - i >= BLOCK:
                k = (end - i) // BLOCK
                pieces.append((None, b, k, at))
                at += k * BLOCK
                i += k * BLOCK
                continue
            hi = min(end, (b + 1) * BLOCK)
            pieces.append((b, i, hi, at))
            at += hi - i
            i = hi
    n = 0
    while n < len(pieces):
        b = pieces[n][0]
        if b is None:
            _, b0, k, o = pieces[n]
            used = blocks(b0 * W, W, out[o:o + k * BLOCK])
            over = _np.flatnonzero(used > W)
            if over.size:
                j = int(over[0])
                raise _overrun(spec, b0 + j, int(used[j]), BLOCK, W)
            n += 1
            continue
        m = n
        while m + 1 < len(pieces) and pieces[m + 1][0] == b:
            m += 1
        start = b * BLOCK
        need = pieces[m][2] - start
        whole = n == m and pieces[n][1] == start  # one piece from the block's start
        o = pieces[n][3]
        pv = None if src is None else src.flat(start, start + need)
        buf, end = variates(b * W, need, out[o:o + need] if whole else None, pv)
        if end - b * W > W:
            raise _overrun(spec, b, end - b * W, need, W)
        if not whole:
            for _, lo, hi, o in pieces[n:m + 1]:
                out[o:o + hi - lo] = buf[lo - start:hi - start]
        n = m + 1


def _boxes(shape, first, last):
    """The flat range [first, last) of a C-order array of `shape` as at most
    2 * ndim + 1 boxes, each a list of per-dimension (lo, hi)."""
    if first >= last:
        return []
    if not shape:
        return [[]]
    row = _prod(shape[1:])
    r0, r1 = first // row, (last - 1) // row
    if r0 == r1:
        return [[(r0, r0 + 1)] + b for b in _boxes(shape[1:], first - r0 * row, last - r0 * row)]
    out, a, e = [], r0, r1 + 1
    if first % row:
        out += [[(r0, r0 + 1)] + b for b in _boxes(shape[1:], first % row, row)]
        a = r0 + 1
    if last - r1 * row < row:
        out += [[(r1, r1 + 1)] + b for b in _boxes(shape[1:], 0, last - r1 * row)]
        e = r1
    if a < e:
        out.append([(a, e)] + [(0, n) for n in shape[1:]])
    return out


def _block_hull_chunks(shape, offsets, starts, sizes):
    """The chunk indices (into a chunking with these offsets) holding the elements a
    block-layout chunk draws: each block it touches from the block's start to the
    last element it needs."""
    ranges = []
    for first, length in _runs(shape, starts, sizes):
        lo = first - first % BLOCK
        if ranges and lo <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], first + length)
        else:
            ranges.append([lo, first + length])
    found = set()
    for lo, hi in ranges:
        for box in _boxes(shape, lo, hi):
            per_dim = []
            for d, (a, b) in enumerate(box):
                c0 = int(_np.searchsorted(offsets[d], a, side="right")) - 1
                c1 = int(_np.searchsorted(offsets[d], b - 1, side="right")) - 1
                per_dim.append(range(c0, c1 + 1))
            found.update(_product(*per_dim))
    return sorted(found)


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


# Arguments that select the algorithm or the dtype: never broadcast.
_OPTIONS = ("dtype", "endpoint", "method")


def _split(method, params):
    """Scalars stay in params; array-valued distribution parameters (numpy arrays,
    anything numpy makes an array of, dask arrays) are moved to the returned dict."""
    arrays = {}
    for name, v in list(params.items()):
        if name == "dtype":
            try:
                params[name] = _np.dtype(v).name
            except TypeError:
                raise TypeError(f"cbrng.dask: {method}: unsupported dtype {v!r}") from None
            continue
        if not isinstance(v, _da.Array):
            if _np.ndim(v) == 0:
                if isinstance(v, _np.ndarray):
                    params[name] = v[()]
                continue
            v = _np.asarray(v)
        if name in _OPTIONS:
            raise TypeError(f"cbrng.dask: {method}: {name} must be a scalar, got "
                            f"{type(v).__name__} of shape {v.shape}")
        if any(_np.isnan(d) for d in v.shape):
            raise ValueError(f"cbrng.dask: {method}: parameter {name} has an unknown shape "
                             f"{v.shape} (compute its chunk sizes first)")
        arrays[name] = v
        del params[name]
    return arrays


def _param_shape(method, size, arrays):
    """The output shape: size, to which every array parameter must broadcast, or
    (size None) the parameters' broadcast shape. A mismatch is a ValueError naming
    the parameter."""
    shape = None if size is None else _shape(size, method)
    if shape is not None:
        for name, v in arrays.items():
            try:
                ok = _np.broadcast_shapes(tuple(v.shape), shape) == shape
            except ValueError:
                ok = False
            if not ok:
                raise ValueError(f"cbrng.dask: {method}: parameter {name} of shape "
                                 f"{tuple(v.shape)} does not broadcast to size {shape}")
        return shape
    shape = ()
    for name, v in arrays.items():
        try:
            shape = _np.broadcast_shapes(shape, tuple(v.shape))
        except ValueError:
            raise ValueError(f"cbrng.dask: {method}: parameter {name} of shape "
                             f"{tuple(v.shape)} does not broadcast with the other "
                             f"parameters' shape {shape}") from None
    return shape


# Stand-ins for dask-array parameters in the build-time checks (their values are
# known at compute time only; the chunks then run cbrng.Generator's own checks).
_STAND_IN = {"loc": 0.0, "scale": 1.0, "shape": 1.0, "a": 1.0, "b": 1.0, "df": 1.0,
             "dfnum": 1.0, "dfden": 1.0, "mean": 0.0, "sigma": 1.0, "p": 0.5, "lam": 1.0,
             "n": 1, "low": 0, "high": 1}


def _stand_ins(method, params, values):
    """`values` with each None (a dask-array parameter) replaced by a value that passes
    cbrng.Generator's checks together with the others (params: the scalars): the
    low/high pairs of uniform and integers are made consistent with the known side."""
    known = dict(params)
    known.update((k, v) for k, v in values.items() if v is not None)
    out = dict(values)
    for name, v in values.items():
        if v is not None:
            continue
        out[name] = _STAND_IN.get(name, 1)
        if method == "integers" and name == "low" and known.get("high") is None:
            out[name] = 1  # integers(low) alone: low is the (exclusive) upper bound
            continue
        if name not in ("low", "high") or method not in ("uniform", "integers"):
            continue
        other = known.get("high" if name == "low" else "low")
        if other is None or not _np.size(other):
            continue
        closed = method == "uniform" or bool(params.get("endpoint", False))
        ref = _np.min(other) if name == "low" else _np.max(other)
        step = 0 if closed else (-1 if name == "low" else 1)
        out[name] = ref.item() + step if isinstance(ref, _np.generic) else ref + step
    return out


class _Dry(_generator.Generator):
    """Runs cbrng.Generator's checks and argument mapping, draws nothing."""

    def _locked(self, call, *args):
        if call is _core.frozen_fill:
            args[1][...] = 0


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

    def _elementwise(self, method, params, size, chunks, arrays=None):
        """An array whose element i depends on i only (fixed or block layout), and on
        the array parameters `arrays` broadcast to element i."""
        arrays = arrays or {}
        shape = _param_shape(method, size, arrays) if arrays else _shape(size, method)
        if arrays:
            self._check_arrays(method, params, arrays)
        # One variate: numpy's and cbrng's checks of the parameters happen now, with
        # their messages, and the core call shows the C++ distribution (the same for
        # every value of the parameters: element 0's values stand in for the arrays).
        probe = _stand_ins(method, params, {
            k: (_np.asarray(v).flat[0] if isinstance(v, _np.ndarray) and v.size else None)
            for k, v in arrays.items()})
        rec = _Recorder(_cbrng.Stream(self.seed, self.process, self.task, self.generator))
        one = getattr(rec, method)(**params, **probe, size=1)
        wpv = _words_per_variate(self.generator, rec.calls, method)
        n = _prod(shape)
        limit = max_elements(self.generator, wpv)
        if n > limit:
            layout = (f"the fixed layout, {wpv} words per variate" if wpv else
                      f"the block layout, {block_words(self.generator)} words per "
                      f"{BLOCK} elements")
            raise ValueError(f"cbrng.dask: {method}: size {shape} has {n} elements, more than "
                             f"a {self.generator} stream holds in {layout} ({limit})")
        # With array parameters the chunks call the method itself (it maps each
        # element's parameters to the C++ distribution's).
        core = None if arrays else _direct_core(self, rec.calls, one)
        spec = (self.generator, self.seed, self.process, self.task, method, (),
                tuple(params.items()), one.dtype.str, wpv, shape, core, tuple(arrays))
        if arrays:
            return self._make_arrays(spec, shape, chunks, arrays)
        return self._make(spec, shape, chunks)

    def _check_arrays(self, method, params, arrays):
        """cbrng.Generator's checks of the numpy-array parameters' values, now (dask
        arrays' values are checked by the chunks, with the same messages), in slices
        of the parameters' broadcast shape, drawing nothing."""
        known = {k: v for k, v in arrays.items() if isinstance(v, _np.ndarray)}
        if not known:
            return
        dry = _Dry(_cbrng.Stream(self.seed, self.process, self.task, self.generator))
        values = _stand_ins(method, params, {k: known.get(k) for k in arrays})
        views = dict(zip(known, _np.broadcast_arrays(*known.values())))
        bshape = next(iter(views.values())).shape
        if not bshape or 0 in bshape:
            return
        step = max(1, (1 << 20) // max(1, _prod(bshape[1:])))
        for i in range(0, bshape[0], step):
            part = {k: v[i:i + step] for k, v in views.items()}
            getattr(dry, method)(**params, **dict(values, **part))

    def _method(self, method, args, kwargs):
        chunks = kwargs.pop("chunks", "auto")
        params, size = _bind(method, args, kwargs)
        arrays = _split(method, params)
        return self._elementwise(method, params, size, chunks, arrays)

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
                tuple(params.items()), _np.dtype(_np.int64).str, 0, shape, None, ())
        return self._make_whole(spec, shape, chunks)


class Generator(_Base):
    """Random ``dask.array.Array``s from the stream (seed, process, task) of `generator`.

    Generator(seed, process=0, task=0, generator="philox4x32_10")

    The methods of ``cbrng.Generator`` (numpy's names and parameters: scalars, numpy
    or dask arrays, broadcast against ``size``) plus
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

    def _make_arrays(self, spec, shape, chunks, arrays):
        # Each parameter broadcast to the output's shape and chunked as the output;
        # a chunk's task names the parameter blocks it needs: its own (fixed layout)
        # or those holding every element it draws (block layout).
        dtype = _np.dtype(spec[7])
        chunks = _chunks(chunks, shape, dtype, spec[4])
        pars = [_da.broadcast_to(_da.asarray(v), shape).rechunk(chunks)
                for v in arrays.values()]
        name = f"cbrng-{spec[4]}-" + _tokenize(spec, chunks, [p.name for p in pars])
        offsets = [_np.concatenate([[0], _np.cumsum(c)]).astype(int).tolist() for c in chunks]
        dsk = {}
        for idx in _np.ndindex(*[len(c) for c in chunks]):
            starts = tuple(offsets[d][i] for d, i in enumerate(idx))
            sizes = tuple(chunks[d][i] for d, i in enumerate(idx))
            need = [idx] if spec[8] else _block_hull_chunks(shape, offsets, starts, sizes)
            pblocks = [[[(p.name,) + j, [offsets[d][i] for d, i in enumerate(j)]]
                        for j in need] for p in pars]
            dsk[(name,) + idx] = (_chunk, spec, starts, sizes, pblocks)
        graph = _HighLevelGraph.from_collections(name, dsk, dependencies=pars)
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

    def _make_arrays(self, spec, shape, chunks, arrays):
        zero = [0] * len(shape)
        full = [_np.broadcast_to(_np.asarray(v), shape) for v in arrays.values()]
        return _chunk(spec, tuple(zero), shape, [[[f, zero]] for f in full])

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
