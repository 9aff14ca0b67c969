// Tests include/cbrng/distributions/uniform_int.hpp: the exact Lemire mapping
// and its rejection (scripted words), unbiasedness by chi-square with a
// computed failure budget, full and single-value ranges for every integer
// type, the 32-/64-bit arithmetic choice, parameters, equality and text I/O.
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/engine.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/stats_util.hpp"
#include "support/urbg_util.hpp"

namespace {

using cbrng::uniform_int_distribution;
using cbrng_test::script32;
using cbrng_test::script64;

/// Chi-square p-value of n draws of d, binned into `bins` equal slices of the
/// range (bins must divide the count), or by offset mod `bins` when by_residue.
template <class Int, class Gen>
double chi2_of(const uniform_int_distribution<Int>& d, Gen& g, std::uint64_t n, unsigned bins,
               bool by_residue = false) {
    std::vector<std::uint64_t> counts(bins);
    using U = std::make_unsigned_t<Int>;
    const auto span =
        static_cast<std::uint64_t>(static_cast<U>(static_cast<U>(d.b()) - static_cast<U>(d.a())));
    for (std::uint64_t i = 0; i < n; ++i) {
        const Int v = d(g);
        if (v < d.a() || v > d.b()) FAIL("variate outside [a, b]");
        const auto off =
            static_cast<std::uint64_t>(static_cast<U>(static_cast<U>(v) - static_cast<U>(d.a())));
        const std::uint64_t bin =
            by_residue ? off % bins
                       : off / (span == ~std::uint64_t{0} ? span / bins + 1 : (span + 1) / bins);
        ++counts[bin];
    }
    return cbrng_test::chi2_uniform_pvalue(counts);
}

constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::uint64_t u64_max = std::numeric_limits<std::uint64_t>::max();

}  // namespace

// Construction and accessors work in constant expressions.
static_assert(uniform_int_distribution<int>(1, 6).b() == 6);
static_assert(uniform_int_distribution<std::int8_t>().max() == 127);

TEST_CASE("uniform_int: exact Lemire mapping and rejection, 32-bit words", "[uniform_int]") {
    // c = 6: offset = floor(x * 6 / 2^32); rejected while x * 6 mod 2^32 < 2^32 mod 6 = 4.
    const uniform_int_distribution<int> d(1, 6);
    script32 g{0xffffffffu, 0x80000000u, 0x2aaaaaabu, 0x55555556u, 0x00000001u};
    CHECK(d(g) == 6);  // 0xffffffff * 6 = 5 * 2^32 + (2^32 - 6)
    CHECK(g.calls() == 1);
    // 0x80000000 * 6 = 3 * 2^32 + 0: rejected; 0x2aaaaaab * 6 = 2^32 + 2: rejected;
    // 0x55555556 * 6 = 2 * 2^32 + 4: accepted (4 is not below 4).
    CHECK(d(g) == 3);
    CHECK(g.calls() == 4);
    CHECK(d(g) == 1);  // 1 * 6 = 6: low part 6 >= c, accepted without computing the threshold
    CHECK(g.calls() == 5);
}

TEST_CASE("uniform_int: exact Lemire mapping and rejection, 64-bit words", "[uniform_int]") {
    // c = 6: 2^64 mod 6 = 4.
    const uniform_int_distribution<std::int64_t> d(-1, 4);
    script64 g{u64_max, std::uint64_t{1} << 63, 0x5555555555555556u};
    CHECK(d(g) == 4);
    CHECK(d(g) == 1);  // 2^63 * 6 = 3 * 2^64: rejected; then 0x5555...6 * 6 = 2 * 2^64 + 4
    CHECK(g.calls() == 3);
}

TEST_CASE("uniform_int: 32-bit arithmetic only for 32-bit URBGs and counts <= 2^32",
          "[uniform_int]") {
    script32 g32{0x00000000u, 0xffffffffu};
    // count 2^32 + 1 > 2^32: the 64-bit path, one 64-bit draw = two calls, low word first.
    const uniform_int_distribution<std::uint64_t> wide(0, std::uint64_t{1} << 32);
    // x = 0xffffffff00000000; x * (2^32 + 1) = 0xffffffff * 2^64 + 0xffffffff00000000.
    CHECK(wide(g32) == 0xffffffffu);
    CHECK(g32.calls() == 2);
    // count exactly 2^32: the word itself (low to high offsets).
    script32 h{0x12345678u};
    CHECK(uniform_int_distribution<std::uint32_t>()(h) == 0x12345678u);
    CHECK(uniform_int_distribution<std::int64_t>(10, 10 + 0xffffffffll)(h) == 10 + 0x12345678ll);
    CHECK(h.calls() == 2);
    // A 64-bit URBG always uses 64-bit arithmetic: one call.
    script64 g64{0xffffffffffffffffu};
    CHECK(uniform_int_distribution<int>(1, 6)(g64) == 6);
    CHECK(g64.calls() == 1);
    CHECK(uniform_int_distribution<int>::min_words_per_variate<std::mt19937>(
              uniform_int_distribution<int>::param_type(1, 6)) == 1);
    CHECK(uniform_int_distribution<std::uint64_t>::min_words_per_variate<cbrng::philox4x32>(
              uniform_int_distribution<std::uint64_t>::param_type(0, std::uint64_t{1} << 32)) == 2);
    CHECK(uniform_int_distribution<int>::min_words_per_variate<std::mt19937_64>(
              uniform_int_distribution<int>::param_type(1, 6)) == 1);
    CHECK_FALSE(uniform_int_distribution<int>::fixed_consumption);
    CHECK(uniform_int_distribution<int>::words_per_variate<std::mt19937>() == 0);
}

TEST_CASE("uniform_int: full ranges take the raw bits", "[uniform_int]") {
    SECTION("64-bit types from a 64-bit URBG") {
        std::mt19937_64 a{1}, b{1};
        const uniform_int_distribution<std::uint64_t> du;
        const uniform_int_distribution<std::int64_t> di(i64_min, i64_max);
        for (int i = 0; i < 1000; ++i) {
            REQUIRE(du(a) == b());
            REQUIRE(di(a) == static_cast<std::int64_t>(b() ^ (std::uint64_t{1} << 63)));
        }
    }
    SECTION("64-bit type from a 32-bit URBG: low word first") {
        cbrng::philox4x32 a{3}, b{3};
        const uniform_int_distribution<std::uint64_t> du(0, u64_max);
        for (int i = 0; i < 1000; ++i) {
            const std::uint64_t lo = b();
            const std::uint64_t hi = b();
            REQUIRE(du(a) == (lo | hi << 32));
        }
    }
    SECTION("32-bit types from a 32-bit URBG") {
        std::mt19937 a{5}, b{5};
        const uniform_int_distribution<std::int32_t> di(std::numeric_limits<std::int32_t>::min(),
                                                        std::numeric_limits<std::int32_t>::max());
        for (int i = 0; i < 1000; ++i) {
            REQUIRE(di(a) == static_cast<std::int32_t>(b() ^ 0x80000000u));
        }
    }
}

TEMPLATE_TEST_CASE("uniform_int: every integer type, full and single-value ranges", "[uniform_int]",
                   char, signed char, unsigned char, short, unsigned short, int, unsigned, long,
                   unsigned long, long long, unsigned long long, wchar_t, char16_t, char32_t,
                   std::int8_t, std::uint8_t, std::int16_t, std::uint16_t, std::int32_t,
                   std::uint32_t, std::int64_t, std::uint64_t) {
    using T = TestType;
    constexpr T lo = std::numeric_limits<T>::min();
    constexpr T hi = std::numeric_limits<T>::max();
    cbrng::philox4x32 g{11};
    const uniform_int_distribution<T> full(lo, hi);
    CHECK(full.min() == lo);
    CHECK(full.max() == hi);
    CHECK(uniform_int_distribution<T>().a() == 0);
    CHECK(uniform_int_distribution<T>().b() == hi);
    bool saw_low_half = false, saw_high_half = false;
    for (int i = 0; i < 2000; ++i) {
        const T v = full(g);
        const bool low = static_cast<long double>(v) <
                         (static_cast<long double>(lo) + static_cast<long double>(hi)) / 2;
        (low ? saw_low_half : saw_high_half) = true;
    }
    CHECK(saw_low_half);
    CHECK(saw_high_half);
    for (const T x : {lo, hi, static_cast<T>(lo + 1), static_cast<T>(hi - 1)}) {
        const uniform_int_distribution<T> single(x, x);
        cbrng_test::counting_urbg<std::mt19937> c{std::mt19937{}};
        for (int i = 0; i < 10; ++i) REQUIRE(single(c) == x);
        CHECK(c.calls() == 10);  // a single-value range still consumes one draw
    }
}

TEST_CASE("uniform_int: unbiased (chi-square, computed failure budget)", "[uniform_int][stats]") {
    cbrng_test::pvalue_log log;
    for (std::uint32_t trial = 0; trial < 4; ++trial) {
        const std::string t = " trial " + std::to_string(trial);
        cbrng::philox4x32 p{1000 + trial};
        std::mt19937_64 m{2000 + trial};
        std::mt19937 m32{3000 + trial};
        // Small ranges, every value a bin.
        log.add("[1,6] philox" + t, chi2_of(uniform_int_distribution<int>(1, 6), p, 600000, 6));
        log.add("[1,6] mt64" + t, chi2_of(uniform_int_distribution<int>(1, 6), m, 600000, 6));
        log.add("[-500,499] mt" + t,
                chi2_of(uniform_int_distribution<short>(-500, 499), m32, 1000000, 1000));
        log.add("int8 full philox" + t,
                chi2_of(uniform_int_distribution<std::int8_t>(-128, 127), p, 512000, 256));
        // Ranges whose count is 3/4 of 2^32 or 2^64: without rejection the
        // offsets divisible by 3 would be twice as likely as the others.
        const uniform_int_distribution<std::uint32_t> r32(0, (3u << 30) - 1u);
        const uniform_int_distribution<std::uint64_t> r64(0, (std::uint64_t{3} << 62) - 1u);
        log.add("3*2^30 mod 3 philox" + t, chi2_of(r32, p, 300000, 3, true));
        log.add("3*2^30 mod 3 mt64" + t, chi2_of(r32, m, 300000, 3, true));
        log.add("3*2^62 mod 3 philox" + t, chi2_of(r64, p, 300000, 3, true));
        log.add("3*2^62 mod 3 mt64" + t, chi2_of(r64, m, 300000, 3, true));
        log.add("3*2^30 slices philox" + t, chi2_of(r32, p, 300000, 64));
        // Full 64-bit range and a huge signed one, in 256 slices.
        log.add("uint64 full philox" + t,
                chi2_of(uniform_int_distribution<std::uint64_t>(), p, 256000, 256));
        log.add("int64 [-2^62, 2^62) mt64" + t,
                chi2_of(uniform_int_distribution<std::int64_t>(-(std::int64_t{1} << 62),
                                                               (std::int64_t{1} << 62) - 1),
                        m, 256000, 256));
        // minstd_rand: range not a power of two, bits by rejection.
        std::minstd_rand ms{4000 + trial};
        log.add("[0,9] minstd" + t, chi2_of(uniform_int_distribution<int>(0, 9), ms, 300000, 10));
    }
    log.require_within_budget();
}

TEST_CASE("uniform_int: parameters", "[uniform_int]") {
    CHECK_THROWS_AS(uniform_int_distribution<int>(5, 4), std::invalid_argument);
    CHECK_THROWS_WITH(uniform_int_distribution<int>(5, 4),
                      "cbrng::uniform_int_distribution: a must be <= b (got a = 5, b = 4)");
    CHECK_THROWS_WITH(uniform_int_distribution<std::uint8_t>(200, 100),
                      "cbrng::uniform_int_distribution: a must be <= b (got a = 200, b = 100)");
    CHECK_THROWS_AS(uniform_int_distribution<int>::param_type(1, 0), std::invalid_argument);
    uniform_int_distribution<int> d(-3, 9);
    CHECK(d.a() == -3);
    CHECK(d.b() == 9);
    CHECK(d.param() == uniform_int_distribution<int>::param_type(-3, 9));
    d.param(uniform_int_distribution<int>::param_type(0, 1));
    CHECK(d == uniform_int_distribution<int>(0, 1));
    CHECK(d != uniform_int_distribution<int>(0, 2));
    d.reset();
    std::mt19937 g;
    const uniform_int_distribution<int>::param_type p(100, 100);
    CHECK(d(g, p) == 100);
}

TEST_CASE("uniform_int: text round trip and strict parsing", "[uniform_int]") {
    const uniform_int_distribution<std::int64_t> d(i64_min, 17);
    std::stringstream s;
    s << d;
    CHECK(s.str() == "-9223372036854775808 17");
    uniform_int_distribution<std::int64_t> e;
    s >> e;
    CHECK(e == d);
    const uniform_int_distribution<std::int8_t> c(-128, -5);
    std::stringstream sc;
    sc << c;
    CHECK(sc.str() == "-128 -5");
    uniform_int_distribution<std::int8_t> c2;
    sc >> c2;
    CHECK(c2 == c);
    for (const char* bad : {"", "1", "x 2", "3 2", "1 2x", "-1 5", "0 300", "1.5 2", "+1 2",
                            "18446744073709551616 0"}) {
        INFO("text: '" << bad << "'");
        uniform_int_distribution<std::uint8_t> u(7, 9);
        std::istringstream is(bad);
        is >> u;
        CHECK(is.fail());
        CHECK(u == uniform_int_distribution<std::uint8_t>(7, 9));
    }
    for (const char* bad : {"-129 0", "0 128", "5 -5", "--1 2"}) {
        INFO("text: '" << bad << "'");
        uniform_int_distribution<std::int8_t> u(1, 2);
        std::istringstream is(bad);
        is >> u;
        CHECK(is.fail());
        CHECK(u == uniform_int_distribution<std::int8_t>(1, 2));
    }
}
