// Tests include/cbrng/distributions/poisson.hpp: chi-square on the exact pmf
// (tails pooled) and moments for each regime of both algorithms (inversion
// below mean 10, PTRS from 10 up) with a computed failure budget, every
// integer type, word consumption, parameters and text I/O.
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/engine.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/pmf_chi2.hpp"
#include "support/stats_util.hpp"
#include "support/urbg_util.hpp"

namespace {

using cbrng::poisson_distribution;

template <class Int, class Gen>
void check_regime(cbrng_test::pvalue_log& log, double mean, Gen gen, const std::string& name,
                  int n = 150000) {
    poisson_distribution<Int> d{mean};
    std::map<std::int64_t, std::uint64_t> seen;
    std::vector<double> x(static_cast<std::size_t>(n));
    for (auto& v : x) {
        const Int k = d(gen);
        if (k < 0) FAIL("negative variate");
        ++seen[static_cast<std::int64_t>(k)];
        v = static_cast<double>(k);
    }
    const double sd = std::sqrt(mean);
    const auto lo = static_cast<std::int64_t>(std::max(0.0, std::floor(mean - 12 * sd - 10)));
    const auto hi = static_cast<std::int64_t>(std::ceil(mean + 12 * sd + 20));
    log.add(name + " chi2", cbrng_test::pooled_chi2_pvalue(seen, lo, hi, [mean](std::int64_t k) {
                return std::exp(cbrng_test::poisson_log_pmf(mean, k));
            }));
    // Poisson: variance = mean, fourth central moment = mean (1 + 3 mean).
    const auto [pm, pv] = cbrng_test::moment_pvalues(x, mean, mean, mean * (1 + 3 * mean));
    log.add(name + " mean", pm);
    log.add(name + " variance", pv);
}

}  // namespace

TEST_CASE("poisson: distribution per regime (chi-square, moments, computed budget)",
          "[poisson][stats]") {
    cbrng_test::pvalue_log log;
    // Inversion.
    check_regime<int>(log, 0.25, cbrng::philox4x32{1}, "mean 0.25");
    check_regime<int>(log, 3.0, cbrng::philox4x32{2}, "mean 3");
    check_regime<long>(log, 9.75, std::mt19937_64{3}, "mean 9.75");
    // PTRS: at the threshold, moderate, large, and very large means.
    check_regime<int>(log, 10.0, cbrng::philox4x32{4}, "mean 10");
    check_regime<unsigned>(log, 31.5, cbrng::philox4x64{5}, "mean 31.5");
    check_regime<int>(log, 1000.0, cbrng::philox4x32{6}, "mean 1000");
    check_regime<std::int64_t>(log, 1e6, std::mt19937{7}, "mean 1e6");
    check_regime<std::int64_t>(log, 3e9, cbrng::philox4x32{8}, "mean 3e9", 100000);
    log.require_within_budget();
}

TEST_CASE("poisson: inversion equals a long-double inversion of the same uniforms", "[poisson]") {
    // The cross-check of the golden values below mean 10: u from the same
    // 64-bit word, the CDF summed in long double; they agree except where u
    // lies within 1e-13 of a CDF value (rounding of the double CDF).
    for (const double mean : {0.5, 3.0, 9.9}) {
        std::mt19937_64 words{11};
        std::mt19937_64 g = words;
        const poisson_distribution<int> d{mean};
        int skipped = 0;
        for (int i = 0; i < 50000; ++i) {
            const std::uint64_t x = words();
            const long double u = static_cast<long double>(x >> 11) * 0x1p-53L;
            long double p = std::exp(-static_cast<long double>(mean));
            long double f = p;
            int k = 0;
            bool near = std::fabs(u - f) < 1e-13L;
            while (u >= f) {
                ++k;
                p *= mean / k;
                f += p;
                near = near || std::fabs(u - f) < 1e-13L;
            }
            const int got = d(g);
            if (near) {
                ++skipped;
                words = g;
                continue;
            }
            INFO("mean " << mean << " draw " << i);
            REQUIRE(got == k);
        }
        CHECK(skipped < 5);
    }
}

TEST_CASE("poisson: every integer type; results never exceed the type", "[poisson]") {
    cbrng::philox4x32 g{9};
    // int8_t: max_mean = 127 / 4; PTRS rejects candidates above 127.
    poisson_distribution<std::int8_t> small{31.75};
    poisson_distribution<unsigned char> uc{3};
    poisson_distribution<short> s{200};
    poisson_distribution<unsigned long long> ull{1e12};
    long long sum = 0;
    for (int i = 0; i < 20000; ++i) {
        const auto a = small(g);
        REQUIRE(a >= 0);
        sum += a;
        (void)uc(g);
        REQUIRE(s(g) >= 0);
        (void)ull(g);
    }
    CHECK(std::fabs(static_cast<double>(sum) / 20000 - 31.75) < 0.2);
}

TEST_CASE("poisson: inversion takes one 64-bit draw per variate", "[poisson]") {
    cbrng_test::counting_urbg<std::mt19937_64> g{std::mt19937_64{1}};
    const poisson_distribution<int> d{2.0};
    for (int i = 0; i < 1000; ++i) (void)d(g);
    CHECK(g.calls() == 1000);  // a repeat has probability ~2^-53 per variate
    cbrng_test::counting_urbg<std::mt19937> g32{std::mt19937{1}};
    for (int i = 0; i < 1000; ++i) (void)d(g32);
    CHECK(g32.calls() == 2000);
    STATIC_REQUIRE(!poisson_distribution<int>::fixed_consumption);
    STATIC_REQUIRE(poisson_distribution<int>::words_per_variate<std::mt19937>() == 0);
}

TEST_CASE("poisson: PTRS attempts match the hat's area", "[poisson]") {
    // One 64-bit draw per attempt; the expected number of attempts is
    // Hörmann's 1 / alpha = 1.1239 + 1.1328 / (b - 3.4), b = 0.931 + 2.53 sqrt(mean).
    for (const double mean : {10.0, 100.0, 1e5}) {
        cbrng_test::counting_urbg<std::mt19937_64> g{std::mt19937_64{2}};
        const poisson_distribution<int> d{mean};
        constexpr int n = 20000;
        for (int i = 0; i < n; ++i) (void)d(g);
        const double b = 0.931 + 2.53 * std::sqrt(mean);
        INFO("mean " << mean);
        CHECK(static_cast<double>(g.calls()) / n ==
              Approx(1.1239 + 1.1328 / (b - 3.4)).epsilon(0.02));
        // With a 32-bit URBG a draw is two calls.
        cbrng_test::counting_urbg<std::mt19937> g32{std::mt19937{2}};
        for (int i = 0; i < n; ++i) (void)d(g32);
        CHECK(static_cast<double>(g32.calls()) / (2.0 * n) ==
              Approx(1.1239 + 1.1328 / (b - 3.4)).epsilon(0.02));
    }
}

TEST_CASE("poisson: the brackets of PTRS's final test contain the full evaluation", "[poisson]") {
    // The final test decides on cheap brackets of both sides first; that is
    // the same decision as the full test only if each bracket contains the
    // value the full evaluation computes. Checked here over the range PTRS
    // uses, including the edges of the reductions.
    using cbrng::detail::log_bracket_of;
    using cbrng::detail::log_bracket_slack;
    std::mt19937_64 g{21};
    auto check_log = [](double x) {
        const auto b = log_bracket_of(x);
        const double l = cbrng::detail::log(x);
        INFO("x " << x);
        REQUIRE(b.lo - log_bracket_slack <= l);
        REQUIRE(l <= b.hi + log_bracket_slack);
        REQUIRE(b.hi - b.lo <= 0.043);
    };
    for (int i = 0; i < 200000; ++i) {
        // log-uniform over [2^-120, 2^8]: the range of y and of BTRD's v.
        const double e = -120.0 + 128.0 * static_cast<double>(g() >> 11) * 0x1p-53;
        check_log(std::exp2(e));
    }
    for (const double x : {0.7071067811865475, 0.7071067811865476, 1.414213562373095,
                           1.4142135623730951, 1.0, 0x1p-1022, 0.5, 2.0}) {
        check_log(x);
        check_log(std::nextafter(x, 0.0));
        check_log(std::nextafter(x, 4.0));
    }
    // The right side, (k + 1/2) log1p(d / n) - d - log(mean) / 2 - fc(k) - log sqrt(2 pi).
    for (const double mean : {10.0, 10.5, 31.5, 1000.0, 1e6, 3e9, 0x1p40}) {
        const double log_c = 0.5 * cbrng::detail::log(mean) + 0.9189385332046728;
        const double sd = std::sqrt(mean);
        for (int i = 0; i < 20000; ++i) {
            // k spread over mean +- 40 sd (and down to 0).
            const double z = -40.0 + 80.0 * static_cast<double>(g() >> 11) * 0x1p-53;
            const double k = std::max(0.0, std::floor(mean + z * sd));
            const double n = k + 1.0;
            const double d = mean - n;
            const double full = (cbrng::detail::fp_mul(k + 0.5, cbrng::detail::log1p(d / n)) - d) -
                                log_c - cbrng::detail::stirling_correction_short(k);
            const auto b = cbrng::detail::poisson_log_pmf_bracket(k, n, d, log_c);
            INFO("mean " << mean << " k " << k);
            REQUIRE(b.lo <= full);
            REQUIRE(full <= b.hi);
            // And it is a bracket worth having where |d / n| <= 1/2.
            if (std::fabs(d / n) <= 0.25 && std::fabs(z) < 3) REQUIRE(b.hi - b.lo < 0.1);
        }
    }
}

TEST_CASE("poisson: parameters, comparison and text form", "[poisson]") {
    const poisson_distribution<int> d{4.5};
    CHECK(d.mean() == 4.5);
    CHECK(d.param().mean() == 4.5);
    CHECK(d.min() == 0);
    CHECK(d.max() == std::numeric_limits<int>::max());
    CHECK(poisson_distribution<int>{}.mean() == 1.0);
    CHECK(d == poisson_distribution<int>{4.5});
    CHECK(d != poisson_distribution<int>{4.25});
    CHECK(poisson_distribution<std::int8_t>::param_type::max_mean == 31.75);
    CHECK(poisson_distribution<int>::param_type::max_mean == 2147483647.0 / 4);
    CHECK(poisson_distribution<std::int64_t>::param_type::max_mean == 0x1p40);
    for (const double mean : {0.1, 9.999, 10.0, 12345.678, 0x1p40}) {
        const poisson_distribution<std::int64_t> a{mean};
        std::stringstream ss;
        ss << a;
        poisson_distribution<std::int64_t> b;
        ss >> b;
        CHECK(a == b);
        cbrng::philox4x32 g1{3};
        cbrng::philox4x32 g2{3};
        for (int i = 0; i < 10; ++i) CHECK(a(g1) == b(g2));
    }
    for (const char* bad : {"0x0p+0", "-0x1p+0", "nan", "0x1p+41", "garbage", ""}) {
        std::stringstream ss{bad};
        poisson_distribution<std::int64_t> b{2.0};
        ss >> b;
        CHECK(ss.fail());
        CHECK(b.mean() == 2.0);
    }
    std::stringstream ss{"0x1p+5"};
    poisson_distribution<std::int8_t> c{2.0};
    ss >> c;  // 32 > 127 / 4
    CHECK(ss.fail());
    CHECK(c.mean() == 2.0);
}

TEST_CASE("poisson: bad means throw", "[poisson]") {
    using P = poisson_distribution<int>;
    CHECK_THROWS_AS(P{0.0}, std::invalid_argument);
    CHECK_THROWS_AS(P{-1.0}, std::invalid_argument);
    CHECK_THROWS_AS(P{std::numeric_limits<double>::quiet_NaN()}, std::invalid_argument);
    CHECK_THROWS_AS(P{std::numeric_limits<double>::infinity()}, std::invalid_argument);
    CHECK_THROWS_AS(P{6e8}, std::invalid_argument);
    CHECK_THROWS_AS(poisson_distribution<std::int64_t>{0x1p40 * 1.0000001}, std::invalid_argument);
    CHECK_THROWS_AS(poisson_distribution<std::int8_t>{32.0}, std::invalid_argument);
    CHECK_NOTHROW(poisson_distribution<std::int64_t>{0x1p40});
}
