// Tests for the parallel fill and fill_slice of include/cbrng/fill.hpp: for
// every thread count 1..16 and sampled lengths, start positions and split
// points, the slices compose into exactly the serial fill's values and leave
// the generator exactly where the serial fill does; the errors are the serial
// fill's. Labelled "threaded": scripts/sanitize.sh runs it under TSan.
#include <catch2/catch.hpp>

#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

constexpr std::size_t lengths[] = {0, 1, 5, 63, 64, 65, 200, 1031};
constexpr std::uint64_t starts[] = {0, 1, 3, 6};

template <class T>
bool same_bytes(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

/// A generator positioned `start` words in (its buffer partly used).
template <class G>
G make_gen(std::uint64_t start) {
    G g{};
    if constexpr (std::is_constructible_v<G, cbrng::stream_id>) g = G{cbrng::stream_id{7, 1, 99}};
    for (std::uint64_t i = 0; i < start; ++i) (void)g();
    return g;
}

/// Serial fill against the parallel fill for every thread count 1..16 with
/// grain 1 (so every count really splits), for raw words (Dist = void) or
/// variates of Dist.
template <class G, class T, class Dist = void>
void check_parallel(const Dist* dist = nullptr) {
    for (const std::uint64_t start : starts) {
        for (const std::size_t n : lengths) {
            G serial = make_gen<G>(start);
            std::vector<T> want(n);
            if constexpr (std::is_void_v<Dist>) {
                cbrng::fill(serial, want.begin(), want.end());
            } else {
                cbrng::fill(serial, want.begin(), want.end(), *dist);
            }
            for (unsigned threads = 1; threads <= 16; ++threads) {
                INFO("start " << start << ", length " << n << ", threads " << threads);
                G g = make_gen<G>(start);
                std::vector<T> got(n);
                if constexpr (std::is_void_v<Dist>) {
                    cbrng::fill(cbrng::parallel{threads, 1}, g, got.begin(), got.end());
                } else {
                    cbrng::fill(cbrng::parallel{threads, 1}, g, got.begin(), got.end(), *dist);
                }
                REQUIRE(same_bytes(got, want));
                REQUIRE(g == serial);
                G next = serial;
                REQUIRE(g() == next());  // the buffers agree too
            }
        }
    }
}

}  // namespace

TEST_CASE("parallel fill of raw words equals the serial fill for 1..16 threads",
          "[fill][parallel]") {
    check_parallel<cbrng::stream<cbrng::philox4x32_10>, std::uint32_t>();
    check_parallel<cbrng::stream<cbrng::threefry4x64_20>, std::uint64_t>();
    check_parallel<cbrng::stream<cbrng::philox2x64_10>, std::uint64_t>();  // no kernel: the loop
    check_parallel<cbrng::counter_engine<cbrng::philox4x32_10>, std::uint32_t>();
    check_parallel<cbrng::philox4x32, cbrng::philox4x32::result_type>();
    check_parallel<cbrng::buffered_stream<>, std::uint32_t>();
    check_parallel<cbrng::buffered_stream<cbrng::threefry4x64_20, 3>, std::uint64_t>();
}

TEST_CASE("parallel fill of variates equals the serial fill for 1..16 threads",
          "[fill][parallel]") {
    using cbrng::philox4x32_10;
    using cbrng::threefry4x64_20;
    const cbrng::normal_distribution<double> nd{1.5, 2.0};
    const cbrng::normal_distribution<float> nf{};
    const cbrng::uniform_real_distribution<double> ud{-1.0, 3.0};
    const cbrng::exponential_distribution<float> ef{0.5f};
    const cbrng::bernoulli_distribution bd{0.3};
    check_parallel<cbrng::stream<philox4x32_10>, double>(&nd);  // 2 words per variate
    check_parallel<cbrng::stream<philox4x32_10>, float>(&nf);
    check_parallel<cbrng::stream<threefry4x64_20>, double>(&ud);
    check_parallel<cbrng::stream<threefry4x64_20>, float>(&ef);
    check_parallel<cbrng::counter_engine<philox4x32_10>, double>(&nd);
    check_parallel<cbrng::stream<philox4x32_10>, int>(&bd);  // no batch transform: the loop
}

TEST_CASE("fill_slice: any split composes into the serial fill", "[fill][parallel]") {
    using S = cbrng::stream<>;
    constexpr std::size_t n = 300;
    const S s = make_gen<S>(3);
    S serial = s;
    std::vector<std::uint32_t> want(n);
    cbrng::fill(serial, want.begin(), want.end());
    SECTION("every two-way split") {
        for (std::size_t a = 0; a <= n; ++a) {
            std::vector<std::uint32_t> got(n);
            cbrng::fill_slice(s, a, got.begin() + static_cast<std::ptrdiff_t>(a), got.end());
            cbrng::fill_slice(s, 0, got.begin(), got.begin() + static_cast<std::ptrdiff_t>(a));
            REQUIRE(same_bytes(got, want));
        }
    }
    SECTION("sampled three-way splits, doubles and a non-contiguous output") {
        const cbrng::normal_distribution<double> d{};
        S sd = s;
        std::vector<double> wantd(n);
        cbrng::fill(sd, wantd.begin(), wantd.end(), d);
        std::mt19937 pick{2024};
        for (int trial = 0; trial < 200; ++trial) {
            std::size_t a = pick() % (n + 1), b = pick() % (n + 1);
            if (a > b) std::swap(a, b);
            std::deque<double> got(n);
            const auto at = [&got](std::size_t i) {
                return got.begin() + static_cast<std::ptrdiff_t>(i);
            };
            cbrng::fill_slice(s, b, at(b), got.end(), d);
            cbrng::fill_slice(s, 0, got.begin(), at(a), d);
            cbrng::fill_slice(s, a, at(a), at(b), d);
            INFO("split at " << a << ", " << b);
            REQUIRE(std::vector<double>(got.begin(), got.end()) == wantd);
        }
        S moved = s;
        moved.discard(n * decltype(d)::words_per_variate<S>());
        REQUIRE(moved == sd);
    }
    REQUIRE(s == make_gen<S>(3));  // fill_slice leaves gen alone
}

TEST_CASE("parallel fill on real threads with the default grain", "[fill][parallel]") {
    constexpr std::size_t n = (std::size_t{1} << 18) + 17;  // four slices of 2^16 and a rest
    cbrng::stream<> serial{cbrng::stream_id{1, 2, 3}}, par = serial;
    std::vector<double> want(n), got(n);
    const cbrng::exponential_distribution<double> d{};
    cbrng::fill(serial, want.begin(), want.end(), d);
    cbrng::fill(cbrng::parallel{5}, par, got.begin(), got.end(), d);
    REQUIRE(same_bytes(got, want));
    REQUIRE(par == serial);
    std::vector<std::uint32_t> w(n), g(n);
    cbrng::fill(serial, w.begin(), w.end());
    cbrng::fill(cbrng::parallel::hardware(), par, g.data(), g.data() + n);
    REQUIRE(same_bytes(g, w));
    REQUIRE(par == serial);
}

TEMPLATE_TEST_CASE("parallel takes the thread count and grain as any integer type",
                   "[fill][parallel][ids]", int, long, long long, short, unsigned, unsigned long,
                   std::size_t, std::int64_t, std::uint64_t, unsigned char) {
    using T = TestType;
    const T three = static_cast<T>(3), grain = static_cast<T>(64);
    const cbrng::parallel p{three};
    CHECK(p.threads == 3u);
    CHECK(p.grain == cbrng::parallel::default_grain);
    const cbrng::parallel q{three, grain};
    CHECK(q.threads == 3u);
    CHECK(q.grain == 64u);

    // The output is the serial fill's, whatever type gave the count.
    cbrng::stream<> serial{cbrng::stream_id{4, 0, 2}}, par = serial;
    std::vector<double> want(1000), got(1000);
    const cbrng::normal_distribution<double> d;
    cbrng::fill(serial, want.begin(), want.end(), d);
    cbrng::fill(q, par, got.begin(), got.end(), d);
    CHECK(got == want);
    CHECK(par == serial);

    // fill_slice and variate_at take the offset and index as T too.
    std::vector<double> slice(10);
    const cbrng::stream<> from{cbrng::stream_id{4, 0, 2}};
    cbrng::fill_slice(from, static_cast<T>(100), slice.begin(), slice.end(), d);
    CHECK(std::equal(slice.begin(), slice.end(), want.begin() + 100));
    cbrng::normal_distribution<double> dd;
    CHECK(cbrng::variate_at(from, dd, static_cast<T>(123)) == want[123]);
}

TEST_CASE("parallel fill and fill_slice errors", "[fill][parallel][errors]") {
    using S = cbrng::stream<>;
    REQUIRE_THROWS_MATCHES(cbrng::parallel{0}, std::invalid_argument,
                           Catch::Message("cbrng::parallel: threads must be >= 1 (got 0)"));
    REQUIRE_THROWS_MATCHES(cbrng::parallel(2, 0), std::invalid_argument,
                           Catch::Message("cbrng::parallel: grain must be >= 1 (got 0)"));
    REQUIRE_THROWS_MATCHES(cbrng::parallel{-1}, std::out_of_range,
                           Catch::Message("cbrng::parallel: threads must be >= 1 (got -1)"));
    REQUIRE_THROWS_MATCHES((cbrng::parallel{2, -64}), std::out_of_range,
                           Catch::Message("cbrng::parallel: grain must be >= 1 (got -64)"));
    REQUIRE_THROWS_MATCHES(
        cbrng::parallel{std::size_t{1} << 40}, std::out_of_range,
        Catch::Message("cbrng::parallel: threads must be <= 4294967295 (got 1099511627776)"));

    // Past the end of a stream: the serial fill's words up to the end, then
    // the serial fill's exception, and the stream at its end.
    const S near_end{cbrng::stream_id{5, 0, 5}, S::capacity - 10};
    S serial = near_end, par = near_end;
    std::vector<std::uint32_t> want(20, 0), got(20, 0);
    REQUIRE_THROWS_AS(cbrng::fill(serial, want.begin(), want.end()), std::out_of_range);
    REQUIRE_THROWS_AS(cbrng::fill(cbrng::parallel{4, 1}, par, got.begin(), got.end()),
                      std::out_of_range);
    REQUIRE(same_bytes(got, want));
    REQUIRE(par == serial);
    REQUIRE(par.remaining() == 0);

    // The same for a stream without a SIMD kernel (the plain loop) and a
    // buffered stream.
    using P = cbrng::stream<cbrng::philox2x64_10>;
    P ps{cbrng::stream_id{5, 0, 5}, P::capacity - 9}, pp = ps;
    std::vector<std::uint64_t> pw(30, 0), pg(30, 0);
    REQUIRE_THROWS_AS(cbrng::fill(ps, pw.begin(), pw.end()), std::out_of_range);
    REQUIRE_THROWS_AS(cbrng::fill(cbrng::parallel{3, 1}, pp, pg.begin(), pg.end()),
                      std::out_of_range);
    REQUIRE(same_bytes(pg, pw));
    REQUIRE(pp == ps);
    using BS = cbrng::buffered_stream<>;
    BS bs{cbrng::stream_id{5, 0, 5}, BS::capacity - 10}, bp = bs;
    std::fill(want.begin(), want.end(), 0u);
    std::fill(got.begin(), got.end(), 0u);
    REQUIRE_THROWS_AS(cbrng::fill(bs, want.begin(), want.end()), std::out_of_range);
    REQUIRE_THROWS_AS(cbrng::fill(cbrng::parallel{4, 1}, bp, got.begin(), got.end()),
                      std::out_of_range);
    REQUIRE(same_bytes(got, want));
    REQUIRE(bp == bs);

    // A slice starting past the end writes nothing.
    std::vector<std::uint32_t> untouched(4, 1);
    REQUIRE_THROWS_AS(cbrng::fill_slice(near_end, 11, untouched.begin(), untouched.end()),
                      std::out_of_range);
    REQUIRE(untouched == std::vector<std::uint32_t>(4, 1));
    // An offset whose word count overflows 64 bits.
    std::vector<double> x(1);
    REQUIRE_THROWS_MATCHES(
        cbrng::fill_slice(near_end, std::uint64_t{1} << 63, x.begin(), x.end(),
                          cbrng::normal_distribution<double>{}),
        std::out_of_range,
        Catch::Message("cbrng::fill_slice: offset 9223372036854775808 times 2 words per "
                       "element overflows"));
}
