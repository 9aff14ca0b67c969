// Tests for include/cbrng/ambient.hpp: task_scope nesting and restoring, the
// deterministic per-thread default stream, thread-locality, and re-keying of
// the unscoped default stream in a forked child. (The fork storm under load
// is tests/fork_storm_test.cpp.)
#include <catch2/catch.hpp>

#include <cbrng/ambient.hpp>

#include <cstdint>
#include <thread>
#include <vector>

#if CBRNG_HAS_FORK
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

std::vector<std::uint32_t> draw(cbrng::stream<>& s, int n) {
    std::vector<std::uint32_t> v;
    for (int i = 0; i < n; ++i) v.push_back(s());
    return v;
}

}  // namespace

TEST_CASE("a task_scope installs exactly its id and restores the previous stream", "[ambient]") {
    cbrng::stream<> expect_outer{cbrng::stream_id{1, 0, 10}};
    cbrng::stream<> expect_inner{cbrng::stream_id{1, 0, 11}};
    cbrng::task_scope outer{1, 0, 10};
    CHECK(cbrng::current_stream().id() == cbrng::stream_id{1, 0, 10});
    CHECK(draw(cbrng::current_stream(), 3) == draw(expect_outer, 3));
    {
        cbrng::task_scope inner{cbrng::stream_id{1, 0, 11}};
        CHECK(draw(cbrng::current_stream(), 5) == draw(expect_inner, 5));
        {
            // Re-entering the same id starts it from position 0 again.
            cbrng::task_scope again{1, 0, 11};
            CHECK(cbrng::current_stream().position() == 0);
        }
        CHECK(cbrng::current_stream().position() == 5);
    }
    // Back in the outer scope at the position it had reached.
    CHECK(cbrng::current_stream().position() == 3);
    CHECK(draw(cbrng::current_stream(), 3) == draw(expect_outer, 3));
}

TEST_CASE("the unscoped default stream is deterministic and survives scopes", "[ambient]") {
    std::thread([] {
        cbrng::stream<>& s = cbrng::current_stream();
        CHECK(s.id() == cbrng::default_stream_id);
        CHECK(s.position() == 0);
        cbrng::stream<> expect{cbrng::default_stream_id};
        CHECK(draw(s, 4) == draw(expect, 4));
        {
            cbrng::task_scope scope{7, 7, 7};
            cbrng::current_stream()();
        }
        CHECK(cbrng::current_stream().id() == cbrng::default_stream_id);
        CHECK(draw(cbrng::current_stream(), 4) == draw(expect, 4));
    }).join();
}

TEST_CASE("current streams are per thread", "[ambient]") {
    std::vector<std::vector<std::uint32_t>> got(4);
    std::vector<std::thread> threads;
    for (std::uint64_t t = 0; t < 4; ++t) {
        threads.emplace_back([t, &got] {
            cbrng::task_scope scope{99, 0, t};
            got[t] = draw(cbrng::current_stream(), 1000);
        });
    }
    for (auto& th : threads) th.join();
    for (std::uint64_t t = 0; t < 4; ++t) {
        cbrng::stream<> expect{cbrng::stream_id{99, 0, t}};
        CHECK(got[t] == draw(expect, 1000));
    }
}

TEST_CASE("a bad id in a task_scope throws and leaves the current stream alone", "[ambient]") {
    cbrng::task_scope scope{5, 5, 5};
    CHECK_THROWS_AS((cbrng::task_scope{1, std::uint64_t{1} << 32, 0}), std::out_of_range);
    CHECK(cbrng::current_stream().id() == cbrng::stream_id{5, 5, 5});
}

#if CBRNG_HAS_FORK
TEST_CASE("after fork: scoped streams are their id, default streams are re-keyed", "[ambient]") {
    // Parent: use the default stream a little, then fork inside and outside a scope.
    const auto parent_next = [] {
        cbrng::stream<> copy = cbrng::current_stream();
        return draw(copy, 8);
    }();
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    cbrng::stream<> scoped_expect{cbrng::stream_id{3, 1, 4}};
    const auto scoped_values = draw(scoped_expect, 8);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        std::uint32_t ok = 1;
        {
            cbrng::task_scope scope{3, 1, 4};
            ok &= draw(cbrng::current_stream(), 8) == scoped_values ? 1u : 0u;
        }
        cbrng::stream<>& d = cbrng::current_stream();
        ok &= d.id() == cbrng::default_stream_for(static_cast<std::uint64_t>(getpid())) ? 1u : 0u;
        ok &= d.id() != cbrng::default_stream_id ? 1u : 0u;
        ok &= draw(d, 8) != parent_next ? 1u : 0u;
        const auto n = write(fds[1], &ok, sizeof ok);
        _exit(n == sizeof ok ? 0 : 1);
    }
    close(fds[1]);
    std::uint32_t ok = 0;
    const auto n = read(fds[0], &ok, sizeof ok);
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(n == static_cast<ssize_t>(sizeof ok));
    CHECK(ok == 1u);
    CHECK(WIFEXITED(status));
    // The parent's default stream is untouched by the child.
    CHECK(draw(cbrng::current_stream(), 8) == parent_next);
}
#endif
