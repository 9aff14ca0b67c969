// Tests include/cbrng/distributions/bernoulli.hpp: the integer threshold
// (exact for p = 0, 1/2 and 1), one 64-bit draw per variate whatever p,
// chi-square frequency tests with a computed failure budget, parameters and
// text I/O.
#include <cbrng/distributions/bernoulli.hpp>
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

using cbrng::bernoulli_distribution;
namespace d = cbrng::detail;

}  // namespace

TEST_CASE("bernoulli: integer threshold", "[bernoulli]") {
    const std::uint64_t top = std::uint64_t{1} << 63;
    CHECK(d::bernoulli_from_bits(top - 1, 0.5));
    CHECK_FALSE(d::bernoulli_from_bits(top, 0.5));
    CHECK_FALSE(d::bernoulli_from_bits(0, 0.0));
    CHECK(d::bernoulli_from_bits(~std::uint64_t{0}, 1.0));
    CHECK_FALSE(d::bernoulli_from_bits(~std::uint64_t{0}, 1.0 - 0x1p-53));
    CHECK(d::bernoulli_from_bits(~std::uint64_t{0} - 2048, 1.0 - 0x1p-53));
    CHECK(d::bernoulli_from_bits(0, 0x1p-64));
    CHECK_FALSE(d::bernoulli_from_bits(1, 0x1p-64));
    CHECK_FALSE(d::bernoulli_from_bits(0, 0x1p-70));  // below resolution 2^-64
    // Low word first from a 32-bit URBG: x = 0x7fffffff_ffffffff.
    cbrng_test::script32 g{0xffffffffu, 0x7fffffffu};
    CHECK(bernoulli_distribution(0.5)(g));
    CHECK(g.calls() == 2);
}

TEST_CASE("bernoulli: p = 0 and p = 1 are exact and still consume one draw", "[bernoulli]") {
    cbrng_test::counting_urbg<cbrng::philox4x32> g{cbrng::philox4x32{9}};
    const bernoulli_distribution never(0.0), always(1.0);
    for (int i = 0; i < 100000; ++i) {
        REQUIRE_FALSE(never(g));
        REQUIRE(always(g));
    }
    CHECK(g.calls() == 400000);
    STATIC_REQUIRE(bernoulli_distribution::fixed_consumption);
    STATIC_REQUIRE(bernoulli_distribution::words_per_variate<cbrng::philox4x32>() == 2);
    STATIC_REQUIRE(bernoulli_distribution::words_per_variate<std::mt19937_64>() == 1);
}

TEST_CASE("bernoulli: frequencies (chi-square, computed failure budget)", "[bernoulli][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](double p, auto gen, std::uint64_t n, const std::string& name) {
        const bernoulli_distribution dist(p);
        std::vector<std::uint64_t> counts(2);
        for (std::uint64_t i = 0; i < n; ++i) ++counts[dist(gen) ? 1 : 0];
        log.add(name, cbrng_test::chi2_pvalue(counts, {1 - p, p}));
    };
    for (std::uint32_t t = 0; t < 5; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(0.5, cbrng::philox4x32{10 + t}, 400000, "p=.5 philox" + s);
        run(0.3, std::mt19937_64{20 + t}, 400000, "p=.3 mt64" + s);
        run(0.001, std::mt19937{30 + t}, 2000000, "p=.001 mt" + s);
        run(0.999, cbrng::philox4x64{40 + t}, 2000000, "p=.999 philox4x64" + s);
        run(1.0 / 3, std::minstd_rand{50 + t}, 300000, "p=1/3 minstd" + s);
    }
    log.require_within_budget();
}

TEST_CASE("bernoulli: parameters, equality, text I/O", "[bernoulli]") {
    CHECK_THROWS_WITH(bernoulli_distribution(1.5),
                      "cbrng::bernoulli_distribution: p must be in [0, 1] (got 1.5)");
    CHECK_THROWS_WITH(bernoulli_distribution(-0.25),
                      "cbrng::bernoulli_distribution: p must be in [0, 1] (got -0.25)");
    CHECK_THROWS_AS(bernoulli_distribution(std::nan("")), std::invalid_argument);
    CHECK_THROWS_AS(bernoulli_distribution::param_type(2.0), std::invalid_argument);
    bernoulli_distribution dist;
    CHECK(dist.p() == 0.5);
    CHECK_FALSE(bernoulli_distribution::min());
    CHECK(bernoulli_distribution::max());
    dist.param(bernoulli_distribution::param_type(0.25));
    CHECK(dist == bernoulli_distribution(0.25));
    CHECK(dist != bernoulli_distribution(0.5));
    dist.reset();
    std::stringstream s;
    s << bernoulli_distribution(0.1);
    CHECK(s.str() == "0x1.999999999999ap-4");
    bernoulli_distribution back;
    s >> back;
    CHECK(back.p() == 0.1);
    for (const char* bad : {"", "0x1.8p+0", "-0x1p-2", "0.5", "0x1p-1 "}) {
        INFO("text: '" << bad << "'");
        bernoulli_distribution b2(0.75);
        std::istringstream is(bad);
        is >> b2;
        if (std::string(bad) == "0x1p-1 ") {
            CHECK_FALSE(is.fail());  // trailing space is fine
            CHECK(b2.p() == 0.5);
            continue;
        }
        CHECK(is.fail());
        CHECK(b2.p() == 0.75);
    }
}
