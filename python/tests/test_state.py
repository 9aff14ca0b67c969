"""state, pickling, advance / jumped / position equal sequential draws."""
import pickle

import numpy as np
import pytest

import cbrng


@pytest.mark.parametrize("name", cbrng.generators)
def test_state_round_trip(name):
    s = cbrng.Stream(5, 2, 77, name)
    s.words(13)
    st = s.state
    want = {"bit_generator": "cbrng." + name, "seed": 5, "process": 2, "task": 77,
            "position": 13}
    if s.word_bits == 64:
        want.update(has_uint32=0, uinteger=0)  # no half waiting (test_bitgenerator.py)
    assert st == want
    ahead = s.words(50)
    t = cbrng.Stream(0, 0, 0, name)
    t.state = st
    assert t.words(50).tolist() == ahead.tolist()
    assert t == s


@pytest.mark.parametrize("name", cbrng.generators)
def test_pickle_stream_and_generator(name):
    g = np.random.Generator(cbrng.Stream(8, 1, 2, name))
    g.random(7)
    s2 = pickle.loads(pickle.dumps(g.bit_generator))
    g2 = pickle.loads(pickle.dumps(g))
    assert isinstance(g2.bit_generator, cbrng.Stream)
    assert s2.state == g.bit_generator.state == g2.bit_generator.state
    want = g.random(100).tolist()
    assert g2.random(100).tolist() == want
    assert np.random.Generator(s2).random(100).tolist() == want


@pytest.mark.parametrize("name", cbrng.generators)
@pytest.mark.parametrize("n", [0, 1, 3, 4, 5, 1000, 12345])
def test_advance_equals_draws(name, n):
    a = cbrng.Stream(1, 0, 4, name)
    a.words(3)
    assert a.advance(n) is a
    b = cbrng.Stream(1, 0, 4, name)
    b.words(3 + n)
    assert a.position == b.position == 3 + n
    assert a.words(9).tolist() == b.words(9).tolist()

    c = cbrng.Stream(1, 0, 4, name)
    c.words(3)
    j = c.jumped(n)
    assert c.position == 3 and j.position == 3 + n
    d = cbrng.Stream(1, 0, 4, name)
    d.position = 3 + n
    assert j.words(9).tolist() == d.words(9).tolist() == cbrng.Stream(1, 0, 4, name).words(
        12 + n)[-9:].tolist()


def test_copy_is_independent():
    a = cbrng.Stream(3)
    a.words(2)
    b = a.copy()
    assert b == a and b is not a
    b.words(1)
    assert b != a and a.position == 2


def test_generator_helper_and_repr():
    g = cbrng.generator(10, 1, 2)
    s = g.bit_generator
    assert isinstance(g, np.random.Generator) and isinstance(s, cbrng.Stream)
    assert (s.seed, s.process, s.task, s.generator) == (10, 1, 2, "philox4x32_10")
    assert "seed=10" in repr(s) and "position 0" in repr(s)
    assert s.max_process == 2**32 - 1 and s.capacity == 2**34 and s.word_bits == 32
    assert cbrng.Stream(generator="threefry4x64_20").max_process == 2**64 - 1


def test_scalar_and_shaped_bulk():
    s = cbrng.Stream(4)
    x = s.random()
    assert isinstance(x, float) and 0.0 <= x < 1.0
    assert s.normal(size=(3, 4)).shape == (3, 4)
    assert s.integers(5, size=(2, 2)).dtype == np.int64
    v = s.integers(-3, 3, size=10000, endpoint=True)
    assert v.min() == -3 and v.max() == 3
    assert isinstance(s.words(), int)
    assert s.uniform(2.0, 2.0, 3).tolist() == [2.0, 2.0, 2.0]
