// Tests include/cbrng/distributions/fisher_f.hpp: against a long-double
// re-implementation from the same draws (both degrees of freedom >= 2
// directly, otherwise log space), Kolmogorov-Smirnov against the exact CDF
// per regime and the mean, with a computed failure budget; consumption,
// small degrees of freedom, parameters and text I/O.
#include <cbrng/distributions/fisher_f.hpp>
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

using cbrng::fisher_f_distribution;

TEST_CASE("fisher_f: equals the long-double re-implementation from the same draws", "[fisher_f]") {
    const std::pair<double, double> cases[] = {{0.5, 0.5}, {1, 1},  {1, 5},  {4, 1.5},
                                               {2, 2},     {5, 10}, {30, 50}};
    for (const auto& [m, n] : cases) {
        INFO("m " << m << " n " << n);
        cbrng::philox4x32 g{1};
        cbrng::philox4x32 h{1};
        const fisher_f_distribution<double> dist(m, n);
        const fisher_f_distribution<float> fdist(static_cast<float>(m), static_cast<float>(n));
        double worst = 0;
        double fworst = 0;
        for (int i = 0; i < 10000; ++i) {
            worst = std::max(worst, cbrng_test::rel_error_units<double>(
                                        dist(g), cbrng_test::ref_fisher_f<double>(h, m, n)));
            fworst = std::max(
                fworst, cbrng_test::rel_error_units<float>(
                            fdist(g), cbrng_test::ref_fisher_f<float>(h, static_cast<float>(m),
                                                                      static_cast<float>(n))));
        }
        CHECK(worst <= 1e-12 * 0x1p53);
        CHECK(fworst <= 1.01);
    }
}

TEST_CASE("fisher_f: distribution (KS and mean per regime, computed failure budget)",
          "[fisher_f][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double m = static_cast<double>(dist.m());
        const double n = static_cast<double>(dist.n());
        std::vector<double> x(40000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!(r >= 0) || !std::isfinite(r)) FAIL("variate not finite and >= 0");
            v = static_cast<double>(r);
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, [m, n](double v) {
                    return static_cast<double>(cbrng_test::fisher_f_cdf(m, n, v));
                }));
        if (n > 4) {
            const double mean = n / (n - 2);
            const double var = 2 * n * n * (m + n - 2) / (m * (n - 2) * (n - 2) * (n - 4));
            long double s = 0;
            for (const double v : x) s += v;
            const double z = (static_cast<double>(s / x.size()) - mean) /
                             std::sqrt(var / static_cast<double>(x.size()));
            log.add(name + " mean", cbrng_test::normal_two_sided(z));
        }
    };
    for (std::uint32_t t = 0; t < 3; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(fisher_f_distribution<double>(1, 1), cbrng::philox4x32{10 + t}, "F(1,1) log" + s);
        run(fisher_f_distribution<double>(0.5, 3), std::mt19937_64{20 + t}, "F(.5,3) log" + s);
        run(fisher_f_distribution<double>(3, 0.7), cbrng::philox4x64{30 + t}, "F(3,.7) log" + s);
        run(fisher_f_distribution<double>(5, 10), std::mt19937{40 + t}, "F(5,10)" + s);
        run(fisher_f_distribution<double>(30, 50), cbrng::philox4x32{50 + t}, "F(30,50)" + s);
        run(fisher_f_distribution<float>(2.0f, 9.0f), cbrng::philox4x32{60 + t},
            "float F(2,9)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("fisher_f: consumption, small degrees of freedom, min and max", "[fisher_f]") {
    STATIC_REQUIRE_FALSE(fisher_f_distribution<double>::fixed_consumption);
    STATIC_REQUIRE(fisher_f_distribution<float>::words_per_variate<std::mt19937>() == 0);
    cbrng::philox4x32 g{3};
    const fisher_f_distribution<double> small(0.2, 0.2);
    for (int i = 0; i < 20000; ++i) {
        const double f = small(g);
        REQUIRE(f >= 0);
        REQUIRE(!std::isnan(f));
    }
    CHECK(fisher_f_distribution<double>().min() == 0);
    CHECK(fisher_f_distribution<double>().max() == std::numeric_limits<double>::max());
}

TEST_CASE("fisher_f: parameters and text I/O", "[fisher_f]") {
    CHECK_THROWS_WITH(fisher_f_distribution<double>(0.0, 1.0),
                      "cbrng::fisher_f_distribution: m must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(fisher_f_distribution<double>(1.0, -2.0),
                      "cbrng::fisher_f_distribution: n must be > 0 and finite (got -2)");
    CHECK_THROWS_AS(fisher_f_distribution<double>(std::numeric_limits<double>::infinity()),
                    std::invalid_argument);
    CHECK_THROWS_AS(fisher_f_distribution<float>(1.0f, std::nanf("")), std::invalid_argument);
    fisher_f_distribution<double> dist(4, 6);
    CHECK(dist.m() == 4);
    CHECK(dist.n() == 6);
    CHECK(fisher_f_distribution<double>().m() == 1);
    CHECK(fisher_f_distribution<double>().n() == 1);
    dist.param(fisher_f_distribution<double>::param_type(5, 7));
    CHECK(dist == fisher_f_distribution<double>(5, 7));
    CHECK(dist != fisher_f_distribution<double>(5, 8));
    std::stringstream s;
    s << dist;
    CHECK(s.str() == "0x1.4p+2 0x1.cp+2");
    fisher_f_distribution<double> back;
    s >> back;
    CHECK(back == dist);
    for (const char* bad : {"", "0x1p+0", "0x0p+0 0x1p+0", "0x1p+0 -0x1p+0", "1 2"}) {
        INFO("text: '" << bad << "'");
        fisher_f_distribution<double> d2(2, 3);
        std::istringstream is(bad);
        is >> d2;
        CHECK(is.fail());
        CHECK(d2 == fisher_f_distribution<double>(2, 3));
    }
}
