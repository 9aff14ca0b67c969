// Tests include/cbrng/distributions/cauchy.hpp: the exact mapping from bits
// (the normal grid, a + b tan(pi (u - 1/2)) with the library's tangent), the
// range bounds, Kolmogorov-Smirnov and quantile-count tests with a computed failure budget,
// parameters and text I/O (consumption and variate_at:
// distributions_interface_test.cpp).
#include <cbrng/distributions/cauchy.hpp>
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

using cbrng::cauchy_distribution;
namespace d = cbrng::detail;

constexpr double pi = 3.14159265358979323846;

}  // namespace

TEST_CASE("cauchy: mapping from bits", "[cauchy]") {
    const d::cauchy_param<double> p(1.5, 2.0);
    const d::cauchy_param<float> pf(-1.0f, 0.5f);
    std::mt19937_64 g{1};
    for (int i = 0; i < 10000; ++i) {
        const std::uint64_t x = g();
        const double u = static_cast<double>(2 * (x >> 12) + 1) * 0x1p-53;
        REQUIRE(d::cauchy_from_bits(x, p) == 1.5 + 2.0 * d::tan_pi(u - 0.5));
        const auto w = static_cast<std::uint32_t>(x);
        const double uf = static_cast<double>(2 * std::uint64_t{w} + 1) * 0x1p-33;
        REQUIRE(d::cauchy_from_bits(w, pf) == static_cast<float>(-1.0 + 0.5 * d::tan_pi(uf - 0.5)));
        // Close to the exact quantile (tan_pi's own accuracy: detail_math_test).
        const long double t = std::tan(static_cast<long double>(pi) * (u - 0.5));
        REQUIRE(d::tan_pi(u - 0.5) == Approx(static_cast<double>(t)).epsilon(1e-12));
    }
}

TEST_CASE("cauchy: extremes of the grid are finite, bounded and symmetric", "[cauchy]") {
    const d::cauchy_param<double> one;
    const d::cauchy_param<float> onef;
    // x = 0: u = 2^-53, the minimum; x = all ones: u = 1 - 2^-53, the maximum.
    const double lo = d::cauchy_from_bits(std::uint64_t{0}, one);
    const double hi = d::cauchy_from_bits(~std::uint64_t{0}, one);
    CHECK(hi == -lo);
    CHECK(hi == Approx(1 / (pi * 0x1p-53)));
    CHECK(hi < 2.8671e15);
    const float lof = d::cauchy_from_bits(std::uint32_t{0}, onef);
    const float hif = d::cauchy_from_bits(~std::uint32_t{0}, onef);
    CHECK(hif == -lof);
    CHECK(hif == Approx(1 / (pi * 0x1p-33)));
    CHECK(hif < 2.7343e9f);
    // Symmetry of the grid: bits x and ~x give opposite variates.
    std::mt19937_64 g{2};
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t x = g();
        REQUIRE(d::cauchy_from_bits(x, one) == -d::cauchy_from_bits(~x, one));
    }
    // u = 1/4 and 3/4 land exactly on -1 and 1 (t = -+1/4).
    CHECK(d::tan_pi(0.25) == 1.0);
    CHECK(d::tan_pi(-0.25) == -1.0);
    // Huge scales overflow to infinity only where the exact value would.
    const d::cauchy_param<double> huge(0.0, 1e300);
    CHECK(std::isinf(d::cauchy_from_bits(~std::uint64_t{0}, huge)));
    CHECK(std::isfinite(d::cauchy_from_bits(std::uint64_t{1} << 63, huge)));
}

TEST_CASE("cauchy: distribution (KS and quartiles, computed failure budget)", "[cauchy][stats]") {
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
                cbrng_test::ks_pvalue(x, [](double v) { return 0.5 + std::atan(v) / pi; }));
        // The quartiles are a -+ b: each quarter holds a quarter of the mass.
        std::vector<std::uint64_t> counts(4);
        for (const double v : x) ++counts[v < -1 ? 0 : v < 0 ? 1 : v < 1 ? 2 : 3];
        log.add(name + " quartiles", cbrng_test::chi2_uniform_pvalue(counts));
    };
    for (std::uint32_t t = 0; t < 4; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(cauchy_distribution<double>(), cbrng::philox4x32{100 + t}, "Cauchy(0,1) philox" + s);
        run(cauchy_distribution<double>(-3, 0.01), std::mt19937_64{200 + t},
            "Cauchy(-3,.01) mt64" + s);
        run(cauchy_distribution<double>(1e6, 1e4), std::mt19937{300 + t}, "Cauchy(1e6,1e4) mt" + s);
        run(cauchy_distribution<float>(), cbrng::philox4x32{400 + t}, "float Cauchy(0,1)" + s);
        run(cauchy_distribution<float>(5.0f, 2.0f), std::mt19937_64{500 + t},
            "float Cauchy(5,2)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("cauchy: parameters", "[cauchy]") {
    using ed = cauchy_distribution<double>;
    CHECK_THROWS_WITH(ed(0.0, 0.0), "cbrng::cauchy_distribution: b must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(ed(0.0, -2.0),
                      "cbrng::cauchy_distribution: b must be > 0 and finite (got -2)");
    CHECK_THROWS_WITH(ed(std::numeric_limits<double>::infinity()),
                      "cbrng::cauchy_distribution: a must be finite (got inf)");
    CHECK_THROWS_AS(ed(std::nan("")), std::invalid_argument);
    CHECK_THROWS_AS(cauchy_distribution<float>(0.0f, std::nanf("")), std::invalid_argument);
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

TEST_CASE("cauchy: exact text round trip, strict parsing", "[cauchy]") {
    for (const double a : {0.0, -0.1, 5e-324, 1.7976931348623157e308}) {
        std::stringstream s;
        s << cauchy_distribution<double>(a, 0.3);
        cauchy_distribution<double> back;
        s >> back;
        CHECK(back == cauchy_distribution<double>(a, 0.3));
    }
    for (const char* bad : {"", "0x0p+0", "0x0p+0 0x0p+0", "0x0p+0 -0x1p+0", "inf 0x1p+0", "1 1"}) {
        INFO("text: '" << bad << "'");
        cauchy_distribution<double> dist(2, 5);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == cauchy_distribution<double>(2, 5));
    }
}
