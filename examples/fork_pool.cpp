// fork_pool: numpy issue 9248 replayed in C++, then the same pool on cbrng.
//
//     fork_pool --mode mutex|cbrng --workers N --tasks T [--seed S] [--timeout-ms M]
//               [--max-deadlocks K]
//
// The pool behaves like Python's multiprocessing.Pool(maxtasksperchild=1): a
// background "pool" thread forks one child per task, up to N at a time, and
// forks a replacement as each one finishes, while the main thread keeps
// drawing random numbers. Each child runs a task (the Monte Carlo count of
// examples/pi_task.hpp) through code that "just wants random numbers" and
// cannot be handed a generator, and reports (task, result) to the pool
// through a pipe.
//
// --mode mutex is what numpy's global RandomState is: one std::mt19937 behind
// one std::mutex. The main thread fills buffers from it under the lock (it
// holds the lock most of the time, as numpy's bulk draws do), and every task
// re-seeds it (np.random.seed) before drawing. fork() copies the mutex but
// only the forking thread: when the main thread holds the lock at that
// moment, the child's copy is locked by a thread that does not exist in the
// child, and the child's first lock() waits forever. The pool waits for each
// child with a bound (poll() on its pipe, --timeout-ms, default 5000),
// reports the deadlock with the child's pid, kills it and goes on; after
// --max-deadlocks (default 1) it stops forking and drains the children it
// has. A task takes well under a millisecond, and a stuck child has already
// told the pool that it found the lock held (see run_child), so the demo uses
// a 1000 ms bound; the default is generous so that a loaded machine is never
// mistaken for a deadlock.
//
// --mode cbrng is the same pool on cbrng: each child runs its task inside
// cbrng::task_scope{stream_id{seed, 0, task}}, and the task's code draws from
// cbrng::current_stream(). The ambient stream is thread-local and takes no
// lock, so there is nothing a child can inherit half-held: no deadlock, ever.
// It prints a digest of every task's result keyed by task id.
//
// Why the stream id is {seed, 0, task} and not {seed, worker, task}: which
// worker slot runs a task depends on timing and on the pool size. Put the
// slot in the id and task 7's numbers change with the pool; name the stream
// by the task alone (process = 0, a logical phase number) and every task's
// result, hence the digest, is the same for any number of workers and any
// scheduling. scripts/demo.sh runs the pool with 4 and 2 workers and checks
// that the digests are equal.
#include <cbrng/cbrng.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "pi_task.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

enum class pool_mode { mutex, cbrng };

struct options {
    pool_mode mode = pool_mode::cbrng;
    std::size_t workers = 4;
    std::uint64_t tasks = 1000;
    std::uint64_t seed = 42;
    int timeout_ms = 5000;
    std::uint64_t max_deadlocks = 1;
};

// Points per task and words per main-thread burst.
constexpr std::size_t points_per_task = 4096;
constexpr std::size_t burst_words = 4096;

// ---------------------------------------------------------------------------
// The numpy model: one global generator behind one lock. This global mutable
// state is exactly the anti-pattern the demo exists to show; it is not how
// cbrng works.
struct legacy_random_state {
    std::mutex lock;
    std::mt19937 gen;
};
legacy_random_state legacy;

/// np.random.seed(s)
void legacy_seed(std::uint32_t s) {
    const std::lock_guard<std::mutex> hold(legacy.lock);
    legacy.gen.seed(s);
}

/// np.random.randint(..., size=n): the whole fill happens under the lock.
void legacy_fill(std::uint32_t* out, std::size_t n) {
    const std::lock_guard<std::mutex> hold(legacy.lock);
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint32_t>(legacy.gen());
}

/// The user's task in mutex mode, written the numpy way.
std::uint64_t legacy_task(std::uint64_t seed, std::uint64_t task) {
    legacy_seed(static_cast<std::uint32_t>(seed ^ (task * 0x9e3779b97f4a7c15u)));
    std::array<std::uint32_t, 2 * points_per_task> buf;
    legacy_fill(buf.data(), buf.size());
    std::size_t i = 0;
    return pi_example::count_hits([&] { return buf[i++]; }, points_per_task);
}

/// The user's task in cbrng mode: it cannot take a generator argument, so it
/// draws from the ambient stream that its worker installed.
std::uint64_t ambient_task() {
    cbrng::stream<>& s = cbrng::current_stream();
    return pi_example::count_hits([&] { return s(); }, points_per_task);
}

// ---------------------------------------------------------------------------
// Child side. After fork() from a multithreaded process the child may only
// rely on async-signal-safe calls: it uses write() and _exit(), plus the code
// under test (the legacy lock, or cbrng's thread-local stream).

enum : std::uint64_t { msg_result = 1, msg_lock_inherited_held = 2 };

struct message {
    std::uint64_t kind;
    std::uint64_t task;
    std::uint64_t value;
};

void send(int fd, const message& m) {
    // One write of 24 bytes (< PIPE_BUF) is atomic; retry only on EINTR.
    while (::write(fd, &m, sizeof m) < 0 && errno == EINTR) {
    }
}

[[noreturn]] void run_child(const options& opt, std::uint64_t task, int fd) {
    std::uint64_t result = 0;
    if (opt.mode == pool_mode::mutex) {
        // Diagnostic only, so that the pool can say why the child is stuck:
        // the child has a single thread, so a failed try_lock proves the lock
        // was copied in the held state and nobody here can ever release it.
        // The task then calls legacy_seed() anyway, as numpy code would, and
        // hangs for real on that lock.
        if (legacy.lock.try_lock()) {
            legacy.lock.unlock();
        } else {
            send(fd, message{msg_lock_inherited_held, task, 0});
        }
        result = legacy_task(opt.seed, task);
    } else {
        // The stream is named by the task alone (process 0), never by the
        // worker slot: see the comment at the top of this file.
        const cbrng::task_scope scope{cbrng::stream_id{opt.seed, 0, task}};
        result = ambient_task();
    }
    send(fd, message{msg_result, task, result});
    ::_exit(0);
}

// ---------------------------------------------------------------------------
// The pool (runs on a background thread).

struct worker {
    pid_t pid = -1;  // -1: free slot
    int fd = -1;     // read end of the child's pipe
    std::uint64_t task = 0;
    clock_type::time_point started{};
    bool lock_inherited_held = false;
    bool finished = false;
    std::uint64_t result = 0;
    std::array<unsigned char, sizeof(message)> pending{};
    std::size_t have = 0;
};

struct pool_report {
    std::vector<std::uint64_t> results;  // per task; valid where done[task]
    std::vector<bool> done;
    std::uint64_t completed = 0;
    std::uint64_t deadlocks = 0;  // children stuck past the bounded wait
    std::uint64_t failures = 0;   // children that died without a result
    double first_deadlock_ms = -1;
};

[[noreturn]] void die(const char* what) {
    std::fprintf(stderr, "fork_pool: %s: %s\n", what, std::strerror(errno));
    std::exit(2);
}

double ms_since(clock_type::time_point t0, clock_type::time_point t1) {
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

class pool {
  public:
    explicit pool(const options& opt) : opt_(opt), slots_(opt.workers) {
        report_.results.assign(opt.tasks, 0);
        report_.done.assign(opt.tasks, false);
    }

    pool_report run() {
        start_ = clock_type::now();
        std::uint64_t next = 0;
        bool forking = true;
        for (;;) {
            for (worker& w : slots_) {
                if (forking && w.pid < 0 && next < opt_.tasks) spawn(w, next++);
            }
            std::vector<pollfd> fds;
            std::vector<worker*> owners;
            int wait_ms = opt_.timeout_ms;
            const auto now = clock_type::now();
            for (worker& w : slots_) {
                if (w.pid < 0) continue;
                fds.push_back(pollfd{w.fd, POLLIN, 0});
                owners.push_back(&w);
                const auto left = opt_.timeout_ms - static_cast<int>(ms_since(w.started, now));
                wait_ms = std::max(0, std::min(wait_ms, left));
            }
            if (fds.empty()) break;
            // The bounded wait: the pool itself never blocks longer than the
            // earliest child's remaining time.
            if (::poll(fds.data(), fds.size(), wait_ms) < 0 && errno != EINTR) die("poll");
            for (std::size_t i = 0; i < fds.size(); ++i) {
                if (fds[i].revents != 0) drain(*owners[i]);
            }
            const auto after = clock_type::now();
            for (worker& w : slots_) {
                if (w.pid < 0) continue;
                if (w.finished) {
                    reap(w);
                } else if (ms_since(w.started, after) >= opt_.timeout_ms) {
                    stuck(w, after);
                    if (report_.deadlocks >= opt_.max_deadlocks) forking = false;
                }
            }
        }
        return report_;
    }

  private:
    void spawn(worker& w, std::uint64_t task) {
        int p[2];
        if (::pipe(p) != 0) die("pipe");
        const pid_t pid = ::fork();
        if (pid < 0) die("fork");
        if (pid == 0) {
            // Child: keep only the write end of its own pipe.
            for (const worker& other : slots_) {
                if (other.fd >= 0) ::close(other.fd);
            }
            ::close(p[0]);
            run_child(opt_, task, p[1]);
        }
        ::close(p[1]);
        if (::fcntl(p[0], F_SETFL, O_NONBLOCK) != 0) die("fcntl");
        if (::fcntl(p[0], F_SETFD, FD_CLOEXEC) != 0) die("fcntl");
        w = worker{};
        w.pid = pid;
        w.fd = p[0];
        w.task = task;
        w.started = clock_type::now();
    }

    // Reads whatever the child has written; never blocks (O_NONBLOCK).
    void drain(worker& w) {
        for (;;) {
            const ssize_t n = ::read(w.fd, w.pending.data() + w.have, w.pending.size() - w.have);
            if (n <= 0) {
                if (n < 0 && errno == EINTR) continue;
                if (n == 0 && !w.finished) {  // EOF without a result: the child died
                    w.finished = true;
                    ++report_.failures;
                    std::fprintf(stderr, "fork_pool: worker pid %d died on task %llu\n",
                                 static_cast<int>(w.pid), static_cast<unsigned long long>(w.task));
                }
                return;
            }
            w.have += static_cast<std::size_t>(n);
            if (w.have < w.pending.size()) continue;
            message m;
            std::memcpy(&m, w.pending.data(), sizeof m);
            w.have = 0;
            if (m.kind == msg_lock_inherited_held) {
                w.lock_inherited_held = true;
            } else if (m.kind == msg_result && m.task == w.task) {
                w.finished = true;
                w.result = m.value;
                report_.results[m.task] = m.value;
                report_.done[m.task] = true;
                ++report_.completed;
            }
        }
    }

    // The child has reported and is in _exit(); waiting for it cannot hang.
    void reap(worker& w) {
        int status = 0;
        while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
        }
        ::close(w.fd);
        w = worker{};
    }

    void stuck(worker& w, clock_type::time_point now) {
        ++report_.deadlocks;
        const double forked_at = ms_since(start_, w.started);
        if (report_.first_deadlock_ms < 0) report_.first_deadlock_ms = forked_at;
        if (w.lock_inherited_held) {
            std::printf(
                "deadlock after %llu tasks (child pid %d stuck on the inherited lock)\n"
                "  task %llu; child forked %.1f ms after the pool started, given up on after "
                "%.0f ms\n",
                static_cast<unsigned long long>(report_.completed), static_cast<int>(w.pid),
                static_cast<unsigned long long>(w.task), forked_at, ms_since(w.started, now));
        } else {
            std::printf(
                "stuck after %llu tasks (child pid %d, task %llu, no result within %d ms)\n",
                static_cast<unsigned long long>(report_.completed), static_cast<int>(w.pid),
                static_cast<unsigned long long>(w.task), opt_.timeout_ms);
        }
        std::fflush(stdout);
        ::kill(w.pid, SIGKILL);
        reap(w);
    }

    options opt_;
    std::vector<worker> slots_;
    pool_report report_;
    clock_type::time_point start_{};
};

// ---------------------------------------------------------------------------
// The main thread's own work while the pool runs: keep drawing.

std::atomic<std::uint64_t> sink{0};  // keeps the main thread's work observable

/// Mutex mode: fill a buffer under the lock, use it outside, again and again.
std::uint64_t main_draws_legacy(const std::atomic<bool>& stop, std::atomic<bool>& drawing) {
    std::vector<std::uint32_t> buf(burst_words);
    std::uint64_t bursts = 0;
    std::uint64_t sum = 0;
    legacy_seed(12345);
    while (!stop.load(std::memory_order_relaxed)) {
        legacy_fill(buf.data(), buf.size());
        for (const std::uint32_t x : buf) sum += x;
        ++bursts;
        drawing.store(true, std::memory_order_relaxed);
    }
    sink = sum;
    return bursts;
}

/// cbrng mode: the same loop on the ambient stream. Each burst is its own
/// task in phase 1 (the workers use phase 0), so no stream is ever shared and
/// none runs towards its end however long the pool takes.
std::uint64_t main_draws_cbrng(std::uint64_t seed, const std::atomic<bool>& stop,
                               std::atomic<bool>& drawing) {
    std::vector<std::uint32_t> buf(burst_words);
    std::uint64_t bursts = 0;
    std::uint64_t sum = 0;
    while (!stop.load(std::memory_order_relaxed)) {
        const cbrng::task_scope scope{cbrng::stream_id{seed, 1, bursts}};
        cbrng::stream<>& s = cbrng::current_stream();
        for (std::uint32_t& x : buf) x = s();
        for (const std::uint32_t x : buf) sum += x;
        ++bursts;
        drawing.store(true, std::memory_order_relaxed);
    }
    sink = sum;
    return bursts;
}

[[noreturn]] void usage(const char* msg) {
    std::fprintf(stderr,
                 "fork_pool: %s\nusage: fork_pool --mode mutex|cbrng --workers N --tasks T "
                 "[--seed S] [--timeout-ms M] [--max-deadlocks K]\n",
                 msg);
    std::exit(2);
}

std::uint64_t parse_number(const char* s, const char* name) {
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || s[0] == '-') {
        usage((std::string("bad value for ") + name).c_str());
    }
    return v;
}

options parse(int argc, char** argv) {
    options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) usage(("missing value after " + a).c_str());
        const char* v = argv[++i];
        if (a == "--mode") {
            const std::string m = v;
            if (m == "mutex") {
                opt.mode = pool_mode::mutex;
            } else if (m == "cbrng") {
                opt.mode = pool_mode::cbrng;
            } else {
                usage("--mode is mutex or cbrng");
            }
        } else if (a == "--workers") {
            opt.workers = static_cast<std::size_t>(parse_number(v, "--workers"));
        } else if (a == "--tasks") {
            opt.tasks = parse_number(v, "--tasks");
        } else if (a == "--seed") {
            opt.seed = parse_number(v, "--seed");
        } else if (a == "--timeout-ms") {
            opt.timeout_ms = static_cast<int>(
                std::min<std::uint64_t>(parse_number(v, "--timeout-ms"), std::uint64_t{1} << 30));
        } else if (a == "--max-deadlocks") {
            opt.max_deadlocks = parse_number(v, "--max-deadlocks");
        } else {
            usage(("unknown option " + a).c_str());
        }
    }
    if (opt.workers == 0 || opt.workers > 256) usage("--workers must be 1..256");
    if (opt.tasks == 0 || opt.tasks > 10000000) usage("--tasks must be 1..10000000");
    if (opt.timeout_ms <= 0) usage("--timeout-ms must be positive");
    if (opt.max_deadlocks == 0) opt.max_deadlocks = 1;
    return opt;
}

}  // namespace

int main(int argc, char** argv) {
    const options opt = parse(argc, argv);
    const bool mutex_mode = opt.mode == pool_mode::mutex;
    std::printf("fork_pool --mode %s: %zu workers, %llu tasks, seed %llu, bounded wait %d ms\n",
                mutex_mode ? "mutex" : "cbrng", opt.workers,
                static_cast<unsigned long long>(opt.tasks),
                static_cast<unsigned long long>(opt.seed), opt.timeout_ms);
    std::fflush(stdout);  // children must not inherit unflushed output

    const auto t0 = clock_type::now();
    std::atomic<bool> stop{false};
    std::atomic<bool> drawing{false};
    pool_report report;
    std::thread pool_thread([&] {
        // Like a Python pool's worker-handler thread: start once the main
        // thread is busy drawing, then fork from this background thread.
        while (!drawing.load(std::memory_order_relaxed)) std::this_thread::yield();
        report = pool(opt).run();
        stop.store(true, std::memory_order_relaxed);
    });
    const std::uint64_t bursts =
        mutex_mode ? main_draws_legacy(stop, drawing) : main_draws_cbrng(opt.seed, stop, drawing);
    pool_thread.join();
    const double wall_ms = ms_since(t0, clock_type::now());

    std::printf("main thread drew %llu bursts of %zu numbers while the pool ran (%.0f ms)\n",
                static_cast<unsigned long long>(bursts), burst_words, wall_ms);
    std::printf("tasks completed: %llu of %llu\n",
                static_cast<unsigned long long>(report.completed),
                static_cast<unsigned long long>(opt.tasks));
    if (report.failures != 0) {
        std::printf("%llu workers died without a result\n",
                    static_cast<unsigned long long>(report.failures));
    }
    if (mutex_mode) {
        if (report.deadlocks == 0) {
            std::printf("0 deadlocks in this run (rare: rerun, or raise --tasks)\n");
        } else {
            std::printf("%llu deadlocks; the first stuck child was forked %.1f ms after start\n",
                        static_cast<unsigned long long>(report.deadlocks),
                        report.first_deadlock_ms);
        }
        return report.failures == 0 ? 0 : 1;
    }

    std::printf("%llu deadlocks\n", static_cast<unsigned long long>(report.deadlocks));
    const bool complete = report.completed == opt.tasks && report.deadlocks == 0;
    if (!complete) {
        std::printf("FAILED: not every task finished\n");
        return 1;
    }
    std::printf("first per-task hits (of %zu points):", points_per_task);
    for (std::size_t t = 0; t < std::min<std::size_t>(5, report.results.size()); ++t) {
        std::printf(" task %zu=%llu", t, static_cast<unsigned long long>(report.results[t]));
    }
    std::printf("\n");
    std::uint64_t hits = 0;
    for (const std::uint64_t h : report.results) hits += h;
    std::printf("pi estimate from all tasks: %.8f\n",
                4.0 * static_cast<double>(hits) /
                    (static_cast<double>(points_per_task) * static_cast<double>(opt.tasks)));
    std::printf("digest: %016llx (FNV-1a over (task id, hits), tasks 0..%llu)\n",
                static_cast<unsigned long long>(pi_example::digest(report.results)),
                static_cast<unsigned long long>(opt.tasks - 1));
    return 0;
}
