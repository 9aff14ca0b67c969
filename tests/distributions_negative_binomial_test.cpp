// Tests include/cbrng/distributions/negative_binomial.hpp: chi-square on the
// exact pmf (tails pooled) and moments per regime (the Poisson stage by
// inversion and by PTRS) with a computed failure budget, parameters, errors
// and text I/O.
#include <cbrng/distributions/negative_binomial.hpp>
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

using cbrng::negative_binomial_distribution;

template <class Int, class Gen>
void check_regime(cbrng_test::pvalue_log& log, Int k, double p, Gen gen, const std::string& name,
                  int n = 200000) {
    negative_binomial_distribution<Int> d{k, p};
    std::map<std::int64_t, std::uint64_t> seen;
    std::vector<double> x(static_cast<std::size_t>(n));
    for (auto& v : x) {
        const Int r = d(gen);
        if (r < 0) FAIL("negative variate");
        ++seen[static_cast<std::int64_t>(r)];
        v = static_cast<double>(r);
    }
    const double kk = static_cast<double>(k);
    const double mean = kk * (1 - p) / p;
    const double var = mean / p;
    const auto hi = static_cast<std::int64_t>(std::ceil(mean + 40 * std::sqrt(var) + 60));
    log.add(name + " chi2", cbrng_test::pooled_chi2_pvalue(seen, 0, hi, [kk, p](std::int64_t r) {
                const auto xr = static_cast<long double>(r);
                const long double lp =
                    std::lgamma(xr + kk) - std::lgamma(static_cast<long double>(kk)) -
                    std::lgamma(xr + 1) + kk * std::log(static_cast<long double>(p)) +
                    xr * std::log1p(-static_cast<long double>(p));
                return static_cast<double>(std::exp(lp));
            }));
    // Fourth central moment of NB(k, p), q = 1 - p: k q (p^2 + 6 q + 3 k q) / p^4.
    const double q = 1 - p;
    const double mu4 = kk * q * (p * p + 6 * q + 3 * kk * q) / (p * p * p * p);
    const auto [pm, pv] = cbrng_test::moment_pvalues(x, mean, var, mu4);
    log.add(name + " mean", pm);
    log.add(name + " variance", pv);
}

}  // namespace

TEST_CASE("negative_binomial: distribution per regime (chi-square, moments, computed budget)",
          "[negative_binomial][stats]") {
    cbrng_test::pvalue_log log;
    check_regime<int>(log, 1, 0.5, cbrng::philox4x32{1}, "k 1 p 0.5");
    check_regime<int>(log, 3, 0.25, cbrng::philox4x32{2}, "k 3 p 0.25");
    check_regime<long>(log, 10, 0.1, std::mt19937_64{3}, "k 10 p 0.1");
    check_regime<unsigned>(log, 2, 0.01, cbrng::philox4x64{4}, "k 2 p 0.01");
    check_regime<int>(log, 50, 0.9, cbrng::philox4x32{5}, "k 50 p 0.9");
    log.require_within_budget();
}

TEST_CASE("negative_binomial: parameters, comparison, text form and errors",
          "[negative_binomial]") {
    using NB = negative_binomial_distribution<int>;
    const NB d{4, 0.3};
    CHECK(d.k() == 4);
    CHECK(d.p() == 0.3);
    CHECK(d.min() == 0);
    CHECK(d.max() == std::numeric_limits<int>::max());
    CHECK(NB{}.k() == 1);
    CHECK(NB{}.p() == 0.5);
    CHECK(d == NB{4, 0.3});
    CHECK(d != NB{4, 0.4});
    cbrng_test::counting_urbg<std::mt19937_64> g{std::mt19937_64{1}};
    CHECK(NB(5, 1.0)(g) == 0);
    CHECK(g.calls() == 0);
    for (const auto& [k, p] :
         std::vector<std::pair<int, double>>{{1, 1.0}, {3, 0.25}, {100, 0.7}}) {
        const NB a{k, p};
        std::stringstream ss;
        ss << a;
        NB b;
        ss >> b;
        CHECK(a == b);
        cbrng::philox4x32 g1{3};
        cbrng::philox4x32 g2{3};
        for (int i = 0; i < 10; ++i) CHECK(a(g1) == b(g2));
    }
    for (const char* bad : {"0 0x1p-1", "-1 0x1p-1", "3 0x0p+0", "3 0x1.8p+0", "3 nan", "3", "x"}) {
        std::stringstream ss{bad};
        NB b{2, 0.5};
        ss >> b;
        CHECK(ss.fail());
        CHECK(b.k() == 2);
    }
    CHECK_THROWS_AS(NB(0, 0.5), std::invalid_argument);
    CHECK_THROWS_AS(NB(-2, 0.5), std::invalid_argument);
    CHECK_THROWS_AS(NB(1, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(NB(1, 1.5), std::invalid_argument);
    CHECK_THROWS_AS(NB(1, std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
    CHECK_THROWS_AS(NB(1, 1e-300), std::invalid_argument);  // mean above the limit
    CHECK(NB::param_type::max_mean == 2147483647.0 / 4 / 64);
    CHECK_NOTHROW(negative_binomial_distribution<std::int64_t>(1, 1e-10));
    cbrng::philox4x32 h{9};
    negative_binomial_distribution<std::int8_t> tiny{1, 0.7};
    for (int i = 0; i < 10000; ++i) REQUIRE(tiny(h) >= 0);
}
