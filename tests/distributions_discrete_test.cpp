// Tests include/cbrng/distributions/discrete.hpp (and detail/alias_table.hpp):
// the integer alias table's probabilities, chi-square against the exact
// probabilities with a computed failure budget, zero weights never drawn,
// one 64-bit draw per variate and variate_at, the std constructors,
// parameters, errors and text I/O.
#include <cbrng/distributions/discrete.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/engine.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/pmf_chi2.hpp"
#include "support/stats_util.hpp"
#include "support/urbg_util.hpp"

namespace {

using cbrng::discrete_distribution;

std::vector<double> random_weights(std::size_t n, unsigned seed) {
    std::mt19937_64 g{seed};
    std::vector<double> w(n);
    for (auto& x : w) x = static_cast<double>(g() >> 11) * 0x1p-53;
    return w;
}

template <class Gen>
void check_weights(cbrng_test::pvalue_log& log, const std::vector<double>& w, Gen gen,
                   const std::string& name, int n = 500000) {
    const discrete_distribution<int> d(w.begin(), w.end());
    const auto p = d.probabilities();
    std::map<std::int64_t, std::uint64_t> seen;
    for (int i = 0; i < n; ++i) {
        const int k = d(gen);
        if (k < 0 || static_cast<std::size_t>(k) >= w.size() || w[static_cast<std::size_t>(k)] == 0)
            FAIL("variate outside the support");
        ++seen[k];
    }
    log.add(name + " chi2", cbrng_test::pooled_chi2_pvalue(
                                seen, 0, static_cast<std::int64_t>(w.size()) - 1,
                                [&p](std::int64_t k) { return p[static_cast<std::size_t>(k)]; }));
}

}  // namespace

TEST_CASE("discrete: the alias table holds the probabilities", "[discrete]") {
    for (const auto& w : {std::vector<double>{1}, std::vector<double>{1, 2, 3, 0, 4},
                          std::vector<double>{1e-300, 1, 1e-12}, random_weights(1000, 1),
                          random_weights(3, 2), std::vector<double>(7, 0.25)}) {
        const discrete_distribution<int> d(w.begin(), w.end());
        const auto p = d.probabilities();
        REQUIRE(p.size() == w.size());
        const auto& table = d.param().table();
        for (std::size_t i = 0; i < w.size(); ++i) {
            INFO("n " << w.size() << " outcome " << i);
            // Units of 2^-(s + log2 n) <= 2^-62 of the total, plus the leftover
            // units the first largest outcome takes.
            CHECK(std::fabs(table.probability(i) - p[i]) <= 1e-15);
            if (w[i] == 0) CHECK(table.probability(i) == 0);
        }
    }
}

TEST_CASE("discrete: distribution (chi-square, computed failure budget)", "[discrete][stats]") {
    cbrng_test::pvalue_log log;
    check_weights(log, {1, 2, 3, 0, 4}, cbrng::philox4x32{1}, "1 2 3 0 4");
    check_weights(log, {1, 1, 1, 1, 1, 5}, std::mt19937_64{2}, "loaded die");
    check_weights(log, random_weights(1000, 3), cbrng::philox4x32{3}, "1000 random weights");
    check_weights(log, random_weights(37, 4), std::mt19937{4}, "37 random weights");
    std::vector<double> skew(200, 1.0);
    skew[17] = 5000;
    check_weights(log, skew, cbrng::philox4x64{5}, "one heavy among 200");
    check_weights(log, {0, 0, 1, 0}, cbrng::philox4x32{6}, "a single non-zero weight");
    log.require_within_budget();
}

TEST_CASE("discrete: one 64-bit draw per variate; variate_at", "[discrete]") {
    using D = discrete_distribution<int>;
    STATIC_REQUIRE(D::fixed_consumption);
    STATIC_REQUIRE(D::words_per_variate<cbrng::philox4x32>() == 2);
    STATIC_REQUIRE(D::words_per_variate<std::mt19937_64>() == 1);
    D d{0.5, 0.25, 0.25};
    cbrng_test::counting_urbg<std::mt19937> g{std::mt19937{1}};
    for (int i = 0; i < 100; ++i) (void)d(g);
    CHECK(g.calls() == 200);
    cbrng::philox4x32 p{42};
    const cbrng::philox4x32 start = p;
    D big(1000, 0.0, 1.0, [](double x) { return 1.0 + x; });
    for (std::uint64_t i = 0; i < 300; ++i) CHECK(cbrng::variate_at(start, big, i) == big(p));
}

TEST_CASE("discrete: the std constructors", "[discrete]") {
    const discrete_distribution<int> def;
    CHECK(def.probabilities() == std::vector<double>{1.0});
    CHECK(def.min() == 0);
    CHECK(def.max() == 0);
    cbrng::philox4x32 g{1};
    CHECK(def(g) == 0);
    const std::vector<int> wi{1, 3};
    const discrete_distribution<short> from_it(wi.begin(), wi.end());
    CHECK(from_it.probabilities() == std::vector<double>{0.25, 0.75});
    CHECK(from_it.max() == 1);
    const discrete_distribution<int> from_list{2.0, 6.0};
    CHECK(from_list.probabilities() == std::vector<double>{0.25, 0.75});
    // nw = 4 over [0, 8): weights fw(1), fw(3), fw(5), fw(7).
    const discrete_distribution<int> from_fw(4, 0.0, 8.0, [](double x) { return x; });
    CHECK(from_fw.probabilities() == std::vector<double>{1.0 / 16, 3.0 / 16, 5.0 / 16, 7.0 / 16});
    CHECK(from_it == discrete_distribution<short>{10.0, 30.0});
    CHECK(from_it != discrete_distribution<short>{3.0, 1.0});
    // The param round trip.
    discrete_distribution<int> copy;
    copy.param(from_list.param());
    CHECK(copy == from_list);
    // 128 outcomes fit int8_t.
    std::vector<double> w(128, 1.0);
    const discrete_distribution<std::int8_t> small(w.begin(), w.end());
    CHECK(small.max() == 127);
}

TEST_CASE("discrete: text form round-trips the weights", "[discrete]") {
    for (const auto& w : {std::vector<double>{1}, std::vector<double>{1, 2, 3, 0, 4},
                          random_weights(50, 9), std::vector<double>{1e-300, 1e300}}) {
        const discrete_distribution<int> a(w.begin(), w.end());
        std::stringstream ss;
        ss << a;
        discrete_distribution<int> b{7.0, 8.0};
        ss >> b;
        REQUIRE(!ss.fail());
        CHECK(a == b);
        CHECK(b.param().weights() == w);
        cbrng::philox4x32 g1{3};
        cbrng::philox4x32 g2{3};
        for (int i = 0; i < 20; ++i) CHECK(a(g1) == b(g2));
    }
    for (const char* bad : {"0", "2 0x1p+0", "2 0x1p+0 -0x1p+0", "2 0x0p+0 0x0p+0", "1 nan", "x",
                            "", "2 0x1p+1023 0x1p+1023", "4294967297 0x1p+0"}) {
        std::stringstream ss{bad};
        discrete_distribution<int> b{7.0, 8.0};
        ss >> b;
        CHECK(ss.fail());
        CHECK(b.probabilities().size() == 2);
    }
}

TEST_CASE("discrete: bad weights throw", "[discrete]") {
    using D = discrete_distribution<int>;
    const std::vector<double> none;
    CHECK_THROWS_AS(D(none.begin(), none.end()), std::invalid_argument);
    CHECK_THROWS_AS(D({1.0, -1.0}), std::invalid_argument);
    CHECK_THROWS_AS(D({1.0, std::numeric_limits<double>::quiet_NaN()}), std::invalid_argument);
    CHECK_THROWS_AS(D({1.0, std::numeric_limits<double>::infinity()}), std::invalid_argument);
    CHECK_THROWS_AS(D({0.0, 0.0}), std::invalid_argument);
    CHECK_THROWS_AS(D({1e308, 1e308}), std::invalid_argument);
    CHECK_THROWS_AS(D(0, 0.0, 1.0, [](double) { return 1.0; }), std::invalid_argument);
    std::vector<double> w(129, 1.0);
    CHECK_THROWS_AS(discrete_distribution<std::int8_t>(w.begin(), w.end()), std::invalid_argument);
}
