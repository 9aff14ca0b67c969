#!/usr/bin/env python3
"""numpy issue 9248 replayed, and fixed two ways (docs/python.md).

multiprocessing.Pool(maxtasksperchild=...) forks replacement workers from its
handler thread. If the main thread is inside an np.random call at that moment,
holding the global RandomState's lock, the child inherits the lock held and its
first np.random call hangs forever. Each run here is that scenario: Pool(20,
maxtasksperchild=5), the main thread drawing np.random arrays in a loop while
the pool works, with a bounded wait; a run that does not finish in time is
reported as a hang and its process group (the stuck children) killed.

    /usr/bin/python3 examples/python/fork_pool.py            # the three modes
    /usr/bin/python3 examples/python/fork_pool.py --mode protect --runs 20

modes:
  plain    workers call np.random.* (numpy as it is): hangs
  protect  the same workers after cbrng.protect_numpy_global(): never hangs
  cbrng    workers draw from cbrng.generator(seed, 0, task): never hangs, and
           the per-task results are the same for every pool size

Needs an interpreter with numpy (Debian's /usr/bin/python3) and the cbrng
package importable (pip install, or PYTHONPATH=<build>/python/pkg).
"""
import argparse
import hashlib
import os
import signal
import subprocess
import sys
import time

SEED = 2026


def task_numpy(t):
    import numpy as np
    return int(np.random.randint(10, size=1000).sum())


def task_cbrng(t):
    import cbrng
    rng = cbrng.generator(SEED, 0, t)
    return float(rng.random(1000).sum()) + float(rng.bit_generator.normal(size=100).sum())


def run_one(mode, pool_size, tasks):
    """One run of the scenario in this process: prints 'ok <digest>'."""
    import multiprocessing as mp
    import numpy as np
    if mode != "plain":
        import cbrng  # imported before the pool forks, so no worker imports it again
        if mode == "protect":
            cbrng.protect_numpy_global()
    ctx = mp.get_context("fork")
    with ctx.Pool(pool_size, maxtasksperchild=5) as pool:
        result = pool.map_async(task_cbrng if mode == "cbrng" else task_numpy,
                                range(tasks), chunksize=1)
        while not result.ready():
            np.random.randint(10, size=1000)  # the main thread inside np.random, again and again
        values = result.get()
    digest = hashlib.sha256(repr(values).encode()).hexdigest()[:16]
    print(f"ok {digest}", flush=True)


def run_bounded(mode, pool_size, tasks, timeout):
    """Runs one scenario in a child process group; returns ('ok', digest, seconds) or
    ('hang', None, seconds) after killing the group when it outlives timeout."""
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), "--run-one", mode,
         "--pool", str(pool_size), "--tasks", str(tasks)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the pool's parent and every stuck child
        proc.communicate()
        return "hang", None, time.monotonic() - start
    if proc.returncode != 0 or not out.startswith("ok "):
        raise RuntimeError(f"fork_pool {mode}: run failed (exit {proc.returncode}):\n{err}")
    return "ok", out.split()[1], time.monotonic() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=["plain", "protect", "cbrng", "all"], default="all")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pool", type=int, default=20)
    ap.add_argument("--tasks", type=int, default=120)
    ap.add_argument("--timeout", type=float, default=15.0, help="seconds per run")
    ap.add_argument("--run-one", choices=["plain", "protect", "cbrng"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.run_one:
        run_one(a.run_one, a.pool, a.tasks)
        return 0
    modes = ["plain", "protect", "cbrng"] if a.mode == "all" else [a.mode]
    status = 0
    for mode in modes:
        hangs = 0
        digests = set()
        done = 0
        for i in range(a.runs):
            done += 1
            outcome, digest, secs = run_bounded(mode, a.pool, a.tasks, a.timeout)
            if outcome == "hang":
                hangs += 1
                print(f"{mode:8s} run {i + 1}: HANG (no result after {secs:.1f} s; "
                      f"stuck children killed)", flush=True)
                if mode == "plain":
                    break  # shown; the other runs would hang too
            else:
                digests.add(digest)
                print(f"{mode:8s} run {i + 1}: ok in {secs:.1f} s", flush=True)
        print(f"{mode:8s} {hangs} hang(s) in {done} run(s)", flush=True)
        if mode != "plain" and hangs:
            status = 1
        if mode == "cbrng":
            sizes = {}
            for size in (1, 4, 20):
                outcome, digest, _ = run_bounded(mode, size, a.tasks, a.timeout)
                sizes[size] = digest if outcome == "ok" else "HANG"
            same = len(set(sizes.values())) == 1 and "HANG" not in sizes.values()
            print("cbrng    per-task results digest by pool size: "
                  + ", ".join(f"{k}: {v}" for k, v in sizes.items())
                  + (" (identical)" if same else " (DIFFER)"), flush=True)
            if not same:
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
