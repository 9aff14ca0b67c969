// Tests include/cbrng/distributions/gamma.hpp: the sampler against an
// independent long-double re-implementation from the same draws (every
// regime: the boost below 1, alpha = 1, small and large alpha), Kolmogorov-
// Smirnov against the exact CDF and moment tests per regime with a computed
// failure budget, word consumption (variable; the mean is printed),
// underflow for tiny alpha, fill, parameters and text I/O.
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/fill.hpp>

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
#include "support/urbg_util.hpp"

namespace {

using cbrng::gamma_distribution;

std::uint64_t d_bits(double x) {
    return cbrng::detail::to_bits(x);
}

/// Worst relative error of n variates of gamma(alpha) against the
/// long-double reference from the same draws, in units of Real's
/// half-epsilon, less what the method's conditioning allows in double: 4
/// units per unit of 1 / (1 + c z) (v = (1 + c z)^3 near 0) and 2 per unit of
/// |log x| (the boost's exp(log(u) / alpha)).
template <class Real, class Gen>
double worst_against_reference(double alpha, Gen g, int n) {
    Gen h = g;
    const gamma_distribution<Real> dist(static_cast<Real>(alpha));
    double worst = 0;
    for (int i = 0; i < n; ++i) {
        const Real x = dist(g);
        long double cond = 0;
        const long double r = cbrng_test::ref_gamma<Real>(h, static_cast<Real>(alpha), &cond);
        double e = cbrng_test::rel_error_units<Real>(x, r);
        if (sizeof(Real) == 8 && r > 0) {
            e -= 4 * static_cast<double>(cond) + 2 * std::fabs(static_cast<double>(std::log(r)));
        }
        worst = std::max(worst, e);
    }
    return worst;
}

}  // namespace

TEST_CASE("gamma: equals the long-double re-implementation from the same draws", "[gamma]") {
    for (const double alpha : {0.1, 0.5, 0.999, 1.0, 2.0, 30.0, 1e4}) {
        INFO("alpha " << alpha);
        CHECK(worst_against_reference<double>(alpha, cbrng::philox4x32{1}, 20000) <= 16);
        CHECK(worst_against_reference<double>(alpha, std::mt19937_64{2}, 5000) <= 16);
        // float: the double result rounded once.
        CHECK(worst_against_reference<float>(alpha, cbrng::philox4x32{3}, 20000) <= 1.01);
    }
}

TEST_CASE("gamma: distribution (KS and moments per regime, computed failure budget)",
          "[gamma][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double alpha = static_cast<double>(dist.alpha());
        const double beta = static_cast<double>(dist.beta());
        std::vector<double> x(40000);
        for (auto& v : x) {
            const auto r = dist(gen);
            if (!(r >= 0) || !std::isfinite(r)) FAIL("variate not finite and >= 0");
            v = static_cast<double>(r) / beta;  // standard gamma(alpha)
        }
        log.add(name + " KS", cbrng_test::ks_pvalue(x, [alpha](double v) {
                    return static_cast<double>(cbrng_test::gamma_p(alpha, v));
                }));
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, alpha, alpha, 3 * alpha * (alpha + 2));
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 3; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(gamma_distribution<double>(0.1), cbrng::philox4x32{100 + t}, "G(0.1) boost" + s);
        run(gamma_distribution<double>(0.5, 3), std::mt19937_64{200 + t}, "G(0.5,3) boost" + s);
        run(gamma_distribution<double>(1), cbrng::philox4x64{300 + t}, "G(1) MT" + s);
        run(gamma_distribution<double>(2, 0.25), std::mt19937{400 + t}, "G(2,.25) MT" + s);
        run(gamma_distribution<double>(30), cbrng::philox4x32{500 + t}, "G(30) MT" + s);
        run(gamma_distribution<double>(1000), cbrng::philox4x32{600 + t}, "G(1000) MT" + s);
        run(gamma_distribution<float>(0.5f), cbrng::philox4x32{700 + t}, "float G(0.5)" + s);
        run(gamma_distribution<float>(2.0f), std::mt19937_64{800 + t}, "float G(2)" + s);
        run(gamma_distribution<float>(30.0f, 2.0f), std::mt19937{900 + t}, "float G(30,2)" + s);
    }
    log.require_within_budget();
}

TEST_CASE("gamma: words per variate are variable; measured means", "[gamma]") {
    using gd = gamma_distribution<double>;
    using gf = gamma_distribution<float>;
    STATIC_REQUIRE_FALSE(gd::fixed_consumption);
    STATIC_REQUIRE(gd::words_per_variate<cbrng::philox4x64>() == 0);
    STATIC_REQUIRE(gf::words_per_variate<std::mt19937>() == 0);
    // The minimum: one accepted attempt (two draws), three below alpha = 1.
    STATIC_REQUIRE(gd::min_words_per_variate<cbrng::philox4x64>(gd::param_type(2.0)) == 2);
    STATIC_REQUIRE(gd::min_words_per_variate<cbrng::philox4x32>(gd::param_type(0.5)) == 6);
    STATIC_REQUIRE(gf::min_words_per_variate<std::mt19937>(gf::param_type(0.5f)) == 6);
    STATIC_REQUIRE(gd::min_words_per_variate<std::minstd_rand>(gd::param_type(2.0)) == 0);
    // Draws per variate: 2 per Marsaglia-Tsang attempt (1 when v <= 0; the
    // ziggurat normal takes a further draw in 1.5% of cases), one more for
    // the boost's exponential (more in 2.2% of cases). A draw is one call of
    // a 64-bit URBG, two of a 32-bit one, for float and double alike.
    for (const double alpha : {0.5, 1.0, 2.0, 30.0}) {
        cbrng_test::counting_urbg<cbrng::philox4x64> g{cbrng::philox4x64{5}};
        const gd dist(alpha);
        constexpr int n = 100000;
        for (int i = 0; i < n; ++i) (void)dist(g);
        const double mean = static_cast<double>(g.calls()) / n;
        WARN("gamma(" << alpha << "): " << mean << " draws per variate");
        const double base = alpha < 1 ? 3.0 : 2.0;
        CHECK(mean >= base);
        CHECK(mean < base + 0.15);
        cbrng_test::counting_urbg<std::mt19937> f{std::mt19937{6}};
        const gf fdist(static_cast<float>(alpha));
        for (int i = 0; i < n; ++i) (void)fdist(f);
        CHECK(static_cast<double>(f.calls()) / n >= 2 * base);
        CHECK(static_cast<double>(f.calls()) / n < 2 * (base + 0.15));
    }
}

TEST_CASE("gamma: tiny and huge shapes and scales", "[gamma]") {
    cbrng::philox4x32 g{2};
    const gamma_distribution<double> tiny(1e-3);
    const gamma_distribution<double> huge(1e12, 1e-12);
    const gamma_distribution<double> wide(2, 1e300);
    const gamma_distribution<float> ftiny(1e-3f);
    int zeros = 0;
    for (int i = 0; i < 20000; ++i) {
        const double a = tiny(g);
        const double b = huge(g);
        const double c = wide(g);
        const float f = ftiny(g);
        REQUIRE((a >= 0 && std::isfinite(a)));
        REQUIRE(b == Approx(1.0).epsilon(1e-4));
        REQUIRE((c >= 0 && !std::isnan(c)));
        REQUIRE((f >= 0 && std::isfinite(f)));
        zeros += a == 0;
    }
    // P(gamma(1e-3) < 2^-1074) = about 0.52: underflow to 0, as the exact
    // value would.
    CHECK(zeros > 9000);
    CHECK(zeros < 11800);
    CHECK(gamma_distribution<double>().min() == 0);
    CHECK(gamma_distribution<double>().max() == std::numeric_limits<double>::max());
    CHECK(gamma_distribution<float>().max() == std::numeric_limits<float>::max());
}

TEST_CASE("gamma: fill equals the scalar calls", "[gamma]") {
    for (const double alpha : {0.3, 1.0, 7.5}) {
        for (const std::size_t n : {0u, 1u, 7u, 64u, 301u}) {
            cbrng::philox4x32 a{9};
            cbrng::philox4x32 b{9};
            const gamma_distribution<double> dist(alpha, 2);
            std::vector<double> v(n);
            cbrng::fill(a, v.begin(), v.end(), dist);
            for (const double x : v) REQUIRE(d_bits(x) == d_bits(dist(b)));
            REQUIRE(a() == b());
        }
    }
}

TEST_CASE("gamma: parameters", "[gamma]") {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(gamma_distribution<double>(0.0),
                      "cbrng::gamma_distribution: alpha must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(gamma_distribution<double>(-1.5),
                      "cbrng::gamma_distribution: alpha must be > 0 and finite (got -1.5)");
    CHECK_THROWS_WITH(gamma_distribution<double>(1.0, 0.0),
                      "cbrng::gamma_distribution: beta must be > 0 and finite (got 0)");
    CHECK_THROWS_WITH(gamma_distribution<double>(1.0, -inf),
                      "cbrng::gamma_distribution: beta must be > 0 and finite (got -inf)");
    CHECK_THROWS_AS(gamma_distribution<double>(inf), std::invalid_argument);
    CHECK_THROWS_AS(gamma_distribution<float>(std::nanf("")), std::invalid_argument);
    CHECK_THROWS_AS(gamma_distribution<float>(1.0f, std::nanf("")), std::invalid_argument);
    gamma_distribution<double> dist(3, 0.5);
    CHECK(dist.alpha() == 3);
    CHECK(dist.beta() == 0.5);
    CHECK(gamma_distribution<double>().alpha() == 1);
    CHECK(gamma_distribution<double>().beta() == 1);
    dist.param(gamma_distribution<double>::param_type(4, 2));
    CHECK(dist == gamma_distribution<double>(4, 2));
    CHECK(dist != gamma_distribution<double>(4, 3));
    CHECK(dist.param().alpha() == 4);
    dist.reset();
    std::mt19937_64 g;
    CHECK(dist(g, gamma_distribution<double>::param_type(0.5)) >= 0);
}

TEST_CASE("gamma: a param_type built at compile time draws the same bits", "[gamma]") {
    // param_type precomputes Marsaglia-Tsang's c = 1 / sqrt(9 d) only at run
    // time; one built in a constant expression leaves it to the sampler,
    // which must then give the same variates.
    using gd = gamma_distribution<double>;
    using gf = gamma_distribution<float>;
    static constexpr gd::param_type compile_time[] = {gd::param_type(0.5), gd::param_type(2.0, 3.0),
                                                      gd::param_type(30.0)};
    static constexpr gf::param_type compile_time_f(0.25f, 2.0f);
    for (const auto& c : compile_time) {
        const gd::param_type run_time(c.alpha(), c.beta());
        CHECK(c == run_time);
        cbrng::philox4x32 g1{3};
        cbrng::philox4x32 g2{3};
        const gd dist;
        for (int i = 0; i < 200; ++i) {
            const double x = dist(g1, c);
            const double y = dist(g2, run_time);
            if (x != y) FAIL_CHECK("variate " << i << ": " << x << " != " << y);
        }
        CHECK(g1() == g2());
    }
    cbrng::philox4x32 h1{4};
    cbrng::philox4x32 h2{4};
    const gf::param_type run_time_f(0.25f, 2.0f);
    for (int i = 0; i < 200; ++i) CHECK(gf()(h1, compile_time_f) == gf()(h2, run_time_f));
}

TEST_CASE("gamma: exact text round trip, strict parsing", "[gamma]") {
    for (const double alpha : {1.0, 0.1, 5e-324, 1.7976931348623157e308, 3.0}) {
        std::stringstream s;
        s << gamma_distribution<double>(alpha, 0.75);
        gamma_distribution<double> back;
        s >> back;
        CHECK(back.alpha() == alpha);
        CHECK(back.beta() == 0.75);
    }
    std::stringstream s;
    s << gamma_distribution<float>(0.1f, 3.0f);
    CHECK(s.str() == "0x1.99999ap-4 0x1.8p+1");
    for (const char* bad : {"", "0x1p+0", "0x0p+0 0x1p+0", "0x1p+0 -0x1p+0", "1 1", "0x1p+0 inf"}) {
        INFO("text: '" << bad << "'");
        gamma_distribution<double> dist(2, 3);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == gamma_distribution<double>(2, 3));
    }
}
