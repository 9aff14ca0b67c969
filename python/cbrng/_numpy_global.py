"""protect_numpy_global(): at-fork handlers for numpy's legacy global RandomState.

numpy's module-level ``np.random.*`` functions share one RandomState whose
bit generator's ``threading.Lock`` is held during every draw. A fork from
another thread (multiprocessing.Pool replacing a worker from its handler
thread) while the main thread is inside a draw leaves the child with that lock
held forever: the child's first ``np.random.*`` call hangs (numpy issue 9248).
The handlers registered here, with ``os.register_at_fork``:

* before a fork: take the global lock, so no other thread is inside a draw
  while the process is copied;
* after it, in the parent and in the child: release it;
* in the child only: if the global state was never explicitly seeded, reseed
  it from the per-child id (the parent's MT19937 key words 0 and 1 at the fork,
  the child's pid), so sibling workers stop producing identical numbers.

"Explicitly seeded" means ``np.random.seed(x)`` was called: numpy then drops
the bit generator's SeedSequence (``np.random.mtrand._rand._bit_generator.
_seed_seq is None``). A child of an explicitly seeded parent keeps the
inherited state, as plain numpy does. ``np.random.set_state`` is not detected.

Covered: every fork through ``os.fork`` (``multiprocessing``'s "fork" start
method, ``subprocess`` with preexec_fn, ``os.fork`` itself). Not covered: a
raw ``fork()`` from C code (no Python at-fork handlers run), and the global's
lock being held by another thread for longer than ``FORK_LOCK_TIMEOUT`` seconds
(a single draw that long): the fork then proceeds without the lock.

The forking thread itself may hold the lock (os.fork called from Python code
that numpy runs while holding it, such as a sequence's __setitem__ during
np.random.shuffle, or a signal handler). A blocking acquire would then
deadlock; the handler instead waits at most FORK_LOCK_TIMEOUT and forks
without it, which is safe for exactly that case: the child's copy of the
forking thread is the holder and releases it when its draw returns.
"""

import os
import threading

import numpy as np

#: Seconds the before-fork handler waits for numpy's global lock.
FORK_LOCK_TIMEOUT = 5.0

_installed = False
_install_lock = threading.Lock()
_state = threading.local()  # per forking thread: whether this fork took the lock


def _global_lock():
    return np.random.mtrand._rand._bit_generator.lock


def _explicitly_seeded():
    return np.random.mtrand._rand._bit_generator._seed_seq is None


def _before():
    _state.took = _global_lock().acquire(True, FORK_LOCK_TIMEOUT)
    _state.key = None
    if not _explicitly_seeded():
        key = np.random.mtrand._rand._bit_generator.state["state"]["key"]
        _state.key = (int(key[0]), int(key[1]))


def _after_in_parent():
    if getattr(_state, "took", False):
        _state.took = False
        _global_lock().release()


def _after_in_child():
    if getattr(_state, "took", False):
        _state.took = False
        _global_lock().release()
    key = getattr(_state, "key", None)
    if key is not None:
        child_id = [key[0], key[1], os.getpid()]
        fresh = np.random.MT19937(np.random.SeedSequence(child_id))
        # No lock: the child has one thread, and set_state takes none (numpy
        # 1.24), so this cannot block even when that thread holds the lock.
        np.random.mtrand._rand.set_state(
            ("MT19937", fresh.state["state"]["key"], fresh.state["state"]["pos"], 0, 0.0))


def protect_numpy_global():
    """Installs the at-fork handlers for numpy's global RandomState (module docstring).
    Idempotent: a second call does nothing. Returns True when this call installed them."""
    global _installed
    with _install_lock:
        if _installed:
            return False
        os.register_at_fork(before=_before, after_in_parent=_after_in_parent,
                            after_in_child=_after_in_child)
        _installed = True
        return True


def child_seed_id(parent_key0, parent_key1, child_pid):
    """The SeedSequence entropy a protected child's global state is reseeded from."""
    return [parent_key0, parent_key1, child_pid]
