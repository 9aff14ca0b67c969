// Tests include/cbrng/distributions/lognormal.hpp: the exact mapping from
// bits (exp of the normal variate with the library's exp), the range bounds,
// Kolmogorov-Smirnov and moment tests of log(x) with a computed failure budget,
// parameters and text I/O (consumption and variate_at:
// distributions_interface_test.cpp).
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/engine.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/stats_util.hpp"

namespace {

using cbrng::lognormal_distribution;
namespace d = cbrng::detail;

}  // namespace

TEST_CASE("lognormal: mapping from bits", "[lognormal]") {
    const d::lognormal_param<double> p(1.5, 2.0);
    const d::lognormal_param<float> pf(-1.0f, 0.5f);
    std::mt19937_64 g{1};
    for (int i = 0; i < 10000; ++i) {
        const std::uint64_t x = g();
        // exp of exactly what normal_distribution computes for the same bits.
        REQUIRE(d::lognormal_from_bits(x, p) ==
                d::exp(d::normal_from_bits(x, d::normal_param<double>(1.5, 2.0))));
        const auto w = static_cast<std::uint32_t>(x);
        const double z =
            d::normal_quantile(static_cast<double>(2 * std::uint64_t{w} + 1) * 0x1p-33);
        REQUIRE(d::lognormal_from_bits(w, pf) == static_cast<float>(d::exp(-1.0 + 0.5 * z)));
        REQUIRE(d::lognormal_from_bits(x, p) ==
                Approx(std::exp(d::normal_from_bits(x, d::normal_param<double>(1.5, 2.0))))
                    .epsilon(1e-14));
    }
}

TEST_CASE("lognormal: extremes of the grid are finite and bounded", "[lognormal]") {
    const d::lognormal_param<double> one;
    const double lo = d::lognormal_from_bits(std::uint64_t{0}, one);
    const double hi = d::lognormal_from_bits(~std::uint64_t{0}, one);
    CHECK(lo > 0);
    CHECK(hi == Approx(1 / lo));
    CHECK(hi == Approx(std::exp(8.2095)).epsilon(1e-4));
    const float hif = d::lognormal_from_bits(~std::uint32_t{0}, d::lognormal_param<float>());
    CHECK(hif == Approx(std::exp(6.3380)).epsilon(1e-4));
    // exp's range: overflow to +inf and underflow to +0 only where exact values do.
    CHECK(
        std::isinf(d::lognormal_from_bits(~std::uint64_t{0}, d::lognormal_param<double>(700, 2))));
    CHECK(d::lognormal_from_bits(std::uint64_t{0}, d::lognormal_param<double>(-740, 2)) == 0);
    CHECK(std::isinf(d::lognormal_from_bits(~std::uint32_t{0}, d::lognormal_param<float>(88, 1))));
}

TEST_CASE("lognormal: distribution (KS and moments, computed failure budget)",
          "[lognormal][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double m = static_cast<double>(dist.m());
        const double sd = static_cast<double>(dist.s());
        std::vector<double> x(200000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!(r > 0) || !std::isfinite(r)) FAIL("variate not finite and > 0");
            v = (std::log(static_cast<double>(r)) - m) / sd;  // standard normal
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, cbrng_test::normal_cdf));
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, 0.0, 1.0, 3.0);
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 4; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(lognormal_distribution<double>(), cbrng::philox4x32{100 + t}, "LN(0,1) philox" + s);
        run(lognormal_distribution<double>(-3, 0.01), std::mt19937_64{200 + t},
            "LN(-3,.01) mt64" + s);
        run(lognormal_distribution<double>(20, 5), std::mt19937{300 + t}, "LN(20,5) mt" + s);
        run(lognormal_distribution<float>(), cbrng::philox4x32{400 + t}, "float LN(0,1)" + s);
        run(lognormal_distribution<float>(1.0f, 0.25f), std::mt19937_64{500 + t},
            "float LN(1,.25)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("lognormal: parameters", "[lognormal]") {
    using ed = lognormal_distribution<double>;
    CHECK_THROWS_WITH(ed(0.0, 0.0),
                      "cbrng::lognormal_distribution: s must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(ed(0.0, -2.0),
                      "cbrng::lognormal_distribution: s must be > 0 and finite (got -2)");
    CHECK_THROWS_WITH(ed(std::numeric_limits<double>::infinity()),
                      "cbrng::lognormal_distribution: m must be finite (got inf)");
    CHECK_THROWS_AS(ed(std::nan("")), std::invalid_argument);
    CHECK_THROWS_AS(lognormal_distribution<float>(0.0f, std::nanf("")), std::invalid_argument);
    CHECK_THROWS_AS(ed(0.0, std::numeric_limits<double>::infinity()), std::invalid_argument);
    ed dist(3, 4);
    CHECK(dist.m() == 3);
    CHECK(dist.s() == 4);
    CHECK(ed().m() == 0);
    CHECK(ed().s() == 1);
    dist.param(ed::param_type(-1, 2));
    CHECK(dist == ed(-1, 2));
    CHECK(dist != ed(-1, 3));
    CHECK(dist.min() == 0);
    CHECK(dist.max() == std::numeric_limits<double>::max());
    std::mt19937_64 g;
    CHECK(dist(g, ed::param_type(1, 1)) > 0);
}

TEST_CASE("lognormal: exact text round trip, strict parsing", "[lognormal]") {
    for (const double a : {0.0, -0.1, 5e-324, 1.7976931348623157e308}) {
        std::stringstream s;
        s << lognormal_distribution<double>(a, 0.3);
        lognormal_distribution<double> back;
        s >> back;
        CHECK(back == lognormal_distribution<double>(a, 0.3));
    }
    for (const char* bad : {"", "0x0p+0", "0x0p+0 0x0p+0", "0x0p+0 -0x1p+0", "inf 0x1p+0", "1 1"}) {
        INFO("text: '" << bad << "'");
        lognormal_distribution<double> dist(2, 5);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == lognormal_distribution<double>(2, 5));
    }
}
