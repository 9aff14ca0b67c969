// Tests include/cbrng/distributions/uniform_real.hpp: the exact bit mapping
// (53/24-bit grids), b never returned even where rounding reaches it, tiny,
// huge (overflowing), negative and subnormal spans, Kolmogorov-Smirnov and
// moment tests with a computed failure budget, word consumption, parameters
// and exact text round trips.
#include <cbrng/distributions/uniform_real.hpp>
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

using cbrng::uniform_real_distribution;
using cbrng_test::script32;
using cbrng_test::script64;
namespace d = cbrng::detail;

constexpr double dbl_max = std::numeric_limits<double>::max();
constexpr float flt_max = std::numeric_limits<float>::max();
constexpr double dmin_sub = std::numeric_limits<double>::denorm_min();

template <class Real, class Gen>
std::vector<double> draw(const uniform_real_distribution<Real>& dist, Gen& g, std::size_t n) {
    std::vector<double> x(n);
    for (auto& v : x) {
        const Real r = dist(g);
        if (!(r >= dist.a() && (r < dist.b() || dist.a() == dist.b()))) FAIL("outside [a, b)");
        v = static_cast<double>(r);
    }
    return x;
}

}  // namespace

TEST_CASE("uniform_real: exact mapping from bits", "[uniform_real]") {
    const d::uniform_real_param<double> unit(0.0, 1.0);
    CHECK(d::uniform_real_from_bits(std::uint64_t{0}, unit) == 0.0);
    CHECK(d::uniform_real_from_bits(std::uint64_t{0x7ff}, unit) == 0.0);  // low 11 bits unused
    CHECK(d::uniform_real_from_bits(std::uint64_t{0x800}, unit) == 0x1p-53);
    CHECK(d::uniform_real_from_bits(std::uint64_t{1} << 63, unit) == 0.5);
    CHECK(d::uniform_real_from_bits(~std::uint64_t{0}, unit) == 1.0 - 0x1p-53);
    const d::uniform_real_param<float> unitf(0.0f, 1.0f);
    CHECK(d::uniform_real_from_bits(std::uint32_t{0xff}, unitf) == 0.0f);
    CHECK(d::uniform_real_from_bits(std::uint32_t{0x100}, unitf) == 0x1p-24f);
    CHECK(d::uniform_real_from_bits(~std::uint32_t{0}, unitf) == 1.0f - 0x1p-24f);
    // The low word of a 32-bit URBG is the low half of the 64 bits.
    script32 g{0x00000000u, 0x80000000u, 0xfffff800u, 0xffffffffu};
    const uniform_real_distribution<double> dist;
    CHECK(dist(g) == 0.5);
    CHECK(dist(g) == 1.0 - 0x1p-53);
    CHECK(g.calls() == 4);
    // A float from a 64-bit URBG uses the word's low 32 bits.
    script64 h{0xffffffff00000000u, 0x00000000ffffffffu};
    const uniform_real_distribution<float> fdist;
    CHECK(fdist(h) == 0.0f);
    CHECK(fdist(h) == 1.0f - 0x1p-24f);
}

TEST_CASE("uniform_real: never returns b, even when rounding reaches it", "[uniform_real]") {
    SECTION("[0.5, 1): the largest u rounds 0.5 + 0.5 * (1 - 2^-53) up to 1") {
        const d::uniform_real_param<double> p(0.5, 1.0);
        CHECK(d::uniform_real_from_bits(~std::uint64_t{0}, p) == 1.0 - 0x1p-53);
    }
    SECTION("[1, 1 + 2^-52): half of all draws round to b") {
        const uniform_real_distribution<double> dist(1.0, 1.0 + 0x1p-52);
        cbrng::philox4x32 g{1};
        for (int i = 0; i < 10000; ++i) REQUIRE(dist(g) == 1.0);
    }
    SECTION("[-1, -1 + 2^-53): b = next above a") {
        const uniform_real_distribution<double> dist(-1.0, -1.0 + 0x1p-53);
        std::mt19937_64 g{2};
        for (int i = 0; i < 10000; ++i) REQUIRE(dist(g) == -1.0);
    }
    SECTION("float [1, 1 + 2^-23)") {
        const uniform_real_distribution<float> dist(1.0f, 1.0f + 0x1p-23f);
        std::mt19937 g{3};
        for (int i = 0; i < 10000; ++i) REQUIRE(dist(g) == 1.0f);
    }
    SECTION("huge values: [2^1000, 2^1000 * (1 + 2^-52))") {
        const double a = 0x1p1000, b = 0x1.0000000000001p1000;
        const uniform_real_distribution<double> dist(a, b);
        cbrng::philox4x32 g{4};
        for (int i = 0; i < 1000; ++i) REQUIRE(dist(g) == a);
    }
}

TEST_CASE("uniform_real: a == b returns a", "[uniform_real]") {
    std::mt19937 g;
    for (const double x : {0.0, -0.0, 1.5, -dbl_max, dmin_sub}) {
        const uniform_real_distribution<double> dist(x, x);
        for (int i = 0; i < 10; ++i) REQUIRE(d::to_bits(dist(g)) == d::to_bits(x));
    }
}

TEST_CASE("uniform_real: spans that overflow b - a", "[uniform_real]") {
    cbrng::philox4x32 g{5};
    SECTION("double [-max, max)") {
        const uniform_real_distribution<double> dist(-dbl_max, dbl_max);
        std::vector<double> x = draw(dist, g, 200000);
        for (double& v : x) v = v / dbl_max;  // uniform on [-1, 1)
        CHECK(cbrng_test::ks_pvalue(x, [](double v) { return (v + 1) / 2; }) > 1e-6);
        // The halved formula is exact: results are 2 * (a/2 + (b/2 - a/2) * u).
        const d::uniform_real_param<double> p(-dbl_max, dbl_max);
        CHECK(d::uniform_real_from_bits(std::uint64_t{0}, p) == -dbl_max);
        CHECK(d::uniform_real_from_bits(std::uint64_t{1} << 63, p) == 0.0);
        const double top = d::uniform_real_from_bits(~std::uint64_t{0}, p);
        CHECK(top < dbl_max);
        CHECK(top > 0.999999 * dbl_max);
    }
    SECTION("double [-max, 0.75 max) and float [-max, max)") {
        const uniform_real_distribution<double> dist(-dbl_max, 0.75 * dbl_max);
        for (const double v : draw(dist, g, 10000)) REQUIRE(std::isfinite(v));
        const uniform_real_distribution<float> fdist(-flt_max, flt_max);
        std::vector<double> x = draw(fdist, g, 200000);
        for (double& v : x) v = v / static_cast<double>(flt_max);
        CHECK(cbrng_test::ks_pvalue(x, [](double v) { return (v + 1) / 2; }) > 1e-6);
        const d::uniform_real_param<float> p(-flt_max, flt_max);
        const float top = d::uniform_real_from_bits(~std::uint32_t{0}, p);
        CHECK(top < flt_max);
        CHECK(top > 0.9999f * flt_max);
    }
}

TEST_CASE("uniform_real: subnormal and tiny spans", "[uniform_real]") {
    std::mt19937_64 g{6};
    SECTION("[0, 4 * denorm_min): only 0..3 denorm_min, never b") {
        const uniform_real_distribution<double> dist(0.0, 4 * dmin_sub);
        std::vector<std::uint64_t> counts(4);
        for (int i = 0; i < 80000; ++i) {
            const double v = dist(g);
            const auto k = static_cast<std::size_t>(v / dmin_sub);
            REQUIRE(v == static_cast<double>(k) * dmin_sub);
            REQUIRE(k < 4);
            ++counts[k];
        }
        // Round-to-nearest of 4u: P(0) = 1/8, P(1) = P(2) = 1/4, P(3) = 1/4 + 1/8 (b clamped).
        CHECK(cbrng_test::chi2_pvalue(counts, {0.125, 0.25, 0.25, 0.375}) > 1e-6);
    }
    SECTION("across zero: [-min_normal, min_normal)") {
        const double m = std::numeric_limits<double>::min();
        const uniform_real_distribution<double> dist(-m, m);
        std::vector<double> x = draw(dist, g, 100000);
        for (double& v : x) v = v / m;
        CHECK(cbrng_test::ks_pvalue(x, [](double v) { return (v + 1) / 2; }) > 1e-6);
    }
    SECTION("float subnormals [0, 1e-40)") {
        const uniform_real_distribution<float> dist(0.0f, 1e-40f);
        for (int i = 0; i < 10000; ++i) {
            const float v = dist(g);
            REQUIRE(v >= 0.0f);
            REQUIRE(v < 1e-40f);
        }
    }
    SECTION("tiny span around 1: [1, 1 + 1e-12), moments only") {
        const uniform_real_distribution<double> dist(1.0, 1.0 + 1e-12);
        std::vector<double> x = draw(dist, g, 100000);
        const double w = dist.b() - dist.a();
        for (double& v : x) v = (v - 1.0) / w;
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, 0.5, 1.0 / 12, 1.0 / 80);
        CHECK(pm > 1e-6);
        CHECK(pv > 1e-6);
    }
}

TEST_CASE("uniform_real: distribution (KS and moments, computed failure budget)",
          "[uniform_real][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double a = static_cast<double>(dist.a());
        const double w = static_cast<double>(dist.b()) - a;
        std::vector<double> x = draw(dist, gen, 200000);
        for (double& v : x) v = (v - a) / w;
        log.add(name + " KS", cbrng_test::ks_pvalue(x, [](double v) { return v; }));
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, 0.5, 1.0 / 12, 1.0 / 80);
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 4; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(uniform_real_distribution<double>(), cbrng::philox4x32{100 + t}, "[0,1) philox" + s);
        run(uniform_real_distribution<double>(-3, 7), std::mt19937_64{200 + t}, "[-3,7) mt64" + s);
        run(uniform_real_distribution<double>(-1e300, -1e299), std::mt19937{300 + t},
            "[-1e300,-1e299) mt" + s);
        run(uniform_real_distribution<float>(), cbrng::philox4x32{400 + t}, "float [0,1)" + s);
        run(uniform_real_distribution<float>(-2.5f, 1e3f), std::mt19937_64{500 + t},
            "float [-2.5,1e3)" + s);
        run(uniform_real_distribution<double>(0, 1), std::minstd_rand{600 + t}, "minstd" + s);
    }
    log.require_within_budget();
}

TEST_CASE("uniform_real: words per variate", "[uniform_real]") {
    using dd = uniform_real_distribution<double>;
    using df = uniform_real_distribution<float>;
    STATIC_REQUIRE(dd::fixed_consumption);
    STATIC_REQUIRE(dd::words_per_variate<cbrng::philox4x32>() == 2);
    STATIC_REQUIRE(dd::words_per_variate<std::mt19937>() == 2);
    STATIC_REQUIRE(dd::words_per_variate<std::mt19937_64>() == 1);
    STATIC_REQUIRE(dd::words_per_variate<cbrng::philox4x64>() == 1);
    STATIC_REQUIRE(dd::words_per_variate<std::minstd_rand>() == 0);    // variable
    STATIC_REQUIRE(dd::words_per_variate<std::ranlux24_base>() == 3);  // 24 bits per call
    STATIC_REQUIRE(df::words_per_variate<cbrng::philox4x32>() == 1);
    STATIC_REQUIRE(df::words_per_variate<std::mt19937_64>() == 1);
    cbrng_test::counting_urbg<cbrng::philox4x32> g{cbrng::philox4x32{}};
    const dd dist;
    for (int i = 0; i < 100; ++i) (void)dist(g);
    CHECK(g.calls() == 200);
}

TEST_CASE("uniform_real: parameters", "[uniform_real]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH(uniform_real_distribution<double>(2.0, 1.0),
                      "cbrng::uniform_real_distribution: a must be <= b (got a = 2, b = 1)");
    CHECK_THROWS_WITH(uniform_real_distribution<double>(nan, 1.0),
                      "cbrng::uniform_real_distribution: a must be finite (got nan)");
    CHECK_THROWS_WITH(uniform_real_distribution<double>(0.0, inf),
                      "cbrng::uniform_real_distribution: b must be finite (got inf)");
    CHECK_THROWS_AS(uniform_real_distribution<double>(-inf, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(uniform_real_distribution<float>(0.0f, std::numeric_limits<float>::infinity()),
                    std::invalid_argument);
    CHECK_THROWS_AS(uniform_real_distribution<float>::param_type(1.0f, 0.0f),
                    std::invalid_argument);
    uniform_real_distribution<double> dist(-2, 3);
    CHECK(dist.a() == -2);
    CHECK(dist.b() == 3);
    CHECK(dist.min() == -2);
    CHECK(dist.max() == 3);
    CHECK(uniform_real_distribution<double>().b() == 1.0);
    dist.param(uniform_real_distribution<double>::param_type(0, 0.5));
    CHECK(dist == uniform_real_distribution<double>(0, 0.5));
    CHECK(dist != uniform_real_distribution<double>(0, 0.25));
    dist.reset();
    std::mt19937_64 g;
    CHECK(dist(g, uniform_real_distribution<double>::param_type(7, 7)) == 7);
}

TEST_CASE("uniform_real: exact text round trip, strict parsing", "[uniform_real]") {
    std::mt19937_64 g{9};
    for (int i = 0; i < 2000; ++i) {
        double a = d::double_from_bits(g());
        double b = d::double_from_bits(g());
        if (!std::isfinite(a) || !std::isfinite(b)) continue;
        if (a > b) std::swap(a, b);
        const uniform_real_distribution<double> dist(a, b);
        std::stringstream s;
        s << dist;
        uniform_real_distribution<double> back;
        s >> back;
        REQUIRE(!s.fail());
        REQUIRE(d::to_bits(back.a()) == d::to_bits(a));
        REQUIRE(d::to_bits(back.b()) == d::to_bits(b));
    }
    for (const auto& [a, b] : {std::pair{-0.0, 0.0}, std::pair{dmin_sub, 1.0},
                               std::pair{-dbl_max, dbl_max}, std::pair{0.1, 0.3}}) {
        std::stringstream s;
        s << uniform_real_distribution<double>(a, b);
        uniform_real_distribution<double> back;
        s >> back;
        CHECK(d::to_bits(back.a()) == d::to_bits(a));
        CHECK(d::to_bits(back.b()) == d::to_bits(b));
    }
    {
        std::stringstream s;
        s << uniform_real_distribution<double>(-1.5, 0.1);
        CHECK(s.str() == "-0x1.8p+0 0x1.999999999999ap-4");
        std::stringstream f;
        f << uniform_real_distribution<float>(1e-40f, 0.1f);
        CHECK(f.str() == "0x1.16c2p-133 0x1.99999ap-4");
        uniform_real_distribution<float> back;
        f >> back;
        CHECK(back == uniform_real_distribution<float>(1e-40f, 0.1f));
    }
    for (const char* bad :
         {"", "0x1p+0", "0x1p+1 0x1p+0", "1 2", "0x1p+0 inf", "0x1p+0 nan", "0x2p+0 0x1p+1",
          "0x1.00000000000001p+0 0x1p+1", "0x1p+2000 0x1p+0", "0x1.p+0 0x1p+1", "0x1p 0x1p+1",
          "0x1p+0 0x1p+1x", "0x0.8p-1000 0x1p+0"}) {
        INFO("text: '" << bad << "'");
        uniform_real_distribution<double> dist(-7, 7);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == uniform_real_distribution<double>(-7, 7));
    }
    for (const char* bad : {"0x1.000001p+0 0x1p+1", "0x1p+200 0x1p+201", "0x1p-150 0x1p+0"}) {
        INFO("float text: '" << bad << "'");
        uniform_real_distribution<float> dist(-7, 7);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == uniform_real_distribution<float>(-7, 7));
    }
}
