"""task_scope / current: thread-local, nesting, the documented default and its
re-keying in a forked child (as include/cbrng/ambient.hpp)."""
import os
import threading

import numpy as np

import cbrng


def ids(g):
    s = g.bit_generator
    return (s.seed, s.process, s.task)


def test_default_stream():
    assert cbrng.DEFAULT_SEED == 0x63626E72672D3031  # "cbrng-01", cbrng::default_stream_id
    out = {}

    def probe(key):
        out[key] = (ids(cbrng.current()), cbrng.current().bit_generator.words(4).tolist())

    t = threading.Thread(target=probe, args=("thread",))
    t.start()
    t.join()
    probe("main")
    want = cbrng.Stream(cbrng.DEFAULT_SEED).words(4).tolist()
    assert out["thread"] == ((cbrng.DEFAULT_SEED, 0, 0), want)
    # each thread has its own default: the main thread's is untouched by the other's draws
    assert out["main"][0] == (cbrng.DEFAULT_SEED, 0, 0)
    assert cbrng.current() is cbrng.current()


def test_scopes_nest_and_restore():
    outer = cbrng.current()
    with cbrng.task_scope(7, 1, 2) as a:
        assert cbrng.current() is a and ids(a) == (7, 1, 2)
        a.random(3)
        with cbrng.task_scope(7, 1, 3) as b:
            assert cbrng.current() is b
            assert b.random(2).tolist() == cbrng.generator(7, 1, 3).random(2).tolist()
        assert cbrng.current() is a and a.bit_generator.position == 6
    assert cbrng.current() is outer


def test_scope_is_thread_local():
    seen = []
    entered, release = threading.Event(), threading.Event()

    def other():
        with cbrng.task_scope(1, 0, 1):
            entered.set()
            release.wait(10)

    t = threading.Thread(target=other)
    t.start()
    entered.wait(10)
    seen.append(ids(cbrng.current()))
    release.set()
    t.join()
    assert seen == [(cbrng.DEFAULT_SEED, 0, 0)]


def test_misordered_exit_is_an_error():
    a, b = cbrng.task_scope(1), cbrng.task_scope(2)
    a.__enter__()
    b.__enter__()
    try:
        a.__exit__(None, None, None)
        raise AssertionError("expected RuntimeError")
    except RuntimeError as e:
        assert "reverse order" in str(e)
    b.__exit__(None, None, None)
    a.__exit__(None, None, None)


def test_forked_child_rekeys_the_default_but_not_a_scope():
    cbrng.current().random()  # the parent's default is in use
    r, w = os.pipe()
    with cbrng.task_scope(5, 0, 9):
        pid = os.fork()
        if pid == 0:  # child
            try:
                scoped = ids(cbrng.current())
                scoped_words = cbrng.current().bit_generator.words(2).tolist()
                with cbrng.task_scope(6):
                    pass
            finally:
                pass
            os.write(w, repr((scoped, scoped_words)).encode())
            os._exit(0)
        os.close(w)
        data = os.read(r, 10000).decode()
        os.waitpid(pid, 0)
        os.close(r)
    assert eval(data) == ((5, 0, 9), cbrng.Stream(5, 0, 9).words(2).tolist())

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.write(w, repr((ids(cbrng.current()), os.getpid())).encode())
        os._exit(0)
    os.close(w)
    data = os.read(r, 10000).decode()
    os.waitpid(pid, 0)
    os.close(r)
    child_ids, child_pid = eval(data)
    assert child_ids == (cbrng.DEFAULT_SEED, child_pid & 0xFFFFFFFF, 0)
    assert child_ids == cbrng.default_stream_id(child_pid)
    assert ids(cbrng.current()) == (cbrng.DEFAULT_SEED, 0, 0)  # the parent keeps its default
    assert isinstance(cbrng.current(), np.random.Generator)
