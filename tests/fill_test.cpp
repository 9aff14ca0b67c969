// Tests for include/cbrng/fill.hpp and its kernels (include/cbrng/detail/simd/):
// every back end, forced in turn, writes exactly the scalar calls' values and
// leaves the generator exactly where they would, for every length 0..300,
// every start offset within a block, every misalignment of the output, and
// counters about to carry out of word 0.
#include <catch2/catch.hpp>

#include <cbrng/detail/cpu.hpp>
#include <cbrng/detail/simd/scalar.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <list>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using cbrng::detail::isa;

constexpr std::array<isa, 3> all_paths = {isa::scalar, isa::avx2, isa::avx512};

/// Runs f() with each back end forced in turn; warns for those this CPU lacks.
template <class F>
void for_each_path(F&& f) {
    for (const isa p : all_paths) {
        cbrng::detail::scoped_isa forced{p};
        if (!forced.ok()) {
            WARN("this CPU cannot run the " << cbrng::detail::isa_name(p)
                                            << " path: skipped (compiled only)");
            continue;
        }
        INFO("path " << cbrng::detail::isa_name(p));
        f(p);
    }
}

/// A 64-byte aligned array of words with room for every misalignment and a
/// guard line of poison on each side of any range written.
template <class Word>
class aligned_buffer {
  public:
    static constexpr std::size_t per_line = 64 / sizeof(Word);

    aligned_buffer(std::size_t n, Word poison)
        : storage_(n + 4 * per_line, poison), poison_(poison) {
        const auto addr = reinterpret_cast<std::uintptr_t>(storage_.data());
        const std::size_t skip = ((64 - addr % 64) % 64) / sizeof(Word);
        base_ = storage_.data() + skip + per_line;  // a full line of guard words before
    }
    Word* line() noexcept { return base_; }
    /// True when nothing within a line of [first, last) but that range was
    /// written since the last restore(); then restores the poison there.
    [[nodiscard]] bool untouched_around(Word* first, Word* last) {
        bool ok = true;
        for (Word* p = first - per_line; p != first; ++p) ok = ok && *p == poison_;
        for (Word* p = last; p != last + per_line; ++p) ok = ok && *p == poison_;
        for (Word* p = first; p != last; ++p) *p = poison_;
        return ok;
    }

  private:
    std::vector<Word> storage_;
    Word poison_;
    Word* base_;
};

/// fill(g, out, out + len) for every path, every start offset within a block,
/// every length 0..max_len and every misalignment of out within a 64-byte
/// line equals len scalar calls: the same words, the same generator state
/// (operator==) and the same next outputs; nothing outside the range written.
template <class G>
void check_fill_matches_scalar(const G& start, std::size_t max_len = 300) {
    using word = typename G::result_type;
    constexpr std::size_t N = G::word_count;
    constexpr word poison = static_cast<word>(0x5A5A5A5A5A5A5A5Au);
    for_each_path([&](isa) {
        for (std::size_t offset = 0; offset < N; ++offset) {
            G g0 = start;
            for (std::size_t i = 0; i < offset; ++i) (void)g0();
            std::vector<word> ref;
            std::vector<G> state{g0};
            G r = g0;
            for (std::size_t i = 0; i < max_len + 2 * N; ++i) {
                ref.push_back(r());
                state.push_back(r);
            }
            aligned_buffer<word> buf(max_len, poison);
            std::size_t failures = 0;
            for (std::size_t len = 0; len <= max_len; ++len) {
                for (std::size_t mis = 0; mis < buf.per_line; ++mis) {
                    word* out = buf.line() + mis;
                    G g = g0;
                    cbrng::fill(g, out, out + len);
                    bool ok = g == state[len];
                    for (std::size_t i = 0; ok && i < len; ++i) ok = out[i] == ref[i];
                    ok = buf.untouched_around(out, out + len) && ok;
                    for (std::size_t i = 0; ok && i < 2 * N; ++i) ok = g() == ref[len + i];
                    if (!ok && ++failures <= 3) {
                        FAIL_CHECK("fill differs from scalar calls: offset "
                                   << offset << ", length " << len << ", misalignment " << mis
                                   << " words");
                    }
                }
            }
            CHECK(failures == 0);
        }
    });
}

/// fill(g, out, out + len, d) for every path, start offset within a block,
/// length in `lengths` and misalignment of out within a 64-byte line equals len
/// calls of d(g): the same bits, the same generator state, the same next
/// variates; nothing outside the range written.
template <class G, class D>
void check_dist_fill_matches_scalar(const G& start, const D& d,
                                    const std::vector<std::size_t>& lengths) {
    using real = typename D::result_type;
    constexpr std::size_t N = G::word_count;
    constexpr real poison = real(-12345.25);
    std::size_t max_len = 0;
    for (const std::size_t len : lengths) max_len = std::max(max_len, len);
    for_each_path([&](isa) {
        for (std::size_t offset = 0; offset < N; ++offset) {
            G g0 = start;
            for (std::size_t i = 0; i < offset; ++i) (void)g0();
            std::vector<real> ref;
            std::vector<G> state{g0};
            G r = g0;
            for (std::size_t i = 0; i < max_len + 4; ++i) {
                ref.push_back(d(r));
                state.push_back(r);
            }
            aligned_buffer<real> buf(max_len, poison);
            std::size_t failures = 0;
            for (const std::size_t len : lengths) {
                for (std::size_t mis = 0; mis < buf.per_line; ++mis) {
                    real* out = buf.line() + mis;
                    G g = g0;
                    D e = d;
                    cbrng::fill(g, out, out + len, e);
                    bool ok = g == state[len] && e == d;
                    ok = ok && (len == 0 || std::memcmp(out, ref.data(), len * sizeof(real)) == 0);
                    ok = buf.untouched_around(out, out + len) && ok;
                    for (std::size_t i = 0; ok && i < 4; ++i) {
                        const real next = e(g);
                        ok = std::memcmp(&next, &ref[len + i], sizeof next) == 0;
                    }
                    if (!ok && ++failures <= 3) {
                        FAIL_CHECK("fill with a distribution differs from scalar calls: offset "
                                   << offset << ", length " << len << ", misalignment " << mis);
                    }
                }
            }
            CHECK(failures == 0);
        }
    });
}

std::vector<std::size_t> lengths_up_to(std::size_t max_len) {
    std::vector<std::size_t> v;
    for (std::size_t len = 0; len <= max_len; ++len) v.push_back(len);
    return v;
}

/// Every batch distribution, float and double, with non-trivial parameters,
/// for every length 0..300 and for long runs that span several chunks.
template <class G>
void check_all_dist_fills(const G& start) {
    const auto short_runs = lengths_up_to(300);
    const std::vector<std::size_t> long_runs = {1023, 1024, 1025, 2047, 2048, 2049, 5000};
    {
        INFO("uniform_real_distribution<double>(-2, 3)");
        const cbrng::uniform_real_distribution<double> d(-2.0, 3.0);
        check_dist_fill_matches_scalar(start, d, short_runs);
        check_dist_fill_matches_scalar(start, d, long_runs);
    }
    {
        INFO("uniform_real_distribution<float>(0.5, 8)");
        check_dist_fill_matches_scalar(start, cbrng::uniform_real_distribution<float>(0.5f, 8.0f),
                                       short_runs);
    }
    {
        INFO("normal_distribution<double>(1.5, 2)");
        const cbrng::normal_distribution<double> d(1.5, 2.0);
        check_dist_fill_matches_scalar(start, d, short_runs);
        check_dist_fill_matches_scalar(start, d, long_runs);
    }
    {
        INFO("normal_distribution<float>(-1, 0.25)");
        check_dist_fill_matches_scalar(start, cbrng::normal_distribution<float>(-1.0f, 0.25f),
                                       short_runs);
    }
    {
        INFO("exponential_distribution<double>(0.5)");
        check_dist_fill_matches_scalar(start, cbrng::exponential_distribution<double>(0.5),
                                       short_runs);
    }
    {
        INFO("exponential_distribution<float>(3)");
        const cbrng::exponential_distribution<float> d(3.0f);
        check_dist_fill_matches_scalar(start, d, short_runs);
        check_dist_fill_matches_scalar(start, d, long_runs);
    }
}

/// Engines and streams with a non-trivial key.
cbrng::counter_engine<cbrng::philox4x32_10> philox_engine_for_test() {
    return cbrng::counter_engine<cbrng::philox4x32_10>{{{0x01234567u, 0x89abcdefu}}};
}
cbrng::counter_engine<cbrng::threefry4x64_20> threefry_engine_for_test() {
    return cbrng::counter_engine<cbrng::threefry4x64_20>{
        {{0x0123456789abcdefu, 0xfedcba9876543210u, 42, 0xdeadbeefcafef00du}}};
}

}  // namespace

TEST_CASE("kernels equal the bijection on every path", "[fill][simd]") {
    for_each_path([](isa p) {
        std::mt19937_64 rng(20240611);
        for (std::size_t n = 0; n <= 80; ++n) {
            for (int trial = 0; trial < 4; ++trial) {
                // trial 0 ends exactly at the carry boundary of word 0.
                cbrng::detail::simd::philox4x32_ctr c{};
                cbrng::detail::simd::philox4x32_key k{};
                for (auto& w : c) w = static_cast<std::uint32_t>(rng());
                for (auto& w : k) w = static_cast<std::uint32_t>(rng());
                if (trial == 0) c[0] = static_cast<std::uint32_t>(0u - n);
                std::vector<std::uint32_t> got(4 * n + 1, 7u), want(4 * n + 1, 7u);
                cbrng::detail::fill_kernel<cbrng::philox4x32_10>::run(p, got.data(), n, c, k);
                auto cc = c;
                for (std::size_t b = 0; b < n; ++b, ++cc[0]) {
                    const auto y = cbrng::philox4x32_10{}(cc, k);
                    for (std::size_t j = 0; j < 4; ++j) want[4 * b + j] = y[j];
                }
                CHECK((got == want));

                cbrng::detail::simd::threefry4x64_ctr d{};
                cbrng::detail::simd::threefry4x64_key e{};
                for (auto& w : d) w = rng();
                for (auto& w : e) w = rng();
                if (trial == 0) d[0] = std::uint64_t{0} - n;
                std::vector<std::uint64_t> got64(4 * n + 1, 7u), want64(4 * n + 1, 7u);
                cbrng::detail::fill_kernel<cbrng::threefry4x64_20>::run(p, got64.data(), n, d, e);
                auto dd = d;
                for (std::size_t b = 0; b < n; ++b, ++dd[0]) {
                    const auto y = cbrng::threefry4x64_20{}(dd, e);
                    for (std::size_t j = 0; j < 4; ++j) want64[4 * b + j] = y[j];
                }
                CHECK((got64 == want64));
            }
        }
    });
}

TEST_CASE("fill: counter_engine<philox4x32_10> equals scalar calls", "[fill]") {
    check_fill_matches_scalar(philox_engine_for_test());
}

TEST_CASE("fill: cbrng::philox4x32 (64-bit result_type, w = 32) equals scalar calls", "[fill]") {
    check_fill_matches_scalar(cbrng::philox4x32{12345});
}

TEST_CASE("fill: counter_engine<threefry4x64_20> equals scalar calls", "[fill]") {
    check_fill_matches_scalar(threefry_engine_for_test());
}

TEST_CASE("fill: stream<philox4x32_10> and stream<threefry4x64_20> equal scalar calls", "[fill]") {
    check_fill_matches_scalar(cbrng::stream<cbrng::philox4x32_10>{cbrng::stream_id{42, 3, 7}});
    check_fill_matches_scalar(
        cbrng::stream<cbrng::threefry4x64_20>{cbrng::stream_id{42, 1u << 20, 1ull << 40}});
    // Far into the stream, block index high in word 0.
    check_fill_matches_scalar(cbrng::stream<cbrng::philox4x32_10>{cbrng::stream_id{1, 2, 3},
                                                                  (std::uint64_t{1} << 34) - 4096},
                              120);
}

TEST_CASE("fill: streams of philox2x64/4x64_10, threefry4x32/2x64_20 equal scalar calls",
          "[fill]") {
    check_fill_matches_scalar(cbrng::stream<cbrng::philox2x64_10>{cbrng::stream_id{42, 3, 7}});
    check_fill_matches_scalar(cbrng::stream<cbrng::philox4x64_10>{cbrng::stream_id{42, 3, 7}});
    check_fill_matches_scalar(cbrng::stream<cbrng::threefry4x32_20>{cbrng::stream_id{42, 3, 7}});
    check_fill_matches_scalar(cbrng::stream<cbrng::threefry2x64_20>{cbrng::stream_id{42, 3, 7}});
    // Far into the stream, block index high in word 0.
    check_fill_matches_scalar(
        cbrng::stream<cbrng::threefry4x32_20>{cbrng::stream_id{1, 2, 3},
                                              (std::uint64_t{1} << 34) - 4096},
        120);
}

TEST_CASE("fill carries out of counter word 0 as the scalar calls do", "[fill]") {
    constexpr std::uint32_t m32 = 0xffffffffu;
    constexpr std::uint64_t m64 = ~std::uint64_t{0};
    SECTION("philox4x32_10, word 0 = 2^32 - 3, carry through word 1 into word 2") {
        auto e = philox_engine_for_test();
        e.set_counter({7, 5, m32, m32 - 2});  // most significant word first
        check_fill_matches_scalar(e);
    }
    SECTION("philox4x32_10, the whole counter wraps to zero") {
        auto e = philox_engine_for_test();
        e.set_counter({m32, m32, m32, m32 - 2});
        check_fill_matches_scalar(e);
    }
    SECTION("philox4x32 (std engine), word 0 = 2^32 - 3") {
        cbrng::philox4x32 e{99};
        e.set_counter({1, 2, m32, m32 - 2});
        check_fill_matches_scalar(e);
    }
    SECTION("threefry4x64_20, word 0 = 2^64 - 3, carry through word 1 into word 2") {
        auto e = threefry_engine_for_test();
        e.set_counter({7, 5, m64, m64 - 2});
        check_fill_matches_scalar(e);
    }
    SECTION("threefry4x64_20, the whole counter wraps to zero") {
        auto e = threefry_engine_for_test();
        e.set_counter({m64, m64, m64, m64 - 2});
        check_fill_matches_scalar(e);
    }
}

TEST_CASE("fill of a long run equals scalar calls on every path", "[fill]") {
    for_each_path([](isa) {
        const std::size_t n = (std::size_t{1} << 18) + 3;
        auto a = philox_engine_for_test();
        a.discard(1);
        auto b = a;
        std::vector<std::uint32_t> got(n), want(n);
        cbrng::fill(a, got.data(), got.data() + n);
        for (auto& w : want) w = b();
        CHECK((got == want));
        CHECK(a == b);

        auto s = cbrng::stream<cbrng::threefry4x64_20>{cbrng::stream_id{5, 6, 7}, 3};
        auto t = s;
        std::vector<std::uint64_t> got64(n), want64(n);
        cbrng::fill(s, got64.begin(), got64.end());
        for (auto& w : want64) w = t();
        CHECK((got64 == want64));
        CHECK(s == t);
        CHECK(s() == t());
    });
}

TEST_CASE("fill through other iterators and element types equals scalar calls", "[fill]") {
    for_each_path([](isa) {
        for (std::size_t n : {0u, 1u, 3u, 4u, 5u, 17u, 1000u, 5003u}) {
            INFO("length " << n);
            cbrng::stream<> s{cbrng::stream_id{9, 8, 7}, 1};
            std::vector<std::uint32_t> want(n);
            auto r = s;
            for (auto& w : want) w = r();

            auto s1 = s;
            std::deque<std::uint32_t> dq(n);
            cbrng::fill(s1, dq.begin(), dq.end());
            CHECK((std::vector<std::uint32_t>(dq.begin(), dq.end()) == want));
            CHECK(s1 == r);

            auto s2 = s;
            std::list<std::uint32_t> li(n);
            cbrng::fill(s2, li.begin(), li.end());
            CHECK((std::vector<std::uint32_t>(li.begin(), li.end()) == want));
            CHECK(s2 == r);

            auto s3 = s;
            std::vector<std::uint64_t> wide(n);  // converted on the way out
            cbrng::fill(s3, wide.begin(), wide.end());
            CHECK((std::vector<std::uint32_t>(wide.begin(), wide.end()) == want));
            CHECK(s3 == r);

            cbrng::philox4x32 e{7};  // 64-bit result_type into 64-bit storage
            auto f = e;
            std::vector<std::uint_fast32_t> a(n), b(n);
            cbrng::fill(e, a.begin(), a.end());
            for (auto& w : b) w = f();
            CHECK((a == b));
            CHECK(e == f);
        }
    });
}

TEST_CASE("fill past the end of a stream writes up to the end, then throws", "[fill]") {
    using S = cbrng::stream<cbrng::philox4x32_10>;
    for_each_path([](isa) {
        for (std::uint64_t before_end : {0u, 1u, 5u, 40u, 301u}) {
            INFO("words before the end: " << before_end);
            const S start{cbrng::stream_id{3, 2, 1}, S::capacity - before_end};
            std::vector<std::uint32_t> got(400, 0), want(400, 0);
            S a = start, b = start;
            bool threw_fill = false, threw_loop = false;
            try {
                cbrng::fill(a, got.data(), got.data() + got.size());
            } catch (const std::out_of_range&) {
                threw_fill = true;
            }
            try {
                for (auto& w : want) w = b();
            } catch (const std::out_of_range&) {
                threw_loop = true;
            }
            CHECK(threw_fill);
            CHECK(threw_loop);
            CHECK((got == want));
            CHECK(a == b);
            CHECK(a.position() == S::capacity);

            S c = start, d = start;  // exactly up to the end: no throw
            std::vector<std::uint32_t> x(static_cast<std::size_t>(before_end)), y(x.size());
            cbrng::fill(c, x.begin(), x.end());
            for (auto& w : y) w = d();
            CHECK((x == y));
            CHECK(c == d);
        }
    });
}

namespace {
// Derives from an engine and changes operator(): fill must not take the
// engine's fast path for it.
struct flipped_engine : cbrng::counter_engine<cbrng::philox4x32_10> {
    result_type operator()() { return counter_engine::operator()() ^ 1u; }
};
}  // namespace

TEST_CASE("fill of any other generator is the loop of scalar calls", "[fill]") {
    std::mt19937 a(5), b(5);
    std::vector<std::uint_fast32_t> m(1000), n(1000);
    cbrng::fill(a, m.begin(), m.end());
    for (auto& w : n) w = b();
    CHECK((m == n));
    CHECK(a == b);

    std::vector<std::uint32_t> x(1000), y(1000);
    flipped_engine f, g;
    cbrng::fill(f, x.data(), x.data() + x.size());
    for (auto& w : y) w = g();
    CHECK((x == y));

    cbrng::counter_engine<cbrng::philox4x64_10> h, i;  // 64-bit words, kernel since 2.x
    std::vector<std::uint64_t> u(77), v(77);
    cbrng::fill(h, u.begin(), u.end());
    for (auto& w : v) w = i();
    CHECK((u == v));
    CHECK(h == i);
}

TEST_CASE("fill with a distribution: counter_engine<philox4x32_10>", "[fill][dist]") {
    check_all_dist_fills(philox_engine_for_test());
}

TEST_CASE("fill with a distribution: cbrng::philox4x32", "[fill][dist]") {
    check_all_dist_fills(cbrng::philox4x32{2024});
}

TEST_CASE("fill with a distribution: counter_engine<threefry4x64_20>", "[fill][dist]") {
    check_all_dist_fills(threefry_engine_for_test());
}

TEST_CASE("fill with a distribution: streams", "[fill][dist]") {
    check_all_dist_fills(cbrng::stream<cbrng::philox4x32_10>{cbrng::stream_id{11, 12, 13}});
    check_all_dist_fills(cbrng::stream<cbrng::threefry4x64_20>{cbrng::stream_id{11, 12, 13}});
}

TEST_CASE("fill with a distribution across a counter carry", "[fill][dist]") {
    auto e = philox_engine_for_test();
    e.set_counter({0, 0, 0xffffffffu, 0xffffffffu - 40});
    check_dist_fill_matches_scalar(e, cbrng::normal_distribution<double>{}, lengths_up_to(200));
    auto t = threefry_engine_for_test();
    t.set_counter({0, 0, 0, ~std::uint64_t{0} - 40});
    check_dist_fill_matches_scalar(t, cbrng::uniform_real_distribution<double>{},
                                   lengths_up_to(200));
}

TEST_CASE("fill with a distribution past the end of a stream throws where the loop does",
          "[fill][dist]") {
    using S = cbrng::stream<cbrng::philox4x32_10>;
    for_each_path([](isa) {
        for (std::uint64_t before_end : {0u, 1u, 2u, 3u, 17u, 301u}) {
            INFO("words before the end: " << before_end);
            const S start{cbrng::stream_id{3, 2, 1}, S::capacity - before_end};
            const cbrng::normal_distribution<double> d;
            std::vector<double> got(400, 0.0), want(400, 0.0);
            S a = start, b = start;
            bool threw_fill = false, threw_loop = false;
            try {
                cbrng::fill(a, got.begin(), got.end(), d);
            } catch (const std::out_of_range&) {
                threw_fill = true;
            }
            try {
                for (auto& v : want) v = d(b);
            } catch (const std::out_of_range&) {
                threw_loop = true;
            }
            CHECK(threw_fill);
            CHECK(threw_loop);
            CHECK(std::memcmp(got.data(), want.data(), got.size() * sizeof(double)) == 0);
            CHECK(a == b);
        }
    });
}

TEST_CASE("fill with a distribution through other iterators equals the loop", "[fill][dist]") {
    for_each_path([](isa) {
        cbrng::stream<> s{cbrng::stream_id{1, 2, 3}, 1}, t = s;
        const cbrng::exponential_distribution<double> d(2.0);
        std::deque<double> x(3001);
        std::vector<double> y(3001);
        cbrng::fill(s, x.begin(), x.end(), d);
        for (auto& v : y) v = d(t);
        CHECK((std::vector<double>(x.begin(), x.end()) == y));
        CHECK(s == t);
        auto u = s;
        std::vector<long double> z(77);  // converted on the way out
        cbrng::fill(u, z.begin(), z.end(), cbrng::uniform_real_distribution<double>{});
        for (const auto v : z)
            CHECK(v == static_cast<long double>(cbrng::uniform_real_distribution<double>{}(t)));
        CHECK(u == t);
    });
}

TEST_CASE("fill with a distribution is the loop of dist(gen)", "[fill]") {
    for_each_path([](isa) {
        cbrng::stream<> s{cbrng::stream_id{1, 2, 3}}, t = s;
        std::uniform_int_distribution<int> d(-5, 5), e = d;
        std::vector<int> x(333), y(333);
        cbrng::fill(s, x.begin(), x.end(), d);
        for (auto& v : y) v = e(t);
        CHECK((x == y));
        CHECK(s == t);
    });
}
