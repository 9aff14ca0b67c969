"""Fork tests with teeth: every scenario runs in its own process group under a
hard timeout, and a run that outlives it counts as a hang (its processes are
killed). The controls, plain numpy, must hang at least once, or the scenario
could not have caught anything.

Costs (docs/python.md has the measured numbers): one pool run is 2-4 s on 2
cores; the control is given up to CONTROL_RUNS runs to hang once.
"""
import concurrent.futures
import os
import signal
import subprocess
import sys
import textwrap

import pytest

import cbrng
import fork_pool  # examples/python/fork_pool.py (conftest puts it on sys.path)

RUNS = 20
TASKS = 120
TIMEOUT = 30.0  # per run; a normal run takes a few seconds
CONTROL_RUNS = 3
CONTROL_TIMEOUT = 10.0
PARALLEL = 2  # runs at once (each is its own process group with its own timeout)


def runs(mode, count, pool=20):
    with concurrent.futures.ThreadPoolExecutor(PARALLEL) as ex:
        return list(ex.map(lambda _: fork_pool.run_bounded(mode, pool, TASKS, TIMEOUT),
                           range(count)))


def test_plain_numpy_control_hangs():
    outcomes = []
    for _ in range(CONTROL_RUNS):
        outcome, _, _ = fork_pool.run_bounded("plain", 20, TASKS, CONTROL_TIMEOUT)
        outcomes.append(outcome)
        if outcome == "hang":
            break
    print(f"plain numpy control: {outcomes}")
    assert "hang" in outcomes, "the seed scenario did not hang plain numpy: the test has no teeth"


def test_protect_numpy_global_never_hangs():
    hangs = sum(r[0] == "hang" for r in runs("protect", RUNS))
    print(f"protect_numpy_global: {hangs} hangs in {RUNS} runs")
    assert hangs == 0


def test_per_task_generators_never_hang_and_agree():
    results = runs("cbrng", RUNS)
    hangs = sum(r[0] == "hang" for r in results)
    print(f"per-task cbrng.generator: {hangs} hangs in {RUNS} runs")
    assert hangs == 0
    digests = {r[1] for r in results}
    for size in (1, 4):
        digests.add(fork_pool.run_bounded("cbrng", size, TASKS, TIMEOUT)[1])
    assert len(digests) == 1, digests


def run_script(code, timeout=60.0):
    """Runs code in a new process group; returns (returncode or 'hang', stdout, stderr)."""
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return "hang", out, err
    return proc.returncode, out, err


STORM = """
import os, sys, threading, time
import numpy as np
import cbrng

KIND = {kind!r}
FORKS = {forks}
STOP_AT_FIRST_HANG = KIND != "cbrng"  # a control only needs to show one
shared = cbrng.generator(1, 0, 0) if KIND == "cbrng" else np.random.Generator(np.random.PCG64(1))
stop = threading.Event()

def drawer(t):
    mine = cbrng.generator(1, 0, 100 + t)
    while not stop.is_set():
        shared.random(20000)          # holds the shared stream's lock, nogil
        mine.standard_normal(5000)
        with cbrng.task_scope(1, 0, 200 + t):
            cbrng.current().integers(0, 10, 1000)

def forker(result):
    hangs = 0
    for i in range(FORKS):
        pid = os.fork()
        if pid == 0:  # child: draw from everything the parent's threads were using
            shared.random(10)
            cbrng.current().random(10)
            cbrng.generator(2, 0, i).random(10)
            os._exit(0)
        deadline = time.monotonic() + 3.0
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                hangs += 1
                break
            time.sleep(0.001)
        if hangs and STOP_AT_FIRST_HANG:
            break
    result.append(hangs)

threads = [threading.Thread(target=drawer, args=(t,)) for t in range(3)]
for t in threads:
    t.start()
result = []
f = threading.Thread(target=forker, args=(result,))
f.start()
f.join()
stop.set()
for t in threads:
    t.join()
print("hangs", result[0], "forks", FORKS)
"""


def test_fork_storm_cbrng_streams_never_hang():
    rc, out, err = run_script(STORM.format(kind="cbrng", forks=150), timeout=120)
    print(out)
    assert rc == 0, err
    assert out.split()[:2] == ["hangs", "0"], out


def test_fork_storm_control_numpy_generator_hangs():
    # The same storm over a shared numpy Generator(PCG64), whose lock is a plain
    # threading.Lock: some child inherits it held (the storm has teeth).
    rc, out, err = run_script(STORM.format(kind="pcg64", forks=150), timeout=120)
    print(out)
    assert rc == 0, err
    assert out.split()[0] == "hangs" and int(out.split()[1]) > 0, out


def test_stream_lock_survives_raw_c_fork():
    # fork() called from C (no Python at-fork handler runs) while another thread
    # holds the stream's lock: the child still finds it free.
    code = """
    import ctypes, os, threading, time
    import cbrng
    g = cbrng.generator(3)
    held, done = threading.Event(), threading.Event()
    def holder():
        with g.bit_generator.lock:
            held.set()
            done.wait(20)
    t = threading.Thread(target=holder); t.start(); held.wait(10)
    pid = ctypes.PyDLL(None).fork()   # raw fork(2), the GIL held, no at-fork handlers
    if pid == 0:
        ok = g.bit_generator.lock.acquire(True, 2.0)
        g.bit_generator.lock.release()
        g.random(10)
        os._exit(0 if ok else 3)
    _, status = os.waitpid(pid, 0)
    done.set(); t.join()
    print("child", os.waitstatus_to_exitcode(status))
    """
    rc, out, err = run_script(code, timeout=60)
    assert rc == 0, err
    assert out.strip() == "child 0"


def test_protect_does_not_deadlock_a_forking_thread_that_holds_the_lock():
    code = """
    import os, time
    import numpy as np
    import cbrng, cbrng._numpy_global as ng
    cbrng.protect_numpy_global()
    ng.FORK_LOCK_TIMEOUT = 0.5
    lock = np.random.mtrand._rand._bit_generator.lock
    start = time.monotonic()
    with lock:                 # as a __setitem__ or signal handler inside np.random would
        pid = os.fork()
    if pid == 0:
        np.random.randint(10, size=100)   # the child's copy of the holder released it
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    np.random.randint(10, size=100)
    print("child", os.waitstatus_to_exitcode(status), "fork took", time.monotonic() - start)
    """
    rc, out, err = run_script(code, timeout=60)
    assert rc == 0, err
    assert out.split()[:2] == ["child", "0"], out
    assert float(out.split()[-1]) < 10.0


def test_protect_is_idempotent_and_reseeds_only_unseeded_children():
    code = """
    import os
    import numpy as np
    import cbrng
    assert cbrng.protect_numpy_global() is True
    assert cbrng.protect_numpy_global() is False

    def child_draws():
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.write(w, repr(np.random.randint(2**31, size=4).tolist()).encode())
            os._exit(0)
        os.close(w)
        data = os.read(r, 1000)
        os.close(r)
        os.waitpid(pid, 0)
        return eval(data)

    a, b = child_draws(), child_draws()
    mine = np.random.randint(2**31, size=4).tolist()
    print("unseeded", a != b and a != mine and b != mine)
    np.random.seed(123)
    a, b = child_draws(), child_draws()
    np.random.seed(123)
    mine = np.random.randint(2**31, size=4).tolist()
    print("seeded", a == b == mine)
    """
    rc, out, err = run_script(code, timeout=60)
    assert rc == 0, err
    assert out.split() == ["unseeded", "True", "seeded", "True"], out


HELD_ACROSS_FORK = """
import ctypes, os, threading
import numpy as np
import cbrng
g = np.random.Generator(cbrng.Stream(3))
lock = g.bit_generator.lock
held, done = threading.Event(), threading.Event()
def holder():
    with lock:
        held.set()
        done.wait(20)
t = threading.Thread(target=holder); t.start(); held.wait(10)
assert lock.locked()
pid = {fork}
if pid == 0:
    ok = lock.acquire(True, 2.0) and lock.locked()
    lock.release()
    ok = ok and not lock.locked()
    g.random(10)             # numpy's Generator takes it around each draw
    g.random()
    os._exit(0 if ok else 3)
assert lock.locked()         # the parent's holder still holds it
_, status = os.waitpid(pid, 0)
done.set(); t.join()
assert not lock.locked()
print("child", os.waitstatus_to_exitcode(status))
"""


@pytest.mark.parametrize("fork", ["os.fork()", "ctypes.CDLL(None).fork()"])
def test_stream_lock_held_by_another_thread_is_free_in_the_child(fork):
    # os.fork, and a raw fork(2) through ctypes.CDLL (the GIL released, no
    # Python at-fork handler): the lock's fork generation tells the child.
    rc, out, err = run_script(HELD_ACROSS_FORK.format(fork=fork), timeout=60)
    assert rc == 0, err
    assert out.strip() == "child 0", (out, err)


def test_lock_held_by_the_forking_thread_stays_its_own_in_the_child():
    # The thread that forks inside `with lock:` is still in its critical
    # section in the child: the lock stays held by it, and its release works.
    code = """
    import os
    import cbrng
    lock = cbrng.Stream(1).lock
    with lock:
        pid = os.fork()
        if pid == 0:
            ok = lock.locked() and not lock.acquire(False)
    if pid == 0:
        ok = ok and not lock.locked() and lock.acquire(False)
        lock.release()
        os._exit(0 if ok else 3)
    _, status = os.waitpid(pid, 0)
    print("child", os.waitstatus_to_exitcode(status), "parent", lock.locked())
    """
    rc, out, err = run_script(code, timeout=60)
    assert rc == 0, err
    assert out.split() == ["child", "0", "parent", "False"], (out, err)


def test_lock_behaves_as_a_threading_lock():
    lock = cbrng.ForkSafeLock()
    assert lock.acquire() is True and lock.locked()
    assert lock.acquire(False) is False
    assert lock.acquire(timeout=0.01) is False
    lock.release()
    assert not lock.locked()
    with pytest.raises(RuntimeError, match="release unlocked lock"):
        lock.release()
    with pytest.raises(ValueError, match="non-blocking"):
        lock.acquire(False, 1.0)
    with lock:
        assert lock.locked()
    assert not lock.locked()
