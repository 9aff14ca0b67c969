// The ziggurats inside the rejection samplers (detail/ziggurat.hpp): their
// tables against the equations that define them, and the variates against
// the exact distributions, tails included, with a computed failure budget.
#include <cbrng/detail/ziggurat.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/stream.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/stats_util.hpp"
#include "support/urbg_util.hpp"

namespace {

namespace d = cbrng::detail;

/// x[i] of a table (w[i] = x[i] 2^-53 exactly), x[256] = 0.
template <class T>
long double x_of(unsigned i) {
    return i == 256 ? 0.0L : std::ldexp(static_cast<long double>(T::w(i)), 53);
}

/// Checks one ziggurat's tables: f matches its density at x, every layer has
/// the base layer's area, and k[i] is exactly floor(2^53 x[i+1] / x[i]).
/// f[i] is f of the exact x[i], rounded once; x[i] itself is rounded too, so
/// f of the rounded x may differ by a further |x f'(x) / f(x)| half-ulps
/// (sensitivity(x): x^2 for the normal, x for the exponential).
template <class T, class F, class Tail, class Sensitivity>
void check_tables(F f, Tail tail, Sensitivity sensitivity) {
    const long double r = T::r;
    CHECK(x_of<T>(1) == r);
    CHECK(static_cast<double>(1.0L / r) == T::inv_r);
    const long double v = r * f(r) + tail(r);  // the base layer's area
    CHECK(std::fabs(x_of<T>(0) * T::f(0) - v) <= 1e-15L * v);
    CHECK(T::f(0) == T::f(1));
    CHECK(T::f(256) == 1.0);
    for (unsigned i = 1; i < 256; ++i) {
        INFO("layer " << i);
        CHECK(x_of<T>(i + 1) < x_of<T>(i));
        const long double fx = f(x_of<T>(i));
        CHECK(std::fabs(T::f(i) - fx) <= 0x1p-53L * fx * (1.01L + sensitivity(x_of<T>(i))));
        const long double area = x_of<T>(i) * (static_cast<long double>(T::f(i + 1)) - T::f(i));
        CHECK(std::fabs(area - v) <= 1e-12L * v);
    }
    for (unsigned i = 0; i < 256; ++i) {
        INFO("threshold " << i);
        // k x[i] <= 2^53 x[i+1] < (k + 1) x[i], with x = M 2^E as integers.
        int ei = 0;
        int en = 0;
        const auto mi = static_cast<std::uint64_t>(std::ldexp(std::frexp(T::w(i), &ei), 53));
        const double wn = i == 255 ? 0.0 : T::w(i + 1);
        const auto mn = static_cast<std::uint64_t>(std::ldexp(std::frexp(wn, &en), 53));
        const int shift = 53 + (wn == 0.0 ? 0 : en - ei);
        REQUIRE(shift >= 0);
        REQUIRE(shift < 64);
        __extension__ typedef unsigned __int128 u128;
        const u128 rhs = u128{mn} << shift;
        const u128 k = T::k(i);
        CHECK(k * mi <= rhs);
        CHECK((k + 1) * mi > rhs);
    }
}

}  // namespace

TEST_CASE("ziggurat tables satisfy their defining equations", "[ziggurat]") {
    check_tables<d::ziggurat_normal>([](long double x) { return std::exp(-x * x / 2); },
                                     [](long double r) {
                                         return std::sqrt(std::acos(-1.0L) / 2) *
                                                std::erfc(r / std::sqrt(2.0L));
                                     },
                                     [](long double x) { return x * x; });
    check_tables<d::ziggurat_exponential>([](long double x) { return std::exp(-x); },
                                          [](long double r) { return std::exp(-r); },
                                          [](long double x) { return x; });
}

TEST_CASE("ziggurat variates: distribution, tails and fast-path rate (failure budget)",
          "[ziggurat][stats]") {
    cbrng_test::pvalue_log log;
    // The fast path's probability from the tables: the mean of k[i] / 2^53.
    const auto fast_rate = [](auto table) {
        using T = decltype(table);
        double p = 0;
        for (unsigned i = 0; i < 256; ++i) p += std::ldexp(static_cast<double>(T::k(i)), -53);
        return p / 256;
    };
    for (std::uint64_t t = 0; t < 2; ++t) {
        const std::string s = " trial " + std::to_string(t);
        cbrng_test::counting_urbg<cbrng::stream<>> g{cbrng::stream<>{cbrng::stream_id{7, t, 1}}};
        constexpr std::size_t n = 2000000;
        std::vector<double> all;
        std::vector<double> tail;  // |z| beyond r, as |z|
        std::size_t one_draw = 0;
        const double r = d::ziggurat_normal::r;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t before = g.calls();
            const double z = d::ziggurat_normal_variate(g);
            if (g.calls() - before == 2) ++one_draw;  // one 64-bit draw
            if (i < 200000) all.push_back(z);
            if (std::fabs(z) > r) tail.push_back(std::fabs(z));
        }
        log.add("normal KS" + s, cbrng_test::ks_pvalue(all, cbrng_test::normal_cdf));
        const auto [pm, pv] = cbrng_test::moment_pvalues(all, 0, 1, 3);
        log.add("normal mean" + s, pm);
        log.add("normal variance" + s, pv);
        // The tail beyond r: how often, and its conditional CDF.
        const double ptail = std::erfc(r / std::sqrt(2.0));
        const double nt = static_cast<double>(n);
        log.add("normal tail count" + s,
                cbrng_test::normal_two_sided((static_cast<double>(tail.size()) - nt * ptail) /
                                             std::sqrt(nt * ptail * (1 - ptail))));
        log.add("normal tail KS" + s, cbrng_test::ks_pvalue(tail, [ptail](double x) {
                    return 1 - std::erfc(x / std::sqrt(2.0)) / ptail;
                }));
        const double pf = fast_rate(d::ziggurat_normal{});
        log.add("normal fast-path rate" + s,
                cbrng_test::normal_two_sided((static_cast<double>(one_draw) - nt * pf) /
                                             std::sqrt(nt * pf * (1 - pf))));

        cbrng_test::counting_urbg<std::mt19937_64> h{std::mt19937_64{11 + t}};
        std::vector<double> eall;
        std::vector<double> etail;  // x - r beyond r
        const double er = d::ziggurat_exponential::r;
        one_draw = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t before = h.calls();
            const double x = d::ziggurat_exponential_variate(h);
            if (h.calls() - before == 1) ++one_draw;
            if (i < 200000) eall.push_back(x);
            if (x > er) etail.push_back(x - er);
        }
        log.add("exponential KS" + s,
                cbrng_test::ks_pvalue(eall, [](double x) { return -std::expm1(-x); }));
        const auto [em, ev] = cbrng_test::moment_pvalues(eall, 1, 1, 9);
        log.add("exponential mean" + s, em);
        log.add("exponential variance" + s, ev);
        const double petail = std::exp(-er);
        log.add("exponential tail count" + s,
                cbrng_test::normal_two_sided((static_cast<double>(etail.size()) - nt * petail) /
                                             std::sqrt(nt * petail * (1 - petail))));
        log.add("exponential tail KS" + s,
                cbrng_test::ks_pvalue(etail, [](double x) { return -std::expm1(-x); }));
        const double pe = fast_rate(d::ziggurat_exponential{});
        log.add("exponential fast-path rate" + s,
                cbrng_test::normal_two_sided((static_cast<double>(one_draw) - nt * pe) /
                                             std::sqrt(nt * pe * (1 - pe))));
    }
    log.require_within_budget();
}

TEST_CASE("ziggurat fast path: layer, sign and j taken from the draw's bits", "[ziggurat]") {
    // Through the distributions that use them: see tests/support/golden_distributions.hpp
    // (gamma, chi_squared, student_t, fisher_f, beta, negative_binomial). Here: the
    // sign and layer bits of the fast path, from hand-made draws.
    struct fixed_urbg {
        using result_type = std::uint64_t;
        std::uint64_t word;
        static constexpr result_type min() { return 0; }
        static constexpr result_type max() { return ~result_type{0}; }
        result_type operator()() { return word; }
    };
    // Layer 3, sign bit set, j = 2^52: z = -2^52 w[3] = -x[3] / 2.
    fixed_urbg g{(std::uint64_t{1} << 63) | (1u << 8) | 3u};
    CHECK(d::ziggurat_normal_variate(g) == -0.5 * std::ldexp(d::ziggurat_normal::w(3), 53));
    fixed_urbg e{(std::uint64_t{1} << 63) | 3u};
    CHECK(d::ziggurat_exponential_variate(e) ==
          0.5 * std::ldexp(d::ziggurat_exponential::w(3), 53));
}
