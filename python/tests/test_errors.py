"""Bad input: an exception naming the field and the limit, never a silent wrap."""
import subprocess
import sys

import numpy as np
import pytest

import cbrng


@pytest.mark.parametrize("field", ["seed", "process", "task"])
def test_negative_and_too_large_ids(field):
    with pytest.raises(ValueError, match=f"{field} must be >= 0, got -1"):
        cbrng.Stream(**{field: -1})
    with pytest.raises(ValueError, match=f"{field} 18446744073709551616 exceeds the 64-bit "
                                         f"field's limit 18446744073709551615"):
        cbrng.Stream(**{field: 2**64})
    with pytest.raises(TypeError, match=f"{field} must be an int, got float"):
        cbrng.Stream(**{field: 1.0})
    cbrng.Stream(**{field: 2**64 - 1}, generator="threefry4x64_20")  # the limit itself is fine


@pytest.mark.parametrize("name", ["philox4x32_10", "threefry4x32_20", "philox2x64_10"])
def test_process_above_field(name):
    cbrng.Stream(0, 2**32 - 1, 0, name)
    with pytest.raises(ValueError, match=f"process id 4294967296 exceeds {name}'s process "
                                         f"field limit 4294967295"):
        cbrng.Stream(0, 2**32, 0, name)


def test_unknown_generator():
    with pytest.raises(ValueError, match="unknown generator 'mt19937'; the stream generators are "
                                         "philox4x32_10, philox2x64_10"):
        cbrng.Stream(generator="mt19937")
    with pytest.raises(ValueError, match="unknown generator 'philox2x32_10'"):
        cbrng.generator(1, generator="philox2x32_10")


def test_positions_past_the_end():
    s = cbrng.Stream(1)
    cap = s.capacity
    s.position = cap  # the end itself is a position, with nothing left to draw
    with pytest.raises(IndexError, match=f"position {cap + 1} is past the end of the "
                                         f"philox4x32_10 stream, whose capacity is {cap}"):
        s.position = cap + 1
    s.position = cap - 2
    with pytest.raises(IndexError, match=f"advance 3 is past the end.*capacity is {cap}"):
        s.advance(3)
    assert s.position == cap - 2  # a refused move does not move
    assert s.words(2).tolist() != []  # the last two words exist
    with pytest.raises(IndexError, match=r"cbrng::stream<philox4x32>: ran past the end of the "
                                         rf"stream \(capacity {cap} words\)"):
        s.words(1)
    with pytest.raises(IndexError):
        s.random(1)
    t = cbrng.Stream(1)
    with pytest.raises(IndexError, match="past the end"):
        t.jumped(cap + 1)
    with pytest.raises(ValueError, match="advance must be >= 0"):
        t.advance(-1)


def test_past_the_end_through_numpy_aborts_loudly():
    # numpy's bitgen_t has no error channel: the callback ends the process with
    # the C++ message instead of wrapping into numbers already used.
    code = ("import numpy as np, cbrng\n"
            "s = cbrng.Stream(1); s.position = s.capacity - 1\n"
            "np.random.Generator(s).random()\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert "past the end of the stream" in r.stderr and "no error channel" in r.stderr


def test_bad_distribution_parameters():
    s = cbrng.Stream(2)
    with pytest.raises(ValueError):
        s.uniform(1.0, 0.0, 3)
    with pytest.raises(ValueError):
        s.uniform(0.0, float("inf"), 3)
    with pytest.raises(ValueError):
        s.normal(0.0, -1.0, 3)
    with pytest.raises(ValueError, match="exponential scale must be > 0"):
        s.exponential(0.0, 3)
    with pytest.raises(ValueError, match="integers needs low < high"):
        s.integers(5, 5, 3)
    with pytest.raises(ValueError, match="must fit int64"):
        s.integers(0, 2**64, 3)
    assert s.position == 0  # nothing was drawn by refused calls


def test_state_of_another_generator_refused():
    s = cbrng.Stream(generator="philox4x64_10")
    with pytest.raises(ValueError, match="not a cbrng.philox4x64_10 state"):
        s.state = cbrng.Stream().state
    bad = dict(s.state, process=-1)
    with pytest.raises(ValueError, match="process must be >= 0"):
        s.state = bad
    with pytest.raises(ValueError, match="state lacks 'position'"):
        s.state = {"bit_generator": "cbrng.philox4x64_10", "seed": 1, "process": 0, "task": 0}
    with pytest.raises(ValueError):
        np.random.Generator(cbrng.Stream()).bit_generator.state = {"bit_generator": "PCG64"}
