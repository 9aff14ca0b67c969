// Tests include/cbrng/distributions/beta.hpp: against a long-double
// re-implementation from the same draws (both shapes >= 1 directly,
// otherwise log space), Kolmogorov-Smirnov against the exact CDF and moments
// per regime (both shapes below 1, both above, mixed) with a computed
// failure budget; tiny shapes never give NaN; consumption, parameters and
// text I/O.
#include <cbrng/distributions/beta.hpp>
#include <cbrng/engine.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "support/gamma_family_util.hpp"
#include "support/stats_util.hpp"

using cbrng::beta_distribution;

TEST_CASE("beta: equals the long-double re-implementation from the same draws", "[beta]") {
    const std::pair<double, double> cases[] = {{0.5, 0.5}, {0.1, 0.2}, {0.2, 5}, {3, 0.4},
                                               {1, 1},     {2, 3},     {40, 30}};
    for (const auto& [a, b] : cases) {
        INFO("alpha " << a << " beta " << b);
        cbrng::philox4x32 g{1};
        cbrng::philox4x32 h{1};
        const beta_distribution<double> dist(a, b);
        const beta_distribution<float> fdist(static_cast<float>(a), static_cast<float>(b));
        double worst = 0;
        double fworst = 0;
        for (int i = 0; i < 10000; ++i) {
            worst = std::max(worst, cbrng_test::rel_error_units<double>(
                                        dist(g), cbrng_test::ref_beta<double>(h, a, b)));
            fworst =
                std::max(fworst, cbrng_test::rel_error_units<float>(
                                     fdist(g), cbrng_test::ref_beta<float>(h, static_cast<float>(a),
                                                                           static_cast<float>(b))));
        }
        CHECK(worst <= 1e-12 * 0x1p53);
        CHECK(fworst <= 1.01);
    }
}

TEST_CASE("beta: distribution (KS and moments per regime, computed failure budget)",
          "[beta][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double a = static_cast<double>(dist.alpha());
        const double b = static_cast<double>(dist.beta());
        std::vector<double> x(40000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!(r >= 0 && r <= 1)) FAIL("variate outside [0, 1]");
            v = static_cast<double>(r);
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, [a, b](double v) {
                    return static_cast<double>(cbrng_test::beta_i(a, b, v));
                }));
        const double s = a + b;
        const double mean = a / s;
        const double var = a * b / (s * s * (s + 1));
        const double kurt =
            6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2)) / (a * b * (s + 2) * (s + 3));
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, mean, var, var * var * (3 + kurt));
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 3; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(beta_distribution<double>(0.5, 0.5), cbrng::philox4x32{10 + t}, "B(.5,.5)" + s);
        run(beta_distribution<double>(0.1, 0.2), std::mt19937_64{20 + t}, "B(.1,.2)" + s);
        run(beta_distribution<double>(0.2, 5), cbrng::philox4x64{30 + t}, "B(.2,5)" + s);
        run(beta_distribution<double>(5, 0.3), std::mt19937{40 + t}, "B(5,.3)" + s);
        run(beta_distribution<double>(1, 1), cbrng::philox4x32{50 + t}, "B(1,1)" + s);
        run(beta_distribution<double>(2, 3), cbrng::philox4x32{60 + t}, "B(2,3)" + s);
        run(beta_distribution<double>(40, 30), std::mt19937_64{70 + t}, "B(40,30)" + s);
        run(beta_distribution<float>(0.5f, 0.5f), cbrng::philox4x32{80 + t}, "float B(.5,.5)" + s);
        run(beta_distribution<float>(2.0f, 3.0f), std::mt19937{90 + t}, "float B(2,3)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("beta: tiny shapes stay in [0, 1] without NaN", "[beta]") {
    STATIC_REQUIRE_FALSE(beta_distribution<double>::fixed_consumption);
    STATIC_REQUIRE(beta_distribution<double>::words_per_variate<cbrng::philox4x64>() == 0);
    cbrng::philox4x32 g{3};
    // X / (X + Y) would be 0 / 0 whenever both gamma variates underflow.
    const beta_distribution<double> tiny(1e-3, 1e-3);
    const beta_distribution<double> tinier(1e-300, 1e-300);
    const beta_distribution<float> ftiny(1e-3f, 2e-3f);
    int low = 0;
    for (int i = 0; i < 20000; ++i) {
        const double x = tiny(g);
        const double y = tinier(g);
        const float f = ftiny(g);
        REQUIRE((x >= 0 && x <= 1));
        REQUIRE((y >= 0 && y <= 1));
        REQUIRE((f >= 0 && f <= 1));
        low += x < 0.5;
    }
    // Beta(1e-3, 1e-3) puts half its mass near 0 and half near 1.
    CHECK(low > 9500);
    CHECK(low < 10500);
    CHECK(beta_distribution<double>().min() == 0);
    CHECK(beta_distribution<double>().max() == 1);
}

TEST_CASE("beta: parameters and text I/O", "[beta]") {
    CHECK_THROWS_WITH(beta_distribution<double>(0.0, 1.0),
                      "cbrng::beta_distribution: alpha must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(beta_distribution<double>(1.0, -0.5),
                      "cbrng::beta_distribution: beta must be > 0 and finite (got -0.5)");
    CHECK_THROWS_AS(beta_distribution<double>(std::numeric_limits<double>::infinity()),
                    std::invalid_argument);
    CHECK_THROWS_AS(beta_distribution<float>(1.0f, std::nanf("")), std::invalid_argument);
    beta_distribution<double> dist(4, 6);
    CHECK(dist.alpha() == 4);
    CHECK(dist.beta() == 6);
    CHECK(beta_distribution<double>().alpha() == 1);
    CHECK(beta_distribution<double>().beta() == 1);
    dist.param(beta_distribution<double>::param_type(5, 7));
    CHECK(dist == beta_distribution<double>(5, 7));
    CHECK(dist != beta_distribution<double>(5, 8));
    std::stringstream s;
    s << dist;
    CHECK(s.str() == "0x1.4p+2 0x1.cp+2");
    beta_distribution<double> back;
    s >> back;
    CHECK(back == dist);
    for (const char* bad : {"", "0x1p+0", "0x0p+0 0x1p+0", "0x1p+0 -0x1p+0", "1 2"}) {
        INFO("text: '" << bad << "'");
        beta_distribution<double> d2(2, 3);
        std::istringstream is(bad);
        is >> d2;
        CHECK(is.fail());
        CHECK(d2 == beta_distribution<double>(2, 3));
    }
}
