// Tests include/cbrng/distributions/geometric.hpp: the exact mapping from bits
// (floor(log u / log1p(-p)) with the library's log and log1p), p = 1,
// saturation instead of wrap-around for every integer type, chi-square tests
// on the exact pmf with the tail pooled and moment tests with a computed
// failure budget, parameters and text I/O (consumption and variate_at:
// distributions_interface_test.cpp).
#include <cbrng/distributions/geometric.hpp>
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

using cbrng::geometric_distribution;
namespace d = cbrng::detail;

/// Every integer type geometric_distribution accepts, drawn from one
/// generator: all agree where the value fits, and saturate where it does not.
template <class Int>
void check_saturation() {
    INFO("IntType of " << sizeof(Int) << " bytes, signed " << std::is_signed_v<Int>);
    const d::geometric_param<Int> tiny(1e-30);  // results near 1e30: always beyond
    const d::geometric_param<Int> small(0.02);
    std::mt19937_64 g{7};
    for (int i = 0; i < 2000; ++i) {
        const std::uint64_t x = g();
        REQUIRE(d::geometric_from_bits(x, tiny) == std::numeric_limits<Int>::max());
        const auto r = d::geometric_from_bits(x, d::geometric_param<std::uint64_t>(0.02));
        const auto expect = r > static_cast<std::uint64_t>(std::numeric_limits<Int>::max())
                                ? std::numeric_limits<Int>::max()
                                : static_cast<Int>(r);
        REQUIRE(d::geometric_from_bits(x, small) == expect);
    }
    CHECK(geometric_distribution<Int>::max() == std::numeric_limits<Int>::max());
    CHECK(geometric_distribution<Int>::min() == 0);
}

}  // namespace

TEST_CASE("geometric: mapping from bits", "[geometric]") {
    std::mt19937_64 g{1};
    for (const double p : {0.5, 0.3, 1e-3, 0.999}) {
        const d::geometric_param<long long> par(p);
        CHECK(par.log_q() == d::log1p(-p));
        for (int i = 0; i < 5000; ++i) {
            const std::uint64_t x = g();
            const double u = static_cast<double>((x >> 11) + 1) * 0x1p-53;
            const double r = d::log(u) / d::log1p(-p);
            REQUIRE(d::geometric_from_bits(x, par) == static_cast<long long>(std::floor(r)));
            // The exact inversion: P(X >= k) = q^k, so k = floor(log u / log q).
            const double exact = std::log(u) / std::log1p(-p);
            if (std::fabs(exact - std::round(exact)) > 1e-9) {
                REQUIRE(d::geometric_from_bits(x, par) ==
                        static_cast<long long>(std::floor(exact)));
            }
        }
    }
    // u = 1 (x all ones) gives 0; p = 1 gives 0 for every draw.
    CHECK(d::geometric_from_bits(~std::uint64_t{0}, d::geometric_param<int>(0.25)) == 0);
    const d::geometric_param<int> one(1.0);
    for (int i = 0; i < 1000; ++i) REQUIRE(d::geometric_from_bits(g(), one) == 0);
    // The largest result for p = 1/2: u = 2^-53 gives exactly 53.
    CHECK(d::geometric_from_bits(std::uint64_t{0}, d::geometric_param<int>(0.5)) == 53);
}

TEST_CASE("geometric: results beyond the type saturate, never wrap", "[geometric]") {
    check_saturation<signed char>();
    check_saturation<unsigned char>();
    check_saturation<short>();
    check_saturation<unsigned short>();
    check_saturation<int>();
    check_saturation<unsigned>();
    check_saturation<long>();
    check_saturation<unsigned long>();
    check_saturation<long long>();
    check_saturation<unsigned long long>();
    // The smallest p there is: the quotient is +inf, still the maximum.
    CHECK(d::geometric_from_bits(std::uint64_t{12345}, d::geometric_param<int>(5e-324)) ==
          std::numeric_limits<int>::max());
}

TEST_CASE("geometric: distribution (chi-square on the pmf, moments, computed failure budget)",
          "[geometric][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto dist, auto gen, const std::string& name) {
        const double p = dist.p();
        const double q = 1 - p;
        constexpr int n = 200000;
        // Cells 0..K-1 with expected count >= 20, the tail k >= K pooled.
        std::vector<double> probs;
        double mass = 0;
        for (int k = 0;; ++k) {
            const double pk = p * std::pow(q, k);
            if (pk * n < 20 || 1 - mass - pk < 20.0 / n) break;
            probs.push_back(pk);
            mass += pk;
        }
        probs.push_back(1 - mass);
        std::vector<std::uint64_t> counts(probs.size());
        std::vector<double> x(n);
        for (auto& v : x) {
            const auto r = dist(gen);
            v = static_cast<double>(r);
            ++counts[std::min<std::size_t>(static_cast<std::size_t>(r), probs.size() - 1)];
        }
        log.add(name + " chi2", cbrng_test::chi2_pvalue(counts, probs));
        const double var = q / (p * p);
        // Fourth central moment: var^2 (9 + p^2 / q) (excess kurtosis 6 + p^2 / q).
        const double mu4 = var * var * (9 + p * p / q);
        const auto [pm, pv] = cbrng_test::moment_pvalues(x, q / p, var, mu4);
        log.add(name + " mean", pm);
        log.add(name + " variance", pv);
    };
    for (std::uint32_t t = 0; t < 4; ++t) {
        const std::string s = " trial " + std::to_string(t);
        run(geometric_distribution<int>(0.5), cbrng::philox4x32{100 + t}, "G(.5) philox" + s);
        run(geometric_distribution<long long>(0.01), std::mt19937_64{200 + t}, "G(.01) mt64" + s);
        run(geometric_distribution<unsigned>(0.9), std::mt19937{300 + t}, "G(.9) mt" + s);
        run(geometric_distribution<std::int16_t>(0.2), cbrng::philox4x64{400 + t}, "G(.2) p64" + s);
    }
    log.require_within_budget();
}

TEST_CASE("geometric: parameters", "[geometric]") {
    using gi = geometric_distribution<int>;
    CHECK_THROWS_WITH(gi(0.0), "cbrng::geometric_distribution: p must be in (0, 1] (got 0)");
    CHECK_THROWS_WITH(gi(1.5), "cbrng::geometric_distribution: p must be in (0, 1] (got 1.5)");
    CHECK_THROWS_WITH(gi(-0.25), "cbrng::geometric_distribution: p must be in (0, 1] (got -0.25)");
    CHECK_THROWS_AS(gi(std::nan("")), std::invalid_argument);
    CHECK_THROWS_AS(gi(std::numeric_limits<double>::infinity()), std::invalid_argument);
    gi dist(0.25);
    CHECK(dist.p() == 0.25);
    CHECK(gi().p() == 0.5);
    dist.param(gi::param_type(0.75));
    CHECK(dist == gi(0.75));
    CHECK(dist != gi(0.5));
    std::mt19937_64 g;
    CHECK(dist(g, gi::param_type(1.0)) == 0);
}

TEST_CASE("geometric: exact text round trip, strict parsing", "[geometric]") {
    for (const double p : {1.0, 0.1, 5e-324, 0.5}) {
        std::stringstream s;
        s << geometric_distribution<int>(p);
        geometric_distribution<int> back;
        s >> back;
        CHECK(back.p() == p);
        CHECK(back.param().log_q() == geometric_distribution<int>(p).param().log_q());
    }
    for (const char* bad : {"", "0x0p+0", "-0x1p-1", "0x1.8p+0", "0.5", "0x1p-1x"}) {
        INFO("text: '" << bad << "'");
        geometric_distribution<int> dist(0.25);
        std::istringstream is(bad);
        is >> dist;
        CHECK(is.fail());
        CHECK(dist == geometric_distribution<int>(0.25));
    }
}
