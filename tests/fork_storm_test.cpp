// The fork storm: docs/design.md §8's "fork-safe from any thread state of the
// parent", tested under load.
//
// A background thread forks at least 1000 times while two other threads keep
// drawing, from their own streams and from cbrng::current_stream(), one in
// task_scopes and one unscoped (with short nested scopes). Each child
//   - opens a fresh task_scope and draws: the words must be exactly those of a
//     freshly constructed cbrng::stream<> with the same id;
//   - then draws from the ambient stream it inherited: after an unscoped fork
//     it must not replay what the parent draws next (nor a sibling, nor the
//     starting default stream); after a fork inside a scope it must continue
//     that scoped stream exactly where the parent stood;
// and reports through a pipe. Every child must report and exit within a
// bound: the parent waits with poll()/waitpid(WNOHANG) and a deadline, and a
// stuck child is killed and fails the test instead of hanging it.
#include <catch2/catch.hpp>

#include <cbrng/ambient.hpp>
#include <cbrng/stream.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#if CBRNG_HAS_FORK
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace {

using clock_type = std::chrono::steady_clock;
using words = std::array<std::uint32_t, 8>;

constexpr std::uint64_t seed = 0x5eed'f0f0;
constexpr std::uint64_t phase_child = 2;   // children's fresh scopes: {seed, 2, i}
constexpr std::uint64_t phase_forker = 3;  // forker's own scopes:     {seed, 3, i}
constexpr std::uint64_t phase_scoped = 1;  // scoped drawer:           {seed, 1, k}
constexpr std::uint64_t phase_nested = 5;  // unscoped drawer's nests: {seed, 5, k}
constexpr std::uint64_t phase_own = 4;     // drawers' own streams:    {seed, 4, thread}
constexpr auto child_deadline = std::chrono::seconds(20);  // generous: TSan, loaded CI

// At least 1000 forks; CBRNG_FORK_STORM_FORKS=n asks for more (a longer soak).
int fork_count() {
    int n = 1000;
    if (const char* s = std::getenv("CBRNG_FORK_STORM_FORKS")) n = std::max(n, std::atoi(s));
    return n;
}

words draw8(cbrng::stream<>& s) {
    words w{};
    for (std::uint32_t& x : w) x = s();
    return w;
}

// What a child sends back: plain data, one write() of less than PIPE_BUF.
struct child_report {
    std::uint64_t pid;
    words scoped;     // from its fresh task_scope {seed, phase_child, i}
    words inherited;  // from the ambient stream it inherited, after that scope
    cbrng::stream_id inherited_id;
};

// The child: async-signal-safe calls plus the code under test, then _exit.
[[noreturn]] void child_main(std::uint64_t i, int fd) {
    child_report r{};
    r.pid = static_cast<std::uint64_t>(::getpid());
    {
        const cbrng::task_scope scope{cbrng::stream_id{seed, phase_child, i}};
        r.scoped = draw8(cbrng::current_stream());
    }
    r.inherited = draw8(cbrng::current_stream());
    r.inherited_id = cbrng::current_stream().id();
    const ssize_t n = ::write(fd, &r, sizeof r);
    ::_exit(n == static_cast<ssize_t>(sizeof r) ? 0 : 3);
}

struct fork_record {
    std::uint64_t index = 0;
    bool in_scope = false;        // forked inside the forker's own task_scope
    bool reported = false;        // a full report arrived
    bool exited_cleanly = false;  // exit status 0 within the deadline
    bool killed = false;          // stuck: killed at the deadline
    child_report report{};
    words parent_next{};         // what the parent drew from its ambient stream after the fork
    words expected_inherited{};  // in_scope: the continuation of the forker's scoped stream
};

// Waits for child `pid` to report on `fd` and exit, never past the deadline.
void await_child(pid_t pid, int fd, fork_record& rec) {
    const auto deadline = clock_type::now() + child_deadline;
    auto ms_left = [&deadline] {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock_type::now())
                .count();
        return static_cast<int>(left < 0 ? 0 : left);
    };
    auto* buf = reinterpret_cast<unsigned char*>(&rec.report);
    std::size_t have = 0;
    while (have < sizeof rec.report) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, ms_left());
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) break;  // deadline passed (or poll failed)
        const ssize_t n = ::read(fd, buf + have, sizeof rec.report - have);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EOF: the child exited without a full report
        have += static_cast<std::size_t>(n);
    }
    rec.reported = have == sizeof rec.report;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            rec.exited_cleanly = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            return;
        }
        if (done < 0 && errno != EINTR) return;
        if (ms_left() == 0) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            rec.killed = true;
            return;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

struct drawer_tally {
    std::uint64_t draws = 0;
    std::uint64_t mismatches = 0;
};

// Draws in task_scopes {seed, 1, k}, checking each against a fresh stream,
// and from its own stream object in between.
void scoped_drawer(const std::atomic<bool>& stop, std::atomic<int>& ready, drawer_tally& t) {
    cbrng::stream<> own{cbrng::stream_id{seed, phase_own, 1}};
    cbrng::stream<> own_check = own;
    bool counted = false;
    for (std::uint64_t k = 0; !stop.load(std::memory_order_relaxed); ++k) {
        {
            const cbrng::task_scope scope{cbrng::stream_id{seed, phase_scoped, k}};
            cbrng::stream<> expect{cbrng::stream_id{seed, phase_scoped, k}};
            for (int j = 0; j < 16; ++j) t.mismatches += cbrng::current_stream()() != expect();
        }
        for (int j = 0; j < 16; ++j) t.mismatches += own() != own_check();
        t.draws += 32;
        if (!counted) {
            ready.fetch_add(1);
            counted = true;
        }
        // A fresh own stream now and then keeps it far from its end.
        if ((k & 0xffff) == 0xffff) own = own_check = cbrng::stream<>{seed, phase_own, k};
    }
}

// Draws unscoped from its default stream (which must be exactly
// default_stream_id from position 0 in the starting process), with short
// nested scopes that must restore it exactly, and from its own stream.
void unscoped_drawer(const std::atomic<bool>& stop, std::atomic<int>& ready, drawer_tally& t) {
    cbrng::stream<> expect{cbrng::default_stream_id};
    cbrng::stream<> own{cbrng::stream_id{seed, phase_own, 2}};
    cbrng::stream<> own_check = own;
    bool counted = false;
    for (std::uint64_t k = 0; !stop.load(std::memory_order_relaxed); ++k) {
        for (int j = 0; j < 16; ++j) t.mismatches += cbrng::current_stream()() != expect();
        if (k % 4 == 0) {
            const cbrng::task_scope scope{cbrng::stream_id{seed, phase_nested, k}};
            cbrng::stream<> nested{cbrng::stream_id{seed, phase_nested, k}};
            for (int j = 0; j < 4; ++j) t.mismatches += cbrng::current_stream()() != nested();
        }
        for (int j = 0; j < 8; ++j) t.mismatches += own() != own_check();
        t.draws += 28;
        if (!counted) {
            ready.fetch_add(1);
            counted = true;
        }
        // Stay far from the end of the default stream (2^34 words): the test
        // runs for seconds, this would take minutes; restart the check there.
        if (expect.remaining() < (std::uint64_t{1} << 20)) break;
        if ((k & 0xffff) == 0xffff) own = own_check = cbrng::stream<>{seed, phase_own, k};
    }
}

// Forks `forks` children, one at a time, alternating unscoped forks and forks
// from inside one of its own task_scopes, drawing between forks.
void forker(int forks, std::vector<fork_record>& records) {
    records.reserve(static_cast<std::size_t>(forks));
    for (int n = 0; n < forks; ++n) {
        const auto i = static_cast<std::uint64_t>(n);
        fork_record rec;
        rec.index = i;
        rec.in_scope = i % 2 == 1;
        // Move the forker's default stream along a little between forks.
        for (std::uint64_t j = 0; j < i % 7; ++j) cbrng::current_stream()();
        std::optional<cbrng::task_scope> scope;
        if (rec.in_scope) {
            scope.emplace(cbrng::stream_id{seed, phase_forker, i});
            for (std::uint64_t j = 0; j < i % 5; ++j) cbrng::current_stream()();
            cbrng::stream<> continuation = cbrng::current_stream();
            rec.expected_inherited = draw8(continuation);
        }
        int p[2];
        if (::pipe(p) != 0) break;
        const pid_t pid = ::fork();
        if (pid < 0) {
            ::close(p[0]);
            ::close(p[1]);
            break;
        }
        if (pid == 0) {
            ::close(p[0]);
            child_main(i, p[1]);
        }
        ::close(p[1]);
        // What the parent draws next from the same ambient stream.
        rec.parent_next = draw8(cbrng::current_stream());
        scope.reset();
        await_child(pid, p[0], rec);
        ::close(p[0]);
        records.push_back(rec);
        if (rec.killed) break;  // one stuck child fails the test: stop, do not pile up deadlines
    }
}

}  // namespace

TEST_CASE("fork storm: children of a busy multithreaded parent never hang and get their ids",
          "[fork][ambient]") {
    const int forks = fork_count();
    std::atomic<bool> stop{false};
    std::atomic<int> ready{0};
    drawer_tally scoped_tally;
    drawer_tally unscoped_tally;
    std::vector<fork_record> records;

    std::thread a(scoped_drawer, std::cref(stop), std::ref(ready), std::ref(scoped_tally));
    std::thread b(unscoped_drawer, std::cref(stop), std::ref(ready), std::ref(unscoped_tally));
    std::thread f([&] {
        // Fork only once both drawers are drawing.
        while (ready.load() < 2) std::this_thread::yield();
        forker(forks, records);
    });
    f.join();
    stop.store(true);
    a.join();
    b.join();

    std::uint64_t survived = 0;
    std::uint64_t stuck = 0;
    std::uint64_t bad_scoped = 0;
    std::uint64_t replays = 0;
    std::uint64_t bad_continuation = 0;
    std::set<std::array<std::uint32_t, 8>> unscoped_seen;
    std::uint64_t sibling_repeats = 0;
    const words start_of_default = [] {
        cbrng::stream<> s{cbrng::default_stream_id};
        return draw8(s);
    }();
    for (const fork_record& r : records) {
        if (r.killed) ++stuck;
        if (!r.reported || !r.exited_cleanly) continue;
        ++survived;
        cbrng::stream<> fresh{cbrng::stream_id{seed, phase_child, r.index}};
        if (r.report.scoped != draw8(fresh)) ++bad_scoped;
        if (r.in_scope) {
            // Scoped streams are exactly their id, before and after fork.
            if (r.report.inherited != r.expected_inherited ||
                !(r.report.inherited_id == cbrng::stream_id{seed, phase_forker, r.index})) {
                ++bad_continuation;
            }
        } else {
            // Unscoped: neither the parent's next words, nor the starting
            // default stream, nor a sibling's.
            if (r.report.inherited == r.parent_next || r.report.inherited == start_of_default ||
                r.report.inherited_id == cbrng::default_stream_id) {
                ++replays;
            }
            if (!unscoped_seen.insert(r.report.inherited).second) ++sibling_repeats;
        }
    }

    WARN("fork storm: " << survived << " of " << forks << " forks survived (" << records.size()
                        << " forked; drawers drew " << scoped_tally.draws << " scoped and "
                        << unscoped_tally.draws << " unscoped-mix words)");
    CHECK(stuck == 0);
    CHECK(records.size() == static_cast<std::size_t>(forks));
    CHECK(survived == static_cast<std::uint64_t>(forks));
    CHECK(forks >= 1000);
    CHECK(bad_scoped == 0);
    CHECK(bad_continuation == 0);
    CHECK(replays == 0);
    CHECK(sibling_repeats == 0);
    CHECK(scoped_tally.draws > 0);
    CHECK(unscoped_tally.draws > 0);
    CHECK(scoped_tally.mismatches == 0);
    CHECK(unscoped_tally.mismatches == 0);
}

#else

TEST_CASE("fork storm: no fork() on this platform", "[fork]") {
    SUCCEED("skipped: no fork()");
}

#endif  // CBRNG_HAS_FORK
