// Tests include/cbrng/distributions/chi_squared.hpp: chi^2_n is exactly
// gamma(n / 2, 2) bit for bit (the same draws), Kolmogorov-Smirnov against the
// exact CDF and moments per regime (n < 2: the gamma boost; n >= 2:
// Marsaglia-Tsang) with a computed failure budget, consumption, extreme n,
// parameters and text I/O.
#include <cbrng/distributions/chi_squared.hpp>
#include <cbrng/distributions/gamma.hpp>
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

#include "support/gamma_family_util.hpp"
#include "support/stats_util.hpp"

using cbrng::chi_squared_distribution;

TEST_CASE("chi_squared: equals gamma(n/2, 2) bit for bit", "[chi_squared]") {
    for (const double n : {0.5, 1.0, 2.0, 3.0, 10.0, 100.0}) {
        INFO("n " << n);
        cbrng::philox4x32 a{1};
        cbrng::philox4x32 b{1};
        const chi_squared_distribution<double> chi(n);
        const cbrng::gamma_distribution<double> gam(n / 2, 2);
        for (int i = 0; i < 5000; ++i) {
            REQUIRE(cbrng::detail::to_bits(chi(a)) == cbrng::detail::to_bits(gam(b)));
        }
        std::mt19937 c{2};
        std::mt19937 d{2};
        const chi_squared_distribution<float> fchi(static_cast<float>(n));
        const cbrng::gamma_distribution<float> fgam(static_cast<float>(n / 2), 2);
        for (int i = 0; i < 5000; ++i) {
            REQUIRE(cbrng::detail::to_bits(fchi(c)) == cbrng::detail::to_bits(fgam(d)));
        }
    }
}

TEST_CASE("chi_squared: distribution (KS and moments per regime, computed failure budget)",
          "[chi_squared][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double n = static_cast<double>(dist.n());
        std::vector<double> x(40000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!(r >= 0) || !std::isfinite(r)) FAIL("variate not finite and >= 0");
            v = static_cast<double>(r);
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, [n](double v) {
                    return static_cast<double>(cbrng_test::gamma_p(n / 2, v / 2));
                }));
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, n, 2 * n, 12 * n * (n + 4));
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 3; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(chi_squared_distribution<double>(0.5), cbrng::philox4x32{10 + t}, "chi2(0.5)" + s);
        run(chi_squared_distribution<double>(1), std::mt19937_64{20 + t}, "chi2(1)" + s);
        run(chi_squared_distribution<double>(2), cbrng::philox4x64{30 + t}, "chi2(2)" + s);
        run(chi_squared_distribution<double>(7), std::mt19937{40 + t}, "chi2(7)" + s);
        run(chi_squared_distribution<double>(500), cbrng::philox4x32{50 + t}, "chi2(500)" + s);
        run(chi_squared_distribution<float>(1.0f), cbrng::philox4x32{60 + t}, "float chi2(1)" + s);
        run(chi_squared_distribution<float>(3.0f), std::mt19937{70 + t}, "float chi2(3)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("chi_squared: consumption, extreme n, min and max", "[chi_squared]") {
    STATIC_REQUIRE_FALSE(chi_squared_distribution<double>::fixed_consumption);
    STATIC_REQUIRE(chi_squared_distribution<float>::words_per_variate<std::mt19937>() == 0);
    cbrng::philox4x32 g{3};
    // n = 2^-1074: n / 2 would round to 0; the shape stays 2^-1074.
    const chi_squared_distribution<double> tiny(std::numeric_limits<double>::denorm_min());
    const chi_squared_distribution<double> huge(1e15);
    for (int i = 0; i < 2000; ++i) {
        const double a = tiny(g);
        const double b = huge(g);
        REQUIRE((a >= 0 && std::isfinite(a)));
        REQUIRE(b == Approx(1e15).epsilon(1e-5));
    }
    CHECK(chi_squared_distribution<double>().min() == 0);
    CHECK(chi_squared_distribution<double>().max() == std::numeric_limits<double>::max());
}

TEST_CASE("chi_squared: parameters and text I/O", "[chi_squared]") {
    CHECK_THROWS_WITH(chi_squared_distribution<double>(0.0),
                      "cbrng::chi_squared_distribution: n must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(chi_squared_distribution<double>(-3),
                      "cbrng::chi_squared_distribution: n must be > 0 and finite (got -3)");
    CHECK_THROWS_AS(chi_squared_distribution<double>(std::numeric_limits<double>::infinity()),
                    std::invalid_argument);
    CHECK_THROWS_AS(chi_squared_distribution<float>(std::nanf("")), std::invalid_argument);
    chi_squared_distribution<double> dist(4);
    CHECK(dist.n() == 4);
    CHECK(chi_squared_distribution<double>().n() == 1);
    dist.param(chi_squared_distribution<double>::param_type(5));
    CHECK(dist == chi_squared_distribution<double>(5));
    CHECK(dist != chi_squared_distribution<double>(6));
    std::stringstream s;
    s << dist;
    CHECK(s.str() == "0x1.4p+2");
    chi_squared_distribution<double> back;
    s >> back;
    CHECK(back == dist);
    for (const char* bad : {"", "0x0p+0", "-0x1p+0", "5", "nan"}) {
        INFO("text: '" << bad << "'");
        chi_squared_distribution<double> d2(2);
        std::istringstream is(bad);
        is >> d2;
        CHECK(is.fail());
        CHECK(d2 == chi_squared_distribution<double>(2));
    }
}
