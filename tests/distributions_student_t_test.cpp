// Tests include/cbrng/distributions/student_t.hpp: against a long-double
// re-implementation from the same draws (n >= 2 directly, n < 2 in log
// space), Kolmogorov-Smirnov against the exact CDF per regime and moments
// where they exist, with a computed failure budget; consumption, tiny n,
// parameters and text I/O.
#include <cbrng/distributions/student_t.hpp>
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

using cbrng::student_t_distribution;

TEST_CASE("student_t: equals the long-double re-implementation from the same draws",
          "[student_t]") {
    for (const double n : {0.3, 1.0, 1.5, 2.0, 3.0, 30.0, 1e6}) {
        INFO("n " << n);
        cbrng::philox4x32 g{1};
        cbrng::philox4x32 h{1};
        const student_t_distribution<double> dist(n);
        const student_t_distribution<float> fdist(static_cast<float>(n));
        double worst = 0;
        double fworst = 0;
        for (int i = 0; i < 10000; ++i) {
            worst = std::max(worst, cbrng_test::rel_error_units<double>(
                                        dist(g), cbrng_test::ref_student_t<double>(h, n)));
            fworst = std::max(
                fworst, cbrng_test::rel_error_units<float>(
                            fdist(g), cbrng_test::ref_student_t<float>(h, static_cast<float>(n))));
        }
        // Relative 1e-12 in double: room for the conditioning of (1 + c z)^3
        // and of exp in log space; float: the double result rounded once.
        CHECK(worst <= 1e-12 * 0x1p53);
        CHECK(fworst <= 1.01);
    }
}

TEST_CASE("student_t: distribution (KS and moments per regime, computed failure budget)",
          "[student_t][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double n = static_cast<double>(dist.n());
        std::vector<double> x(40000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!std::isfinite(r)) FAIL("variate not finite");
            v = static_cast<double>(r);
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, [n](double v) {
                    return static_cast<double>(cbrng_test::student_t_cdf(n, v));
                }));
        if (n > 8) {  // the variance's sampling variance needs the 8th moment
            const auto [pm, pv] =
                cbrng_test::moment_pvalues(x, 0, n / (n - 2), 3 * n * n / ((n - 2) * (n - 4)));
            log.add(name + " mean", pm);
            log.add(name + " variance", pv);
        }
    };
    for (std::uint32_t t = 0; t < 3; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(student_t_distribution<double>(0.5), cbrng::philox4x32{10 + t}, "t(0.5) log" + s);
        run(student_t_distribution<double>(1), std::mt19937_64{20 + t}, "t(1) log" + s);
        run(student_t_distribution<double>(1.9), cbrng::philox4x64{30 + t}, "t(1.9) log" + s);
        run(student_t_distribution<double>(2), std::mt19937{40 + t}, "t(2)" + s);
        run(student_t_distribution<double>(5), cbrng::philox4x32{50 + t}, "t(5)" + s);
        run(student_t_distribution<double>(30), cbrng::philox4x32{60 + t}, "t(30)" + s);
        run(student_t_distribution<float>(1.0f), cbrng::philox4x32{70 + t}, "float t(1)" + s);
        run(student_t_distribution<float>(12.0f), std::mt19937{80 + t}, "float t(12)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("student_t: consumption, tiny n, min and max", "[student_t]") {
    STATIC_REQUIRE_FALSE(student_t_distribution<double>::fixed_consumption);
    STATIC_REQUIRE(student_t_distribution<double>::words_per_variate<cbrng::philox4x64>() == 0);
    cbrng::philox4x32 g{3};
    // n = 0.1: the log-space form keeps every variate finite (Z / sqrt(V / n)
    // would divide by an underflowed V).
    const student_t_distribution<double> small(0.1);
    for (int i = 0; i < 20000; ++i) {
        const double t = small(g);
        REQUIRE(!std::isnan(t));
        REQUIRE(std::isfinite(t));
    }
    CHECK(student_t_distribution<double>().min() == -std::numeric_limits<double>::max());
    CHECK(student_t_distribution<double>().max() == std::numeric_limits<double>::max());
}

TEST_CASE("student_t: parameters and text I/O", "[student_t]") {
    CHECK_THROWS_WITH(student_t_distribution<double>(0.0),
                      "cbrng::student_t_distribution: n must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(student_t_distribution<double>(-1),
                      "cbrng::student_t_distribution: n must be > 0 and finite (got -1)");
    CHECK_THROWS_AS(student_t_distribution<double>(std::numeric_limits<double>::infinity()),
                    std::invalid_argument);
    CHECK_THROWS_AS(student_t_distribution<float>(std::nanf("")), std::invalid_argument);
    student_t_distribution<double> dist(4);
    CHECK(dist.n() == 4);
    CHECK(student_t_distribution<double>().n() == 1);
    dist.param(student_t_distribution<double>::param_type(5));
    CHECK(dist == student_t_distribution<double>(5));
    CHECK(dist != student_t_distribution<double>(6));
    std::stringstream s;
    s << student_t_distribution<float>(0.5f);
    CHECK(s.str() == "0x1p-1");
    student_t_distribution<float> back;
    s >> back;
    CHECK(back == student_t_distribution<float>(0.5f));
    for (const char* bad : {"", "0x0p+0", "-0x1p+0", "5", "0x1p+200"}) {
        INFO("text: '" << bad << "'");
        student_t_distribution<float> d2(2);
        std::istringstream is(bad);
        is >> d2;
        CHECK(is.fail());
        CHECK(d2 == student_t_distribution<float>(2));
    }
}
