"""cbrng.Stream as a numpy.random.BitGenerator: numpy's interface (capsule, lock,
random_raw, ctypes, cffi, state, seed_seq, pickling), the buffered words' exact
positions, numpy integers as ids, and the refusal of SeedSequence / spawn."""
import copy
import ctypes
import pickle

import numpy as np
import pytest

import cbrng


@pytest.mark.parametrize("name", cbrng.generators)
def test_is_a_bit_generator_numpy_accepts(name):
    s = cbrng.Stream(3, 1, 4, name)
    assert isinstance(s, np.random.BitGenerator)
    g = np.random.default_rng(s)  # default_rng passes a BitGenerator through
    assert g.bit_generator is s and isinstance(g, np.random.Generator)
    assert np.random.Generator(s).bit_generator.lock is s.lock
    assert isinstance(s.lock, cbrng.ForkSafeLock)


@pytest.mark.parametrize("name", cbrng.generators)
def test_random_raw_is_the_stream_words(name):
    s = cbrng.Stream(3, 1, 4, name)
    want = cbrng.Stream(3, 1, 4, name).words(300).astype(np.uint64)
    a = s.random_raw(7)
    assert a.dtype == np.uint64 and a.tolist() == want[:7].tolist()
    assert s.random_raw() == int(want[7])
    assert s.random_raw(12, output=False) is None and s.position == 20
    assert s.random_raw((2, 5)).ravel().tolist() == want[20:30].tolist()


@pytest.mark.parametrize("name", cbrng.generators)
def test_ctypes_interface_draws_the_stream_words(name):
    s = cbrng.Stream(9, 0, 1, name)
    ref = cbrng.Stream(9, 0, 1, name)
    ct = s.ctypes
    assert ct is s.ctypes and ct.state_address == ct.state.value
    got = [ct.next_uint32(ct.state) for _ in range(5)]
    if s.word_bits == 32:
        assert got == [int(w) for w in ref.words(5)]
    else:
        # both halves of each word, low first; the fifth call's word keeps its high half
        w = [int(x) for x in ref.words(3)]
        assert got == [w[0] & 0xFFFFFFFF, w[0] >> 32, w[1] & 0xFFFFFFFF, w[1] >> 32,
                       w[2] & 0xFFFFFFFF]
        assert s.position == 3
    w = [int(x) for x in ref.words(4)]
    if s.word_bits == 32:
        assert ct.next_uint64(ct.state) == w[0] | (w[1] << 32)
        assert ct.next_double(ct.state) == ((w[2] | (w[3] << 32)) >> 11) * 2.0**-53
    else:
        assert ct.next_uint64(ct.state) == w[0]
        assert ct.next_double(ct.state) == (w[1] >> 11) * 2.0**-53
        # next_uint64 and next_double left the waiting half alone
        w2 = int(cbrng.Stream(9, 0, 1, name).words(3)[2])
        assert ct.next_uint32(ct.state) == w2 >> 32
        assert ct.next_uint32(ct.state) == w[2] & 0xFFFFFFFF
    # The bitgen_t pointer is the capsule's.
    get = ctypes.pythonapi.PyCapsule_GetPointer
    get.restype, get.argtypes = ctypes.c_void_p, [ctypes.py_object, ctypes.c_char_p]
    assert get(s.capsule, b"BitGenerator") == ct.bit_generator.value


def test_cffi_works_or_raises_import_error_as_numpy_does():
    s = cbrng.Stream(1)
    try:
        import cffi  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="cffi cannot be imported"):
            s.cffi
    else:
        assert s.cffi.next_uint32(s.cffi.state) == cbrng.Stream(1).words(1)[0]


@pytest.mark.parametrize("name", cbrng.generators)
@pytest.mark.parametrize("drawn", [0, 1, 3, 5, 127, 129, 1000])
def test_buffered_words_are_not_counted(name, drawn):
    """Every move and read accounts for words buffered but not yet drawn."""
    g = np.random.Generator(cbrng.Stream(5, 2, 8, name))
    s = g.bit_generator
    s.random_raw(drawn)
    ref = cbrng.Stream(5, 2, 8, name).words(drawn + 2000)
    assert s.position == drawn and s.state["position"] == drawn
    assert s.random_raw(3).tolist() == ref[drawn:drawn + 3].astype(np.uint64).tolist()
    s.advance(17)
    assert s.position == drawn + 20
    assert s.words(4).tolist() == ref[drawn + 20:drawn + 24].tolist()  # bulk after buffered
    assert s.random_raw(2).tolist() == ref[drawn + 24:drawn + 26].astype(np.uint64).tolist()
    s.position = drawn + 1
    assert s.random_raw(1)[0] == ref[drawn + 1]
    c = pickle.loads(pickle.dumps(s))
    assert c.position == drawn + 2 == copy.deepcopy(s).position
    assert c.random_raw(5).tolist() == s.random_raw(5).tolist()


@pytest.mark.parametrize("name", cbrng.generators)
def test_generator_words_match_cpp_after_many_refills(name):
    g = np.random.Generator(cbrng.Stream(11, 0, 3, name))
    n = 5000  # many buffer refills
    x = g.integers(0, 2**32, size=n, dtype=np.uint64, endpoint=False)
    assert x.shape == (n,)
    s = g.bit_generator
    pos = s.position
    assert s.random_raw(4).tolist() == cbrng.Stream(11, 0, 3, name).words(pos + 4)[
        pos:].astype(np.uint64).tolist()


def test_state_setter_refuses_a_non_dict():
    s = cbrng.Stream(1)
    with pytest.raises(TypeError, match="state must be a dict"):
        s.state = [1, 2]


def test_pickle_shapes_of_numpy_1_and_2():
    s = cbrng.Stream(4, 0, 9, "threefry2x64_20")
    s.random_raw(5)
    ctor, args, state = s.__reduce__()
    assert args == ("cbrng.threefry2x64_20",) and state == s.state
    t = ctor(*args)
    t.__setstate__(state)
    assert t == s
    # numpy 2's BitGenerator.__getstate__ shape: (state, seed_seq).
    u = ctor(*args)
    u.__setstate__((state, None))
    assert u == s
    # numpy 2's Generator.__reduce__ is (__generator_ctor, (bit_generator,), None):
    # the Stream pickles itself, and __generator_ctor wraps it in a Generator
    # when isinstance(it, BitGenerator) (numpy 2 is not installed here).
    (back,) = pickle.loads(pickle.dumps((s,)))
    assert isinstance(back, np.random.BitGenerator) and back == s
    assert np.random.Generator(back).random(4).tolist() == np.random.Generator(s).random(4).tolist()


def test_seed_sequence_and_spawn_are_refused_with_the_reason():
    with pytest.raises(TypeError, match=r"\(seed, process, task\).*task id"):
        cbrng.Stream(np.random.SeedSequence(5))
    s = cbrng.Stream(5)
    with pytest.raises(TypeError, match=r"task id"):
        s.spawn(2)
    g = np.random.Generator(s)
    if hasattr(g, "spawn"):  # numpy >= 1.25
        with pytest.raises(TypeError, match=r"task id"):
            g.spawn(2)
    assert s.seed_seq is s._seed_seq and not isinstance(s.seed_seq, np.random.SeedSequence)


@pytest.mark.parametrize("kind", [np.int64, np.uint64, np.int32, np.uint8, np.intp])
def test_numpy_integers_are_ids(kind):
    want = cbrng.Stream(42, 1, 7).words(5).tolist()
    s = cbrng.Stream(kind(42), kind(1), kind(7))
    assert (s.seed, s.process, s.task) == (42, 1, 7) and type(s.seed) is int
    assert s.words(5).tolist() == want
    assert cbrng.generator(42, 0, kind(1)).bit_generator.task == 1
    s.position = kind(3)
    s.advance(kind(2))
    assert s.position == 5
    st = s.state
    st["task"] = kind(8)
    s.state = st
    assert s.task == 8


def test_arange_values_are_ids():
    tasks = np.arange(4)
    got = [cbrng.Stream(1, 0, t).words(2).tolist() for t in tasks]
    assert got == [cbrng.Stream(1, 0, int(t)).words(2).tolist() for t in tasks]


@pytest.mark.parametrize("field", ["seed", "process", "task"])
def test_numpy_bools_floats_negatives_and_overflow_name_the_field(field):
    def make(v):
        return cbrng.Stream(**{field: v})
    for bad in (True, np.bool_(True), 1.0, np.float64(2.0), np.float32(1.0), "3"):
        with pytest.raises(TypeError, match=f"{field} must be an int"):
            make(bad)
    with pytest.raises(ValueError, match=f"{field} must be >= 0, got -1"):
        make(np.int64(-1))
    with pytest.raises(ValueError, match=f"{field} 18446744073709551616 exceeds the 64-bit "
                                         "field's limit 18446744073709551615"):
        make(2**64)
    assert make(np.uint64(2**64 - 1) if field != "process" else np.uint64(5)) is not None


def test_position_and_advance_reject_numpy_bools_and_floats():
    s = cbrng.Stream(1)
    with pytest.raises(TypeError, match="position must be an int"):
        s.position = np.bool_(True)
    with pytest.raises(TypeError, match="advance must be an int"):
        s.advance(np.float64(1.0))
    with pytest.raises(ValueError, match="advance must be >= 0"):
        s.advance(np.int32(-1))


@pytest.mark.parametrize("name", [g for g in cbrng.generators if cbrng.Stream(0, 0, 0, g).word_bits == 64])
def test_the_waiting_half_is_state(name):
    """64-bit words: the half next_uint32 keeps travels with state, copy and pickle,
    and every move of the stream forgets it."""
    s = cbrng.Stream(3, 0, 4, name)
    ct = s.ctypes
    first = ct.next_uint32(ct.state)
    w0 = int(cbrng.Stream(3, 0, 4, name).words(1)[0])
    assert first == w0 & 0xFFFFFFFF
    st = s.state
    assert st["has_uint32"] == 1 and st["uinteger"] == w0 >> 32 and st["position"] == 1
    for other in (s.copy(), pickle.loads(pickle.dumps(s))):
        assert other.state == st
        oc = other.ctypes
        assert oc.next_uint32(oc.state) == w0 >> 32
    g = np.random.Generator(cbrng.Stream(3, 0, 4, name))
    g.bit_generator.state = st
    g2 = pickle.loads(pickle.dumps(g))
    assert g2.integers(0, 2**32, size=3, dtype=np.uint32).tolist() == \
        g.integers(0, 2**32, size=3, dtype=np.uint32).tolist()
    # moves forget it
    for move in (lambda x: setattr(x, "position", 1), lambda x: x.advance(0),
                 lambda x: setattr(x, "state", {k: v for k, v in st.items()
                                                if k not in ("has_uint32", "uinteger")})):
        t = s.copy()
        move(t)
        assert t.state["has_uint32"] == 0 and t.state["uinteger"] == 0
        tc = t.ctypes
        assert tc.next_uint32(tc.state) == int(cbrng.Stream(3, 0, 4, name).words(2)[1]) & 0xFFFFFFFF
    # jumped() is a move too; the bulk draws leave the half waiting
    assert s.jumped(0).state["has_uint32"] == 0
    s.words(2)
    assert s.state["has_uint32"] == 1 and s.state["position"] == 3


def test_waiting_half_state_errors():
    s = cbrng.Stream(1, 0, 0, "philox4x64_10")
    st = s.state
    with pytest.raises(ValueError, match="has_uint32 must be 0 or 1"):
        s.state = dict(st, has_uint32=2)
    with pytest.raises(ValueError, match="uinteger 4294967296 exceeds the 32-bit limit"):
        s.state = dict(st, uinteger=2**32)
    with pytest.raises(TypeError, match="has_uint32 must be an int"):
        s.state = dict(st, has_uint32=1.0)
    n = cbrng.Stream(1)
    assert "has_uint32" not in n.state
    with pytest.raises(ValueError, match="has_uint32 must be 0 for philox4x32_10"):
        n.state = dict(n.state, has_uint32=1)
