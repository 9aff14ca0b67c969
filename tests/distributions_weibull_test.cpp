// Tests include/cbrng/distributions/weibull.hpp: the exact mapping from
// bits (b exp(log(-log u) / a) with the library's log and exp), the range
// bounds, Kolmogorov-Smirnov and moment tests of (x / b)^a with a computed failure budget,
// parameters and text I/O (consumption and variate_at:
// distributions_interface_test.cpp).
#include <cbrng/distributions/weibull.hpp>
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

using cbrng::weibull_distribution;
namespace d = cbrng::detail;

}  // namespace

TEST_CASE("weibull: mapping from bits", "[weibull]") {
    const d::weibull_param<double> p(1.5, 2.0);
    const d::weibull_param<float> pf(0.5f, 3.0f);
    std::mt19937_64 g{1};
    for (int i = 0; i < 10000; ++i) {
        const std::uint64_t x = g();
        const double u = static_cast<double>(2 * (x >> 12) + 1) * 0x1p-53;
        REQUIRE(d::weibull_from_bits(x, p) == 2.0 * d::exp(d::log(0.0 - d::log(u)) / 1.5));
        const auto w = static_cast<std::uint32_t>(x);
        const double uf = static_cast<double>(2 * std::uint64_t{w} + 1) * 0x1p-33;
        REQUIRE(d::weibull_from_bits(w, pf) ==
                static_cast<float>(3.0 * d::exp(d::log(0.0 - d::log(uf)) / 0.5)));
        REQUIRE(d::weibull_from_bits(x, p) ==
                Approx(2.0 * std::pow(-std::log(u), 1 / 1.5)).epsilon(1e-13));
    }
}

TEST_CASE("weibull: extremes of the grid are finite and bounded", "[weibull]") {
    const d::weibull_param<double> one;  // a = 1: Exp(1) from the normal grid
    const double lo = d::weibull_from_bits(~std::uint64_t{0}, one);
    const double hi = d::weibull_from_bits(std::uint64_t{0}, one);
    CHECK(lo > 0);
    CHECK(lo == Approx(0x1p-53));
    CHECK(hi == Approx(53 * std::log(2.0)));
    // Tiny shapes: +0 and +inf where the exact values leave the range.
    const d::weibull_param<double> tiny(0.004, 1.0);
    CHECK(d::weibull_from_bits(~std::uint64_t{0}, tiny) == 0);
    CHECK(std::isinf(d::weibull_from_bits(std::uint64_t{0}, tiny)));
    const float hif = d::weibull_from_bits(std::uint32_t{0}, d::weibull_param<float>(2.0f, 1.0f));
    CHECK(hif == Approx(std::sqrt(-std::log(0x1p-33))));
}

TEST_CASE("weibull: distribution (KS and moments, computed failure budget)", "[weibull][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double a = static_cast<double>(dist.a());
        const double b = static_cast<double>(dist.b());
        std::vector<double> x(200000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!(r > 0) || !std::isfinite(r)) FAIL("variate not finite and > 0");
            v = std::pow(static_cast<double>(r) / b, a);  // Exp(1)
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, [](double v) { return -std::expm1(-v); }));
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, 1.0, 1.0, 9.0);
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 4; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(weibull_distribution<double>(), cbrng::philox4x32{100 + t}, "W(1,1) philox" + s);
        run(weibull_distribution<double>(0.5, 0.01), std::mt19937_64{200 + t},
            "W(.5,.01) mt64" + s);
        run(weibull_distribution<double>(8, 1e4), std::mt19937{300 + t}, "W(8,1e4) mt" + s);
        run(weibull_distribution<float>(), cbrng::philox4x32{400 + t}, "float W(1,1)" + s);
        run(weibull_distribution<float>(2.0f, 5.0f), std::mt19937_64{500 + t}, "float W(2,5)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("weibull: parameters", "[weibull]") {
    using ed = weibull_distribution<double>;
    CHECK_THROWS_WITH(ed(1.0, 0.0),
                      "cbrng::weibull_distribution: b must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(ed(0.0), "cbrng::weibull_distribution: a must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(ed(-2.0), "cbrng::weibull_distribution: a must be > 0 and finite (got -2)");
    CHECK_THROWS_WITH(ed(std::numeric_limits<double>::infinity()),
                      "cbrng::weibull_distribution: a must be > 0 and finite (got inf)");
    CHECK_THROWS_AS(ed(std::nan("")), std::invalid_argument);
    CHECK_THROWS_AS(weibull_distribution<float>(1.0f, std::nanf("")), std::invalid_argument);
    CHECK_THROWS_AS(ed(1.0, std::numeric_limits<double>::infinity()), std::invalid_argument);
    ed dist(3, 4);
    CHECK(dist.a() == 3);
    CHECK(dist.b() == 4);
    CHECK(ed().a() == 1);
    CHECK(ed().b() == 1);
    dist.param(ed::param_type(1, 2));
    CHECK(dist == ed(1, 2));
    CHECK(dist != ed(1, 3));
    CHECK(dist.min() == 0);
    CHECK(dist.max() == std::numeric_limits<double>::max());
    std::mt19937_64 g;
    CHECK(std::isfinite(dist(g, ed::param_type(1, 1))));
}

TEST_CASE("weibull: exact text round trip, strict parsing", "[weibull]") {
    for (const double a : {1.0, 0.1, 5e-324, 1.7976931348623157e308}) {
        std::stringstream s;
        s << weibull_distribution<double>(a, 0.3);
        weibull_distribution<double> back;
        s >> back;
        CHECK(back == weibull_distribution<double>(a, 0.3));
    }
    for (const char* bad : {"", "0x1p+0", "0x0p+0 0x1p+0", "0x1p+0 -0x1p+0", "inf 0x1p+0", "1 1"}) {
        INFO("text: '" << bad << "'");
        weibull_distribution<double> dist(2, 5);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == weibull_distribution<double>(2, 5));
    }
}
