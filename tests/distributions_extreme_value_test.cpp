// Tests include/cbrng/distributions/extreme_value.hpp: the exact mapping from
// bits (the normal grid, a - b log(-log u) with the library's log), the range
// bounds, Kolmogorov-Smirnov and moment tests with a computed failure budget,
// parameters and text I/O (consumption and variate_at:
// distributions_interface_test.cpp).
#include <cbrng/distributions/extreme_value.hpp>
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

using cbrng::extreme_value_distribution;
namespace d = cbrng::detail;

constexpr double euler_gamma = 0.57721566490153286061;
constexpr double pi = 3.14159265358979323846;

}  // namespace

TEST_CASE("extreme_value: mapping from bits", "[extreme_value]") {
    const d::extreme_value_param<double> p(1.5, 2.0);
    const d::extreme_value_param<float> pf(-1.0f, 0.5f);
    std::mt19937_64 g{1};
    for (int i = 0; i < 10000; ++i) {
        const std::uint64_t x = g();
        const double u = static_cast<double>(2 * (x >> 12) + 1) * 0x1p-53;
        REQUIRE(d::extreme_value_from_bits(x, p) == 1.5 - 2.0 * d::log(0.0 - d::log(u)));
        const auto w = static_cast<std::uint32_t>(x);
        const double uf = static_cast<double>(2 * std::uint64_t{w} + 1) * 0x1p-33;
        REQUIRE(d::extreme_value_from_bits(w, pf) ==
                static_cast<float>(-1.0 - 0.5 * d::log(0.0 - d::log(uf))));
        // Close to the exact quantile: within a few ulp of the scale.
        REQUIRE(d::extreme_value_from_bits(x, p) ==
                Approx(1.5 - 2.0 * std::log(-std::log(u))).margin(1e-13));
    }
}

TEST_CASE("extreme_value: extremes of the grid are finite and bounded", "[extreme_value]") {
    const d::extreme_value_param<double> one;
    const d::extreme_value_param<float> onef;
    // x = 0: u = 2^-53, the minimum; x = all ones: u = 1 - 2^-53, the maximum.
    const double lo = d::extreme_value_from_bits(std::uint64_t{0}, one);
    const double hi = d::extreme_value_from_bits(~std::uint64_t{0}, one);
    CHECK(lo == Approx(-std::log(-std::log(0x1p-53))));
    CHECK(lo > -3.6038);
    CHECK(hi == Approx(-std::log(-std::log1p(-0x1p-53))));
    CHECK(hi < 36.737);
    const float lof = d::extreme_value_from_bits(std::uint32_t{0}, onef);
    const float hif = d::extreme_value_from_bits(~std::uint32_t{0}, onef);
    CHECK(lof > -3.1302f);
    CHECK(hif < 22.875f);
    CHECK(hif > 22.87f);
    // Huge scales overflow to infinity only where the exact value would.
    const d::extreme_value_param<double> huge(0.0, 1e308);
    CHECK(std::isinf(d::extreme_value_from_bits(~std::uint64_t{0}, huge)));
    CHECK(std::isfinite(d::extreme_value_from_bits(std::uint64_t{1} << 63, huge)));
}

TEST_CASE("extreme_value: distribution (KS and moments, computed failure budget)",
          "[extreme_value][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double a = static_cast<double>(dist.a());
        const double b = static_cast<double>(dist.b());
        std::vector<double> x(200000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!std::isfinite(r)) FAIL("variate not finite");
            v = (static_cast<double>(r) - a) / b;  // standard Gumbel
        }
        log.add(name + " KS",
                cbrng_test::ks_pvalue(x, [](double v) { return std::exp(-std::exp(-v)); }));
        const double var = pi * pi / 6;
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, euler_gamma, var, 5.4 * var * var);
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 4; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(extreme_value_distribution<double>(), cbrng::philox4x32{100 + t}, "EV(0,1) philox" + s);
        run(extreme_value_distribution<double>(-3, 0.01), std::mt19937_64{200 + t},
            "EV(-3,.01) mt64" + s);
        run(extreme_value_distribution<double>(1e6, 1e4), std::mt19937{300 + t},
            "EV(1e6,1e4) mt" + s);
        run(extreme_value_distribution<float>(), cbrng::philox4x32{400 + t}, "float EV(0,1)" + s);
        run(extreme_value_distribution<float>(5.0f, 2.0f), std::mt19937_64{500 + t},
            "float EV(5,2)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("extreme_value: parameters", "[extreme_value]") {
    using ed = extreme_value_distribution<double>;
    CHECK_THROWS_WITH(ed(0.0, 0.0),
                      "cbrng::extreme_value_distribution: b must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(ed(0.0, -2.0),
                      "cbrng::extreme_value_distribution: b must be > 0 and finite (got -2)");
    CHECK_THROWS_WITH(ed(std::numeric_limits<double>::infinity()),
                      "cbrng::extreme_value_distribution: a must be finite (got inf)");
    CHECK_THROWS_AS(ed(std::nan("")), std::invalid_argument);
    CHECK_THROWS_AS(extreme_value_distribution<float>(0.0f, std::nanf("")), std::invalid_argument);
    CHECK_THROWS_AS(ed(0.0, std::numeric_limits<double>::infinity()), std::invalid_argument);
    ed dist(3, 4);
    CHECK(dist.a() == 3);
    CHECK(dist.b() == 4);
    CHECK(ed().a() == 0);
    CHECK(ed().b() == 1);
    dist.param(ed::param_type(-1, 2));
    CHECK(dist == ed(-1, 2));
    CHECK(dist != ed(-1, 3));
    CHECK(dist.min() == -std::numeric_limits<double>::max());
    CHECK(dist.max() == std::numeric_limits<double>::max());
    std::mt19937_64 g;
    CHECK(std::isfinite(dist(g, ed::param_type(1, 1))));
}

TEST_CASE("extreme_value: exact text round trip, strict parsing", "[extreme_value]") {
    for (const double a : {0.0, -0.1, 5e-324, 1.7976931348623157e308}) {
        std::stringstream s;
        s << extreme_value_distribution<double>(a, 0.3);
        extreme_value_distribution<double> back;
        s >> back;
        CHECK(back == extreme_value_distribution<double>(a, 0.3));
    }
    for (const char* bad : {"", "0x0p+0", "0x0p+0 0x0p+0", "0x0p+0 -0x1p+0", "inf 0x1p+0", "1 1"}) {
        INFO("text: '" << bad << "'");
        extreme_value_distribution<double> dist(2, 5);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == extreme_value_distribution<double>(2, 5));
    }
}
