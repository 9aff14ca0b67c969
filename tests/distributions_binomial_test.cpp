// Tests include/cbrng/distributions/binomial.hpp: chi-square on the exact pmf
// (tails pooled) and moments for each regime (inversion at small t * p, BTRD
// at large, p > 1/2 by symmetry, the degenerate cases) with a computed
// failure budget, every integer type, parameters and text I/O.
#include <cbrng/distributions/binomial.hpp>
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
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "support/pmf_chi2.hpp"
#include "support/stats_util.hpp"
#include "support/urbg_util.hpp"

namespace {

using cbrng::binomial_distribution;

template <class Int, class Gen>
void check_regime(cbrng_test::pvalue_log& log, Int t, double p, Gen gen, const std::string& name,
                  int n = 200000) {
    binomial_distribution<Int> d{t, p};
    std::map<std::int64_t, std::uint64_t> seen;
    std::vector<double> x(static_cast<std::size_t>(n));
    for (auto& v : x) {
        const Int k = d(gen);
        if (k < 0 || k > t) FAIL("variate outside [0, t]");
        ++seen[static_cast<std::int64_t>(k)];
        v = static_cast<double>(k);
    }
    const auto tt = static_cast<std::int64_t>(t);
    const double mean = static_cast<double>(t) * p;
    const double var = mean * (1 - p);
    // The cells span mean +- 12 sd (the mass outside is below 1e-30).
    const double reach = 12 * std::sqrt(var) + 20;
    const auto lo = static_cast<std::int64_t>(std::max(0.0, std::floor(mean - reach)));
    const auto hi = std::min(tt, static_cast<std::int64_t>(std::ceil(mean + reach)));
    log.add(name + " chi2", cbrng_test::pooled_chi2_pvalue(seen, lo, hi, [tt, p](std::int64_t k) {
                return std::exp(cbrng_test::binomial_log_pmf(tt, p, k));
            }));
    // Fourth central moment: n p q (1 + 3 (n - 2) p q).
    const double mu4 = var * (1 + 3 * (static_cast<double>(t) - 2) * p * (1 - p));
    const auto [pm, pv] = cbrng_test::moment_pvalues(x, mean, var, mu4);
    log.add(name + " mean", pm);
    log.add(name + " variance", pv);
}

}  // namespace

TEST_CASE("binomial: distribution per regime (chi-square, moments, computed budget)",
          "[binomial][stats]") {
    cbrng_test::pvalue_log log;
    // Inversion (t * min(p, 1-p) < 10).
    check_regime<int>(log, 10, 0.5, cbrng::philox4x32{1}, "t 10 p 0.5");
    check_regime<int>(log, 100, 0.05, cbrng::philox4x32{2}, "t 100 p 0.05");
    check_regime<long>(log, 100000, 0.00003, std::mt19937_64{3}, "t 1e5 p 3e-5");
    check_regime<int>(log, 30, 0.9, cbrng::philox4x64{4}, "t 30 p 0.9 (symmetry)");
    // BTRD: at the threshold, moderate, p > 1/2, large.
    check_regime<int>(log, 20, 0.5, cbrng::philox4x32{5}, "t 20 p 0.5");
    check_regime<int>(log, 100, 0.3, cbrng::philox4x32{6}, "t 100 p 0.3");
    check_regime<unsigned>(log, 50, 0.8, std::mt19937{7}, "t 50 p 0.8 (symmetry)");
    check_regime<int>(log, 1000, 0.02, cbrng::philox4x32{8}, "t 1000 p 0.02");
    check_regime<std::int64_t>(log, 1000000, 0.5, cbrng::philox4x32{9}, "t 1e6 p 0.5");
    check_regime<std::int64_t>(log, 3000000000, 0.25, cbrng::philox4x32{10}, "t 3e9 p 0.25",
                               150000);
    log.require_within_budget();
}

TEST_CASE("binomial: inversion equals a long-double inversion of the same uniforms", "[binomial]") {
    // The cross-check of the golden values below t p' = 10: u from the same
    // 64-bit word, the pmf in long double; they agree except where u lies
    // within 1e-13 of a CDF value.
    for (const auto& [t, p] : std::vector<std::pair<int, double>>{{10, 0.3}, {40, 0.05}}) {
        std::mt19937_64 words{12};
        std::mt19937_64 g = words;
        const binomial_distribution<int> d{t, p};
        int skipped = 0;
        for (int i = 0; i < 50000; ++i) {
            const std::uint64_t x = words();
            const long double u = static_cast<long double>(x >> 11) * 0x1p-53L;
            long double f = 0;
            int k = -1;
            bool near = false;
            while (u >= f) {
                ++k;
                f += std::exp(cbrng_test::binomial_log_pmf(t, p, k));
                near = near || std::fabs(u - f) < 1e-13L;
            }
            const int got = d(g);
            if (near) {
                ++skipped;
                words = g;
                continue;
            }
            INFO("t " << t << " p " << p << " draw " << i);
            REQUIRE(got == k);
        }
        CHECK(skipped < 5);
    }
}

TEST_CASE("binomial: degenerate parameters take no draw", "[binomial]") {
    cbrng_test::counting_urbg<std::mt19937_64> g{std::mt19937_64{1}};
    CHECK(binomial_distribution<int>(0, 0.3)(g) == 0);
    CHECK(binomial_distribution<int>(7, 0.0)(g) == 0);
    CHECK(binomial_distribution<int>(7, 1.0)(g) == 7);
    CHECK(g.calls() == 0);
    STATIC_REQUIRE(!binomial_distribution<int>::fixed_consumption);
    // Inversion: one 64-bit draw per variate (a repeat has probability < 1e-15).
    const binomial_distribution<int> d{40, 0.1};
    for (int i = 0; i < 1000; ++i) (void)d(g);
    CHECK(g.calls() == 1000);
}

TEST_CASE("binomial: BTRD takes one 64-bit draw per attempt", "[binomial]") {
    // The mean number of attempts (so of draws) per variate, measured on 2e6
    // variates: 1.410 at t = 20, p = 1/2, 1.284 at (100, 0.3), 1.131 at
    // (10^6, 1/2); a 32-bit URBG makes each draw two calls.
    const std::pair<int, double> params[] = {{20, 0.5}, {100, 0.3}, {1000000, 0.5}};
    const double draws[] = {1.410, 1.284, 1.131};
    for (int j = 0; j < 3; ++j) {
        const binomial_distribution<int> d{params[j].first, params[j].second};
        constexpr int n = 40000;
        cbrng_test::counting_urbg<std::mt19937_64> g{std::mt19937_64{3}};
        for (int i = 0; i < n; ++i) (void)d(g);
        INFO("t " << params[j].first << " p " << params[j].second);
        CHECK(static_cast<double>(g.calls()) / n == Approx(draws[j]).epsilon(0.02));
        cbrng_test::counting_urbg<std::mt19937> g32{std::mt19937{3}};
        for (int i = 0; i < n; ++i) (void)d(g32);
        CHECK(static_cast<double>(g32.calls()) / (2.0 * n) == Approx(draws[j]).epsilon(0.02));
    }
}

TEST_CASE("binomial: every integer type", "[binomial]") {
    cbrng::philox4x32 g{11};
    binomial_distribution<std::int8_t> a{127, 0.5};
    binomial_distribution<unsigned char> b{255, 0.999};
    binomial_distribution<short> c{30000, 0.01};
    binomial_distribution<unsigned long long> e{1ull << 40, 0.5};
    for (int i = 0; i < 20000; ++i) {
        const auto x = a(g);
        REQUIRE(x >= 0);
        REQUIRE(b(g) <= 255);
        const auto y = c(g);
        REQUIRE((y >= 0 && y <= 30000));
        REQUIRE(e(g) <= (1ull << 40));
    }
}

TEST_CASE("binomial: parameters, comparison and text form", "[binomial]") {
    const binomial_distribution<int> d{12, 0.25};
    CHECK(d.t() == 12);
    CHECK(d.p() == 0.25);
    CHECK(d.min() == 0);
    CHECK(d.max() == 12);
    CHECK(binomial_distribution<int>{}.t() == 1);
    CHECK(binomial_distribution<int>{}.p() == 0.5);
    CHECK(d == binomial_distribution<int>{12, 0.25});
    CHECK(d != binomial_distribution<int>{12, 0.5});
    CHECK(d != binomial_distribution<int>{13, 0.25});
    for (const auto& [t, p] : std::vector<std::pair<std::int64_t, double>>{
             {0, 0.5}, {5, 0.0}, {5, 1.0}, {40, 0.1}, {1000, 0.7}, {1ll << 40, 0.3}}) {
        const binomial_distribution<std::int64_t> a{t, p};
        std::stringstream ss;
        ss << a;
        binomial_distribution<std::int64_t> b;
        ss >> b;
        CHECK(a == b);
        cbrng::philox4x32 g1{3};
        cbrng::philox4x32 g2{3};
        for (int i = 0; i < 10; ++i) CHECK(a(g1) == b(g2));
    }
    for (const char* bad : {"-1 0x1p-1", "5 0x1.8p+0", "5 -0x1p-1", "5 nan", "1099511627777 0x1p-1",
                            "5", "x 0x1p-1"}) {
        std::stringstream ss{bad};
        binomial_distribution<std::int64_t> b{3, 0.5};
        ss >> b;
        CHECK(ss.fail());
        CHECK(b.t() == 3);
    }
    std::stringstream ss{"128 0x1p-1"};
    binomial_distribution<std::int8_t> c{3, 0.5};
    ss >> c;
    CHECK(ss.fail());
    CHECK(c.t() == 3);
}

TEST_CASE("binomial: bad parameters throw", "[binomial]") {
    using B = binomial_distribution<std::int64_t>;
    CHECK_THROWS_AS(B(-1, 0.5), std::invalid_argument);
    CHECK_THROWS_AS(B((1ll << 40) + 1, 0.5), std::invalid_argument);
    CHECK_THROWS_AS(B(10, -0.1), std::invalid_argument);
    CHECK_THROWS_AS(B(10, 1.5), std::invalid_argument);
    CHECK_THROWS_AS(B(10, std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
    CHECK_NOTHROW(B(1ll << 40, 0.5));
}
