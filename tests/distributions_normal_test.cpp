// Tests include/cbrng/distributions/normal.hpp: the exact mapping from bits
// (half-ulp-offset grid, finite extremes, exact antisymmetry), Kolmogorov-
// Smirnov and moment tests with a computed failure budget, statelessness
// (no cached second value), word consumption, parameters and text I/O.
#include <cbrng/distributions/normal.hpp>
#include <cbrng/engine.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
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

using cbrng::normal_distribution;
namespace d = cbrng::detail;

}  // namespace

// Construction and accessors work in constant expressions.
#if CBRNG_HAS_CONSTEXPR_FP
static_assert(normal_distribution<double>(1.0, 2.0).stddev() == 2.0);
static_assert(normal_distribution<float>().param() == normal_distribution<float>::param_type());
#endif

TEST_CASE("normal: mapping from bits", "[normal]") {
    const d::normal_param<double> std_normal;
    // u = (2 * (x >> 12) + 1) * 2^-53: the extremes are finite and symmetric.
    const double lo = d::normal_from_bits(std::uint64_t{0}, std_normal);
    const double hi = d::normal_from_bits(~std::uint64_t{0}, std_normal);
    CHECK(std::isfinite(lo));
    CHECK(lo == Approx(-8.2095361516013856).epsilon(1e-15));
    CHECK(hi == -lo);
    // u = 1/2 + 2^-53 and 1/2 - 2^-53 straddle the median.
    const double above = d::normal_from_bits(std::uint64_t{1} << 63, std_normal);
    CHECK(above > 0);
    CHECK(above < 1e-15);
    // Exact antisymmetry: x and ~x give u and 1 - u.
    std::mt19937_64 g{1};
    for (int i = 0; i < 100000; ++i) {
        const std::uint64_t x = g();
        REQUIRE(d::normal_from_bits(~x, std_normal) == -d::normal_from_bits(x, std_normal));
        const auto w = static_cast<std::uint32_t>(x);
        REQUIRE(d::normal_from_bits(static_cast<std::uint32_t>(~w), d::normal_param<float>()) ==
                -d::normal_from_bits(w, d::normal_param<float>()));
    }
    // The low 12 bits do not matter (52-bit grid).
    CHECK(d::normal_from_bits(std::uint64_t{0xfff}, std_normal) == lo);
    // float: u = (2x + 1) * 2^-33.
    const float flo = d::normal_from_bits(std::uint32_t{0}, d::normal_param<float>());
    CHECK(flo == Approx(-6.3379578590393066).epsilon(1e-7));
    // mean + stddev * z, in double, rounded once for float.
    const d::normal_param<double> shifted(10.0, 3.0);
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t x = g();
        const double z = d::normal_from_bits(x, std_normal);
        REQUIRE(d::normal_from_bits(x, shifted) == 10.0 + d::fp_mul(3.0, z));
    }
}

TEST_CASE("normal: stateless, one draw per variate", "[normal]") {
    using nd = normal_distribution<double>;
    using nf = normal_distribution<float>;
    STATIC_REQUIRE(nd::fixed_consumption);
    STATIC_REQUIRE(nd::words_per_variate<cbrng::philox4x32>() == 2);
    STATIC_REQUIRE(nd::words_per_variate<std::mt19937_64>() == 1);
    STATIC_REQUIRE(nf::words_per_variate<cbrng::philox4x32>() == 1);
    STATIC_REQUIRE(nf::words_per_variate<std::mt19937_64>() == 1);
    cbrng_test::counting_urbg<std::mt19937> g{std::mt19937{}};
    nd dist;
    const double first = dist(g);
    CHECK(g.calls() == 2);
    // No cached value: a fresh generator and reset() change nothing.
    dist.reset();
    cbrng_test::counting_urbg<std::mt19937> h{std::mt19937{}};
    CHECK(dist(h) == first);
    // Interleaving parameter sets does not perturb the sequence.
    std::mt19937_64 a{5}, b{5};
    const nd unit;
    const nd::param_type other(100.0, 0.5);
    for (int i = 0; i < 100; ++i) {
        const double even = unit(a);
        const double odd = unit(a);
        REQUIRE(unit(b) == even);
        REQUIRE(unit(b, other) == 100.0 + d::fp_mul(0.5, odd));
    }
}

TEST_CASE("normal: distribution (KS and moments, computed failure budget)", "[normal][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double mu = static_cast<double>(dist.mean());
        const double sigma = static_cast<double>(dist.stddev());
        std::vector<double> x(200000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!std::isfinite(r)) FAIL("non-finite variate");
            v = (static_cast<double>(r) - mu) / sigma;
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, cbrng_test::normal_cdf));
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, 0.0, 1.0, 3.0);
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
        // Tail frequency beyond 3 sigma: binomial, normal approximation.
        const double p3 = std::erfc(3.0 / std::sqrt(2.0));
        double beyond = 0;
        for (const double v : x) beyond += std::fabs(v) > 3.0 ? 1 : 0;
        const double n = static_cast<double>(x.size());
        log.add(name + " |z|>3",
                cbrng_test::normal_two_sided((beyond - n * p3) / std::sqrt(n * p3 * (1 - p3))));
    };
    for (std::uint32_t t = 0; t < 4; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(normal_distribution<double>(), cbrng::philox4x32{100 + t}, "N(0,1) philox" + s);
        run(normal_distribution<double>(-5, 0.25), std::mt19937_64{200 + t}, "N(-5,.25) mt64" + s);
        run(normal_distribution<double>(1e6, 1e3), std::mt19937{300 + t}, "N(1e6,1e3) mt" + s);
        run(normal_distribution<float>(), cbrng::philox4x32{400 + t}, "float N(0,1)" + s);
        run(normal_distribution<float>(2.0f, 3.0f), std::mt19937_64{500 + t}, "float N(2,3)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("normal: extreme parameters stay finite", "[normal]") {
    cbrng::philox4x32 g{3};
    const normal_distribution<double> tiny(0.0, std::numeric_limits<double>::denorm_min());
    const normal_distribution<double> huge(0.0, 1e300);
    const normal_distribution<float> fhuge(1e30f, 1e25f);
    for (int i = 0; i < 10000; ++i) {
        REQUIRE(std::isfinite(tiny(g)));
        REQUIRE(std::isfinite(huge(g)));
        REQUIRE(std::isfinite(fhuge(g)));
    }
    CHECK(normal_distribution<double>().min() == std::numeric_limits<double>::lowest());
    CHECK(normal_distribution<float>().max() == std::numeric_limits<float>::max());
}

TEST_CASE("normal: parameters", "[normal]") {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(normal_distribution<double>(0.0, -1.0),
                      "cbrng::normal_distribution: stddev must be > 0 and finite (got -1)");
    CHECK_THROWS_WITH(normal_distribution<double>(0.0, 0.0),
                      "cbrng::normal_distribution: stddev must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(normal_distribution<double>(0.0, inf),
                      "cbrng::normal_distribution: stddev must be > 0 and finite (got inf)");
    CHECK_THROWS_WITH(normal_distribution<double>(std::nan(""), 1.0),
                      "cbrng::normal_distribution: mean must be finite (got nan)");
    CHECK_THROWS_AS(normal_distribution<float>(-std::numeric_limits<float>::infinity()),
                    std::invalid_argument);
    CHECK_THROWS_AS(normal_distribution<float>::param_type(0.0f, std::nanf("")),
                    std::invalid_argument);
    normal_distribution<double> dist(1, 2);
    CHECK(dist.mean() == 1);
    CHECK(dist.stddev() == 2);
    CHECK(normal_distribution<double>().stddev() == 1);
    dist.param(normal_distribution<double>::param_type(3, 4));
    CHECK(dist == normal_distribution<double>(3, 4));
    CHECK(dist != normal_distribution<double>(3, 5));
}

TEST_CASE("normal: exact text round trip, strict parsing", "[normal]") {
    const normal_distribution<double> dist(-0.1, 1e-300);
    std::stringstream s;
    s << dist;
    char expected[64];
    std::snprintf(expected, sizeof expected, "%a %a", -0.1, 1e-300);
    CHECK(s.str() == expected);
    normal_distribution<double> back;
    s >> back;
    CHECK(back == dist);
    for (const char* bad : {"", "0x1p+0", "0x1p+0 -0x1p+0", "0x1p+0 0x0p+0", "0 1", "nan 0x1p+0",
                            "0x1p+0 0x1p+0junk"}) {
        INFO("text: '" << bad << "'");
        normal_distribution<double> d2(5, 6);
        std::istringstream is(bad);
        is >> d2;
        CHECK(is.fail());
        CHECK(d2 == normal_distribution<double>(5, 6));
    }
    normal_distribution<float> f(1.5f, 0.25f);
    std::stringstream sf;
    sf << f;
    normal_distribution<float> fb;
    sf >> fb;
    CHECK(fb == f);
}
