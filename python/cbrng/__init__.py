"""cbrng for Python: the C++ library's counter-based streams as numpy bit generators.

    import cbrng
    rng = cbrng.generator(seed=42, process=0, task=7)   # a numpy.random.Generator
    x = rng.normal(size=1000)                           # numpy's algorithms on cbrng's words

``cbrng.Stream(seed, process, task, generator)`` is the bit generator: its raw
words equal the C++ ``cbrng::stream<B>{stream_id{seed, process, task}}``'s,
position for position, and its bulk methods (``random``, ``uniform``,
``normal``, ``standard_normal``, ``exponential``, ``integers``, ``words``) are
the C++ library's frozen distributions filled by ``cbrng::fill``, so Python and
C++ give the same numbers for the same id. ``numpy.random.Generator`` methods
are numpy's algorithms (numpy's to change, not frozen by cbrng).

Streams need no lock between processes and hold only a lock that a fork never
leaves held in the child. ``task_scope`` / ``current`` give code that cannot
take a generator argument a per-thread current stream, and
``protect_numpy_global()`` makes numpy's legacy global ``np.random.*`` safe
under ``multiprocessing`` pools (numpy issue 9248). See docs/python.md.
"""

import os as _os
import threading as _threading

import collections as _collections

import numpy as _np
from numpy.random.bit_generator import ISeedSequence as _ISeedSequence
from numpy.random.bit_generator import SeedlessSeedSequence as _SeedlessSeedSequence

from . import _core
from ._core import ForkSafeLock

#: The library's version (include/cbrng/config.hpp's CBRNG_VERSION_* macros).
__version__ = _core.__version__

__all__ = [
    "Stream",
    "ForkSafeLock",
    "Generator",
    "generator",
    "generators",
    "task_scope",
    "current",
    "default_stream_id",
    "protect_numpy_global",
    "DEFAULT_SEED",
]

#: The generators offered as streams (the C++ stream generators).
generators = tuple(_core.generators)

#: Seed of every thread's unscoped default stream: "cbrng-01", as in C++
#: (include/cbrng/ambient.hpp, cbrng::default_stream_id).
DEFAULT_SEED = 0x63626E72672D3031


#: numpy's ctypes / cffi interface tuple (numpy.random.BitGenerator.ctypes).
_Interface = _collections.namedtuple(
    "interface", ["state_address", "state", "next_uint64", "next_uint32", "next_double",
                  "bit_generator"])


def _shape(size):
    if size is None:
        return None
    if isinstance(size, (int, _np.integer)):
        return (int(size),)
    return tuple(int(s) for s in size)


_SEED_SEQUENCE_ERROR = (
    "cbrng names streams by (seed, process, task), not by SeedSequence: "
    "give each independent stream its own task id (cbrng.Stream(seed, process, task)) "
    "instead of spawning or seeding from a SeedSequence")


def _is_seed_sequence(x):
    return isinstance(x, (_np.random.SeedSequence, _ISeedSequence))


class Stream(_np.random.BitGenerator):
    """A numpy bit generator over the C++ stream (seed, process, task) of `generator`.

    Stream(seed=0, process=0, task=0, generator="philox4x32_10")

    A ``numpy.random.BitGenerator`` subclass. Every argument is checked: ids
    must be integers (Python ints or numpy integers) in [0, 2**64) (process
    also at most ``max_process``, 2**32 - 1 for philox4x32_10, threefry4x32_20
    and philox2x64_10), the generator one of ``cbrng.generators``; anything
    else raises TypeError / ValueError naming the field and its limit. A
    ``numpy.random.SeedSequence`` is refused (TypeError): cbrng names streams
    by task ids, and ``spawn`` raises for the same reason.

    Words: ``position`` counts the C++ stream's words. numpy's Generator reads
    it through ``capsule`` (next_uint64: two 32-bit words low first, or one
    64-bit word; next_uint32: one 32-bit word, or the two halves of one 64-bit
    word in turn, low first, as numpy's own bit generators do; next_double:
    (next_uint64 >> 11) * 2**-53; next_raw: one word).
    Thread-safety: ``lock`` serialises threads sharing one Stream; a forked
    child finds it free (ForkSafeLock).
    """

    def __init__(self, seed=0, process=0, task=0, generator="philox4x32_10"):
        if _is_seed_sequence(seed):
            raise TypeError(f"cbrng.Stream: seed must be an int, got {type(seed).__name__}: "
                            + _SEED_SEQUENCE_ERROR)
        core = _core.Stream(seed, process, task, generator)
        # numpy's own convention for a bit generator without a SeedSequence
        # (a legacy-seeded MT19937): its seed_seq cannot generate or spawn.
        super().__init__(_SeedlessSeedSequence())
        self._core = core
        self._lock = core.lock

    # -------------------------------------------------- what numpy.random.Generator reads

    @property
    def capsule(self):
        """The PyCapsule "BitGenerator" holding this stream's bitgen_t."""
        return self._core.capsule

    @property
    def lock(self):
        """This stream's ForkSafeLock (numpy's Generator holds it around every draw)."""
        return self._lock

    @property
    def seed_seq(self):
        """numpy's SeedlessSeedSequence: a Stream is named by (seed, process, task)."""
        return self._seed_seq

    def spawn(self, n_children):
        """Refused (TypeError): cbrng names streams by task ids, not SeedSequence spawning."""
        raise TypeError("cbrng.Stream.spawn: " + _SEED_SEQUENCE_ERROR)

    # -------------------------------------------------- identity

    generator = property(lambda self: self._core.generator,
                         doc="The stream generator's name (one of cbrng.generators).")
    word_bits = property(lambda self: self._core.word_bits,
                         doc="Bits per stream word: 32 or 64.")
    max_process = property(lambda self: self._core.max_process,
                           doc="The largest process id this generator's layout holds.")
    capacity = property(lambda self: self._core.capacity,
                        doc="Words in one stream (positions run from 0 to capacity).")
    seed = property(lambda self: self._core.seed, doc="The stream id's seed.")
    process = property(lambda self: self._core.process, doc="The stream id's process id.")
    task = property(lambda self: self._core.task, doc="The stream id's task id.")

    # -------------------------------------------------- moves
    # Reads and moves take the lock, so they never race a fill that another
    # thread runs with the GIL released.

    @property
    def position(self):
        """Words drawn so far (the index of the next word); set it to seek in O(1)."""
        with self._lock:
            return self._core.position

    @position.setter
    def position(self, p):
        with self._lock:
            self._core.position = p

    @property
    def state(self):
        """{"bit_generator": "cbrng.<generator>", "seed", "process", "task", "position"},
        and for 64-bit-word generators "has_uint32" and "uinteger" (numpy's names): the
        high half of the word the last next_uint32 split, which the next one returns.
        Setting a state without them (an older one) leaves no half waiting."""
        with self._lock:
            return self._core.state

    @state.setter
    def state(self, st):
        if not isinstance(st, dict):
            raise TypeError(f"cbrng: state must be a dict, got {type(st).__name__}")
        with self._lock:
            self._core.state = st

    def advance(self, n):
        """Moves n words forward in O(1); IndexError past the end. Returns self."""
        with self._lock:
            self._core._advance(n)
        return self

    def jumped(self, n):
        """A copy of this stream n words further on (O(1)); this one does not move."""
        s = self.copy()
        s._core._advance(n)
        return s

    def copy(self):
        """An independent Stream with the same state (id, position and, for 64-bit
        words, the half next_uint32 keeps)."""
        s = Stream(self.seed, self.process, self.task, self.generator)
        s.state = self.state
        return s

    # Pickling: (constructor, (bit_generator name,), state). numpy 1.24's
    # Generator.__reduce__ reuses this constructor as its bit_generator_ctor;
    # numpy 2's pickles the Stream object itself (through this __reduce__).
    def __reduce__(self):
        st = self.state
        return (_stream_for_generator, (st["bit_generator"],), st)

    def __getstate__(self):
        return self.state

    def __setstate__(self, state):
        # numpy 2's BitGenerator.__getstate__ shape (state, seed_seq) too.
        if isinstance(state, tuple):
            state = state[0]
        self.state = state

    def __repr__(self):
        return (
            f"cbrng.Stream(seed={self.seed}, process={self.process}, task={self.task}, "
            f"generator={self.generator!r}) at position {self.position}"
        )

    def __eq__(self, other):
        if not isinstance(other, Stream):
            return NotImplemented
        return self.state == other.state

    __hash__ = None

    # -------------------------------------------------- numpy's BitGenerator interface

    def random_raw(self, size=None, output=True):
        """numpy's BitGenerator.random_raw: `size` next_raw draws (one stream word each,
        as uint64); None returns one int. output=False draws and returns None."""
        if self.word_bits == 64:
            out = self._run(_core.Stream._words64, _np.uint64, size)
        else:
            out = self._run(_core.Stream._words32, _np.uint32, size)
            if size is not None:
                out = out.astype(_np.uint64)
        return out if output else None

    @property
    def ctypes(self):
        """numpy's ctypes interface: (state_address, state, next_uint64, next_uint32,
        next_double, bit_generator) as ctypes objects."""
        cached = self.__dict__.get("_ctypes_interface")
        if cached is None:
            import ctypes
            state, u64, u32, dbl, _raw, bitgen = self._core._interface
            cached = _Interface(
                state, ctypes.c_void_p(state),
                ctypes.cast(u64, ctypes.CFUNCTYPE(ctypes.c_uint64, ctypes.c_void_p)),
                ctypes.cast(u32, ctypes.CFUNCTYPE(ctypes.c_uint32, ctypes.c_void_p)),
                ctypes.cast(dbl, ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_void_p)),
                ctypes.c_void_p(bitgen))
            self.__dict__["_ctypes_interface"] = cached
        return cached

    @property
    def cffi(self):
        """numpy's cffi interface (as ``ctypes``, cffi objects); ImportError without cffi."""
        cached = self.__dict__.get("_cffi_interface")
        if cached is None:
            try:
                import cffi
            except ImportError:
                raise ImportError("cffi cannot be imported.") from None
            ffi = cffi.FFI()
            state, u64, u32, dbl, _raw, bitgen = self._core._interface
            cached = _Interface(
                state, ffi.cast("void *", state),
                ffi.cast("uint64_t (*)(void *)", u64),
                ffi.cast("uint32_t (*)(void *)", u32),
                ffi.cast("double (*)(void *)", dbl),
                ffi.cast("void *", bitgen))
            self.__dict__["_cffi_interface"] = cached
        return cached

    # -------------------------------------------------- bulk: cbrng's frozen distributions

    def _run(self, method, dtype, size, *args):
        shape = _shape(size)
        out = _np.empty(1 if shape is None else shape, dtype=dtype)
        with self._lock:
            method(self._core, out, *args)
        return out[0].item() if shape is None else out

    def words(self, size=None):
        """Raw stream words (uint32 or uint64 by ``word_bits``): ``cbrng::fill(s, first, last)``."""
        if self.word_bits == 32:
            return self._run(_core.Stream._words32, _np.uint32, size)
        return self._run(_core.Stream._words64, _np.uint64, size)

    def random(self, size=None):
        """Uniform doubles in [0, 1): C++ ``uniform_real_distribution<double>(0, 1)``,
        (x >> 11) * 2**-53 of one 64-bit draw. Equal to ``Generator(stream).random``."""
        return self._run(_core.Stream._uniform, _np.float64, size, 0.0, 1.0)

    def uniform(self, low=0.0, high=1.0, size=None):
        """Uniform doubles in [low, high): C++ ``uniform_real_distribution<double>(low, high)``
        (low <= high, both finite; never returns high)."""
        return self._run(_core.Stream._uniform, _np.float64, size, float(low), float(high))

    def normal(self, loc=0.0, scale=1.0, size=None):
        """Normal doubles: C++ ``normal_distribution<double>(loc, scale)`` (inversion,
        one 64-bit draw per variate; scale > 0)."""
        return self._run(_core.Stream._normal, _np.float64, size, float(loc), float(scale))

    def standard_normal(self, size=None):
        """``normal(0, 1, size)``."""
        return self._run(_core.Stream._normal, _np.float64, size, 0.0, 1.0)

    def exponential(self, scale=1.0, size=None):
        """Exponential doubles with mean `scale`: C++ ``exponential_distribution<double>(1 / scale)``
        (inversion, one 64-bit draw per variate)."""
        scale = float(scale)
        if not scale > 0.0:
            raise ValueError(f"cbrng: exponential scale must be > 0, got {scale!r}")
        return self._run(_core.Stream._exponential, _np.float64, size, 1.0 / scale)

    def integers(self, low, high=None, size=None, endpoint=False):
        """int64 in [low, high) ([low, high] with endpoint=True; [0, low) when high is None):
        C++ ``uniform_int_distribution<int64_t>(low, high - 1)`` (Lemire's method, unbiased)."""
        if high is None:
            low, high = 0, low
        low, high = int(low), int(high)
        top = high if endpoint else high - 1
        if top < low:
            raise ValueError(f"cbrng: integers needs low < high (or low <= high with "
                             f"endpoint=True), got low={low}, high={high}")
        if low < -(2**63) or top > 2**63 - 1:
            raise ValueError(f"cbrng: integers bounds must fit int64, got [{low}, {top}]")
        return self._run(_core.Stream._integers, _np.int64, size, low, top)


def _stream_for_generator(name):
    if not isinstance(name, str) or not name.startswith("cbrng."):
        raise ValueError(f"cbrng: not a cbrng stream: bit_generator {name!r}")
    return Stream(generator=name[len("cbrng."):])


_NO_GENERATOR = object()


def generator(seed, process=0, task=0, generator=_NO_GENERATOR, *, bit_generator=None):
    """``cbrng.Generator(cbrng.Stream(seed, process, task, generator))``: a
    numpy.random.Generator whose frozen methods (cbrng.Generator) are the C++ distributions.
    The old keyword ``bit_generator=`` still names the generator, with a DeprecationWarning;
    passing both is a TypeError. Default generator: "philox4x32_10"."""
    if bit_generator is not None:
        if generator is not _NO_GENERATOR:
            raise TypeError("cbrng.generator: pass the generator name as generator= only "
                            "(bit_generator= is its deprecated old name), not both")
        import warnings

        warnings.warn("cbrng.generator: the keyword bit_generator= is deprecated, use "
                      "generator=", DeprecationWarning, stacklevel=2)
        generator = bit_generator
    if generator is _NO_GENERATOR:
        generator = "philox4x32_10"
    return Generator(Stream(seed, process, task, generator))


# ------------------------------------------------------------------ ambient stream

_initial_pid = _os.getpid()
_tls = _threading.local()


def default_stream_id(pid=None):
    """The unscoped default stream's (seed, process, task) in process `pid` (default: this one):
    (DEFAULT_SEED, 0, 0) in the process that imported cbrng, (DEFAULT_SEED, pid & (2**32 - 1), 0)
    in a process forked from it (as the C++ cbrng::default_stream_for)."""
    if pid is None:
        pid = _os.getpid()
    if pid == _initial_pid:
        return (DEFAULT_SEED, 0, 0)
    return (DEFAULT_SEED, pid & 0xFFFFFFFF, 0)


def current():
    """This thread's current Generator: the innermost task_scope's, or outside any scope
    this thread's default (default_stream_id(), re-keyed on first use after a fork).
    Thread-local, takes no lock shared between threads."""
    stack = getattr(_tls, "stack", None)
    if stack:
        return stack[-1]
    pid = _os.getpid()
    if getattr(_tls, "default_pid", None) != pid:
        _tls.default = generator(*default_stream_id(pid))
        _tls.default_pid = pid
    return _tls.default


class task_scope:
    """``with cbrng.task_scope(seed, process, task) as rng:`` makes rng =
    ``generator(seed, process, task)`` this thread's ``current()`` until the block
    exits, then restores the previous one exactly (position included). Nests;
    thread-local; use it on one thread."""

    def __init__(self, seed, process=0, task=0):
        self._rng = generator(seed, process, task)

    def __enter__(self):
        stack = getattr(_tls, "stack", None)
        if stack is None:
            stack = _tls.stack = []
        stack.append(self._rng)
        return self._rng

    def __exit__(self, *exc):
        stack = _tls.stack
        if not stack or stack[-1] is not self._rng:
            raise RuntimeError("cbrng.task_scope: scopes must close in the reverse order "
                               "they opened, on the thread that opened them")
        stack.pop()
        return False


from ._numpy_global import protect_numpy_global  # noqa: E402
from ._generator import Generator  # noqa: E402
