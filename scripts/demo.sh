#!/usr/bin/env bash
# The main job: builds the examples and runs the demo (docs/demo.md).
#   bash scripts/demo.sh
#
# numpy issue 9248 replayed in C++: a process pool forks workers from a
# background thread while the main thread draws random numbers. On a global
# generator behind a mutex (numpy's RandomState) a child inherits the lock
# held and hangs; on cbrng's lock-free ambient stream it cannot, and every
# task's result is the same whatever the pool size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
# The Python part needs Debian's /usr/bin/python3 (numpy, pybind11; deps.sh
# installs them): the first python3 on PATH may be an interpreter without numpy.
py=${CBRNG_PYTHON:-/usr/bin/python3}
cmake -S . -B build-demo -DCMAKE_BUILD_TYPE=Release -DCBRNG_BUILD_TESTS=OFF \
  -DCBRNG_BUILD_BENCHMARKS=OFF -DCBRNG_BUILD_PYTHON=ON -DPython3_EXECUTABLE="$py" >/dev/null
cmake --build build-demo -j "$(nproc 2>/dev/null || echo 2)"

pool=./build-demo/examples/fork_pool
step() { printf '\n==== %s ====\n' "$*"; }

./build-demo/examples/tour

step "1. mutex mode: a global std::mt19937 behind a std::mutex, re-seeded by every task"
# A child deadlocks on almost every run; the pool gives up on it after its
# bounded wait. Up to three runs, in case one is lucky.
deadlocked=no
for try in 1 2 3; do
  out=$("$pool" --mode mutex --workers 4 --tasks 1000 --timeout-ms 1000)
  printf '%s\n' "$out"
  if grep -q '^deadlock after' <<<"$out"; then
    deadlocked=yes
    break
  fi
  echo "(no deadlock in run $try; running again)"
done
if [ "$deadlocked" != yes ]; then
  echo "demo: the mutex mode did not deadlock in 3 runs (unexpected; see docs/demo.md)" >&2
  exit 1
fi

step "2. cbrng mode, 4 workers: task_scope{seed, 0, task} + current_stream(), no lock"
out4=$("$pool" --mode cbrng --workers 4 --tasks 1000)
printf '%s\n' "$out4"

step "3. cbrng mode, 2 workers: same tasks, different pool size and scheduling"
out2=$("$pool" --mode cbrng --workers 2 --tasks 1000)
printf '%s\n' "$out2"

digest() { sed -n 's/^digest: \([0-9a-f]*\).*/\1/p' <<<"$1"; }
d4=$(digest "$out4")
d2=$(digest "$out2")
step "result"
if [ -z "$d4" ] || [ "$d4" != "$d2" ]; then
  echo "FAILED: digests differ: 4 workers '$d4', 2 workers '$d2'" >&2
  exit 1
fi
echo "mutex: deadlocked (a child inherited the held lock). cbrng: 0 deadlocks,"
echo "and the digest of all 1000 per-task results is $d4 with 4 workers and with 2."

step "4. Python: examples/python/fork_pool.py, the seed's Pool(20, maxtasksperchild=5)"
# plain numpy (hangs; the stuck run is killed after its bounded wait), then
# cbrng.protect_numpy_global() and per-task cbrng.generator(seed, 0, task):
# 0 hangs, and the per-task results identical for pool sizes 1, 4 and 20.
PYTHONPATH="$PWD/build-demo/python/pkg" "$py" examples/python/fork_pool.py --runs 3 --timeout 10
