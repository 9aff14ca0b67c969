// Tests include/cbrng/distributions/exponential.hpp: the exact mapping from
// bits (u in (0, 1], +0 at u = 1, finite maximum), Kolmogorov-Smirnov and
// moment tests with a computed failure budget, word consumption, extreme
// rates, parameters and text I/O.
#include <cbrng/distributions/exponential.hpp>
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
#include "support/urbg_util.hpp"

namespace {

using cbrng::exponential_distribution;
namespace d = cbrng::detail;

}  // namespace

TEST_CASE("exponential: mapping from bits", "[exponential]") {
    const d::exponential_param<double> one;
    // u = ((x >> 11) + 1) * 2^-53: x = all ones gives u = 1 and +0.
    CHECK(d::to_bits(d::exponential_from_bits(~std::uint64_t{0}, one)) == 0u);
    CHECK(d::to_bits(d::exponential_from_bits(~std::uint32_t{0}, d::exponential_param<float>())) ==
          0u);
    // x = 0 gives u = 2^-53, the maximum 53 ln 2.
    CHECK(d::exponential_from_bits(std::uint64_t{0}, one) == Approx(53 * std::log(2.0)));
    CHECK(d::exponential_from_bits(std::uint32_t{0}, d::exponential_param<float>()) ==
          Approx(32 * std::log(2.0)));
    // -log(u) / lambda with the library's log.
    std::mt19937_64 g{1};
    const d::exponential_param<double> rate(2.5);
    for (int i = 0; i < 10000; ++i) {
        const std::uint64_t x = g();
        const double u = static_cast<double>((x >> 11) + 1) * 0x1p-53;
        REQUIRE(d::exponential_from_bits(x, rate) == (0.0 - d::log(u)) / 2.5);
        const auto w = static_cast<std::uint32_t>(x);
        const double uf = (static_cast<double>(w) + 1) * 0x1p-32;
        REQUIRE(d::exponential_from_bits(w, d::exponential_param<float>(0.5f)) ==
                static_cast<float>((0.0 - d::log(uf)) / 0.5));
    }
}

TEST_CASE("exponential: words per variate", "[exponential]") {
    using ed = exponential_distribution<double>;
    using ef = exponential_distribution<float>;
    STATIC_REQUIRE(ed::fixed_consumption);
    STATIC_REQUIRE(ed::words_per_variate<cbrng::philox4x32>() == 2);
    STATIC_REQUIRE(ed::words_per_variate<cbrng::philox4x64>() == 1);
    STATIC_REQUIRE(ef::words_per_variate<std::mt19937>() == 1);
    cbrng_test::counting_urbg<std::mt19937> g{std::mt19937{}};
    const ef dist;
    for (int i = 0; i < 50; ++i) (void)dist(g);
    CHECK(g.calls() == 50);
}

TEST_CASE("exponential: distribution (KS and moments, computed failure budget)",
          "[exponential][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double lambda = static_cast<double>(dist.lambda());
        std::vector<double> x(200000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!(r >= 0) || !std::isfinite(r)) FAIL("variate not finite and >= 0");
            v = static_cast<double>(r) * lambda;  // Exp(1)
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, [](double v) { return -std::expm1(-v); }));
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, 1.0, 1.0, 9.0);
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 4; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(exponential_distribution<double>(), cbrng::philox4x32{100 + t}, "Exp(1) philox" + s);
        run(exponential_distribution<double>(0.01), std::mt19937_64{200 + t}, "Exp(.01) mt64" + s);
        run(exponential_distribution<double>(1e10), std::mt19937{300 + t}, "Exp(1e10) mt" + s);
        run(exponential_distribution<float>(), cbrng::philox4x32{400 + t}, "float Exp(1)" + s);
        run(exponential_distribution<float>(7.0f), std::mt19937_64{500 + t}, "float Exp(7)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("exponential: extreme rates", "[exponential]") {
    cbrng::philox4x32 g{2};
    const exponential_distribution<double> fast(1e300);
    const exponential_distribution<double> slow(1e-300);
    const exponential_distribution<float> fslow(1e-30f);
    for (int i = 0; i < 10000; ++i) {
        const double a = fast(g);
        const double b = slow(g);
        const float c = fslow(g);
        REQUIRE((a >= 0 && a < 1e-298));
        REQUIRE((b >= 0 && std::isfinite(b)));
        REQUIRE((c >= 0 && std::isfinite(c)));
    }
    CHECK(exponential_distribution<double>().min() == 0);
    CHECK(exponential_distribution<double>().max() == std::numeric_limits<double>::max());
}

TEST_CASE("exponential: parameters", "[exponential]") {
    CHECK_THROWS_WITH(exponential_distribution<double>(0.0),
                      "cbrng::exponential_distribution: lambda must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(exponential_distribution<double>(-2.0),
                      "cbrng::exponential_distribution: lambda must be > 0 and finite (got -2)");
    CHECK_THROWS_AS(exponential_distribution<double>(std::numeric_limits<double>::infinity()),
                    std::invalid_argument);
    CHECK_THROWS_AS(exponential_distribution<float>(std::nanf("")), std::invalid_argument);
    exponential_distribution<double> dist(3);
    CHECK(dist.lambda() == 3);
    CHECK(exponential_distribution<double>().lambda() == 1);
    dist.param(exponential_distribution<double>::param_type(4));
    CHECK(dist == exponential_distribution<double>(4));
    CHECK(dist != exponential_distribution<double>(5));
    std::mt19937_64 g;
    CHECK(dist(g, exponential_distribution<double>::param_type(1)) >= 0);
}

TEST_CASE("exponential: exact text round trip, strict parsing", "[exponential]") {
    for (const double lambda : {1.0, 0.1, 5e-324, 1.7976931348623157e308, 3.0}) {
        std::stringstream s;
        s << exponential_distribution<double>(lambda);
        exponential_distribution<double> back;
        s >> back;
        CHECK(back.lambda() == lambda);
    }
    for (const char* bad : {"", "0x0p+0", "-0x1p+0", "1", "0x1p+0x", "-0x0p+0"}) {
        INFO("text: '" << bad << "'");
        exponential_distribution<double> dist(2);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == exponential_distribution<double>(2));
    }
}
