// The tests shared by tests/distributions_piecewise_constant_test.cpp and
// tests/distributions_piecewise_linear_test.cpp: Kolmogorov-Smirnov against
// the exact CDF with a computed failure budget (double and float, several
// shapes), the range [b_0, b_n), fixed consumption and variate_at, the std
// constructors and accessors, errors and text I/O. The including file defines
// CBRNG_PIECEWISE_NAME (the test-name prefix), and, inside an unnamed
// namespace, `constexpr bool linear` and `template <class R> using dist`.
#ifndef CBRNG_TESTS_PIECEWISE_TEST_BODY_HPP
#define CBRNG_TESTS_PIECEWISE_TEST_BODY_HPP

#include <cbrng/distributions/random_access.hpp>
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

#include "stats_util.hpp"
#include "urbg_util.hpp"

namespace {

/// The exact CDF for boundaries b and weights w (in long double).
struct exact_cdf {
    std::vector<long double> b;
    std::vector<long double> w;
    std::vector<long double> mass;  // per interval, normalised
    exact_cdf(const std::vector<double>& bb, const std::vector<double>& ww)
        : b(bb.begin(), bb.end()), w(ww.begin(), ww.end()) {
        long double total = 0;
        for (std::size_t i = 0; i + 1 < b.size(); ++i) {
            const long double m = linear ? (w[i] + w[i + 1]) / 2 * (b[i + 1] - b[i]) : w[i];
            mass.push_back(m);
            total += m;
        }
        for (auto& m : mass) m /= total;
    }
    double operator()(double x) const {
        long double f = 0;
        for (std::size_t i = 0; i + 1 < b.size(); ++i) {
            if (x >= b[i + 1]) {
                f += mass[i];
                continue;
            }
            if (x <= b[i]) break;
            const long double t = (x - b[i]) / (b[i + 1] - b[i]);
            if (linear) {
                const long double a = w[i];
                const long double c = w[i + 1];
                f += mass[i] * (a * t + (c - a) * t * t / 2) / ((a + c) / 2);
            } else {
                f += mass[i] * t;
            }
            break;
        }
        return static_cast<double>(f);
    }
};

template <class R, class Gen>
void check_ks(cbrng_test::pvalue_log& log, const std::vector<double>& b,
              const std::vector<double>& w, Gen gen, const std::string& name, int n = 100000) {
    const std::vector<R> br(b.begin(), b.end());
    const std::vector<R> wr(w.begin(), w.end());
    const dist<R> d(br.begin(), br.end(), wr.begin());
    std::vector<double> x(static_cast<std::size_t>(n));
    for (auto& v : x) {
        const R r = d(gen);
        if (!(r >= br.front() && r < br.back())) FAIL("variate outside [b_0, b_n)");
        v = static_cast<double>(r);
    }
    log.add(name, cbrng_test::ks_pvalue(x, exact_cdf(b, w)));
}

}  // namespace

TEST_CASE(CBRNG_PIECEWISE_NAME ": distribution (KS against the exact CDF, computed budget)",
          "[" CBRNG_PIECEWISE_NAME "][stats]") {
    cbrng_test::pvalue_log log;
    const std::vector<double> b3{0, 1, 3, 3.5};
    const std::vector<double> w3 =
        linear ? std::vector<double>{0, 2, 1, 0.5} : std::vector<double>{1, 2, 0.5};
    check_ks<double>(log, b3, w3, cbrng::philox4x32{1}, "3 intervals double");
    check_ks<float>(log, b3, w3, std::mt19937_64{2}, "3 intervals float");
    const std::vector<double> b1{-2, 5};
    const std::vector<double> w1 = linear ? std::vector<double>{3, 0} : std::vector<double>{1};
    check_ks<double>(log, b1, w1, cbrng::philox4x64{3}, "one interval");
    std::vector<double> bm;
    std::vector<double> wm;
    std::mt19937_64 r{4};
    for (int i = 0; i <= 50; ++i) bm.push_back(i * 0.1 + static_cast<double>(r() % 7) * 1e-3);
    for (std::size_t i = 0; i < (linear ? bm.size() : bm.size() - 1); ++i)
        wm.push_back(static_cast<double>(r() % 100));
    check_ks<double>(log, bm, wm, std::mt19937{5}, "50 intervals");
    const std::vector<double> wz =
        linear ? std::vector<double>{1, 0, 0, 1} : std::vector<double>{1, 0, 1};
    check_ks<double>(log, b3, wz, cbrng::philox4x32{6}, "a zero-weight interval");
    log.require_within_budget();
}

TEST_CASE(CBRNG_PIECEWISE_NAME ": fixed consumption, variate_at, range",
          "[" CBRNG_PIECEWISE_NAME "]") {
    using D = dist<double>;
    using F = dist<float>;
    STATIC_REQUIRE(D::fixed_consumption);
    STATIC_REQUIRE(D::words_per_variate<cbrng::philox4x32>() == 4);
    STATIC_REQUIRE(F::words_per_variate<cbrng::philox4x32>() == 3);
    STATIC_REQUIRE(D::words_per_variate<std::mt19937_64>() == 2);
    const std::vector<double> b{0, 1e-300, 1, 1 + 0x1p-52};
    const std::vector<double> w(linear ? 4 : 3, 1.0);
    D d(b.begin(), b.end(), w.begin());
    cbrng_test::counting_urbg<std::mt19937> g{std::mt19937{1}};
    for (int i = 0; i < 100; ++i) {
        const double x = d(g);
        REQUIRE((x >= 0 && x < 1 + 0x1p-52));
    }
    CHECK(g.calls() == 400);
    cbrng::philox4x32 p{7};
    const cbrng::philox4x32 start = p;
    for (std::uint64_t i = 0; i < 200; ++i) CHECK(cbrng::variate_at(start, d, i) == d(p));
    // All-ones words: u just below 1 still lands below its interval's end.
    cbrng_test::script64 ones{~std::uint64_t{0}};
    const double top = d(ones);
    CHECK(top < b.back());
    CHECK(top >= b[1]);  // the top of interval 1 or 2
}

TEST_CASE(CBRNG_PIECEWISE_NAME ": std constructors and accessors", "[" CBRNG_PIECEWISE_NAME "]") {
    const dist<double> def;
    CHECK(def.intervals() == std::vector<double>{0, 1});
    CHECK(def.densities() == std::vector<double>(linear ? 2 : 1, 1.0));
    CHECK(def.min() == 0);
    CHECK(def.max() == 1);
    const std::vector<double> b{0, 1, 3};
    const std::vector<double> w = linear ? std::vector<double>{1, 1, 1} : std::vector<double>{1, 3};
    const dist<double> it(b.begin(), b.end(), w.begin());
    CHECK(it.intervals() == b);
    if (linear) {
        CHECK(it.densities() == std::vector<double>{1.0 / 3, 1.0 / 3, 1.0 / 3});
    } else {
        CHECK(it.densities() == std::vector<double>{0.25, 0.375});
    }
    // From a weight function: midpoints (constant) or boundaries (linear).
    const dist<double> fn({0.0, 1.0, 3.0}, [](double x) { return x; });
    if (linear) {
        CHECK(fn.param().weights() == std::vector<double>{0, 1, 3});
    } else {
        CHECK(fn.param().weights() == std::vector<double>{0.5, 2});
    }
    const dist<double> nw(4, 0.0, 8.0, [](double) { return 1.0; });
    CHECK(nw.intervals() == std::vector<double>{0, 2, 4, 6, 8});
    CHECK(it == dist<double>(b.begin(), b.end(), w.begin()));
    CHECK(it != def);
    dist<double> copy;
    copy.param(it.param());
    CHECK(copy == it);
}

TEST_CASE(CBRNG_PIECEWISE_NAME ": text form and errors", "[" CBRNG_PIECEWISE_NAME "]") {
    const std::vector<double> b{-1, 0.5, 2};
    const std::vector<double> w =
        linear ? std::vector<double>{0.25, 1, 0} : std::vector<double>{3, 1};
    const dist<double> a(b.begin(), b.end(), w.begin());
    std::stringstream ss;
    ss << a;
    dist<double> r;
    ss >> r;
    REQUIRE(!ss.fail());
    CHECK(r == a);
    cbrng::philox4x32 g1{3};
    cbrng::philox4x32 g2{3};
    for (int i = 0; i < 10; ++i) CHECK(a(g1) == r(g2));
    const dist<float> af({0.0f, 0.5f}, [](float) { return 2.0f; });
    std::stringstream sf;
    sf << af;
    dist<float> rf;
    sf >> rf;
    CHECK(rf == af);
    for (const char* bad : {"1 0x0p+0 0x1p+0", "2 0x1p+0 0x0p+0 0x1p+0 0x1p+0",
                            "2 0x0p+0 0x1p+0 -0x1p+0 0x1p+0", "3 0x0p+0", "x", ""}) {
        std::stringstream bs{bad};
        dist<double> keep(b.begin(), b.end(), w.begin());
        bs >> keep;
        CHECK(bs.fail());
        CHECK(keep == a);
    }
    using D = dist<double>;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> one{0};
    const std::vector<double> ws(3, 1.0);
    CHECK_THROWS_AS(D(one.begin(), one.end(), ws.begin()), std::invalid_argument);
    const std::vector<double> down{0, 2, 1};
    CHECK_THROWS_AS(D(down.begin(), down.end(), ws.begin()), std::invalid_argument);
    const std::vector<double> same{0, 1, 1};
    CHECK_THROWS_AS(D(same.begin(), same.end(), ws.begin()), std::invalid_argument);
    const std::vector<double> nanb{0, nan, 1};
    CHECK_THROWS_AS(D(nanb.begin(), nanb.end(), ws.begin()), std::invalid_argument);
    const std::vector<double> huge{-1.7e308, 1.7e308};
    CHECK_THROWS_AS(D(huge.begin(), huge.end(), ws.begin()), std::invalid_argument);
    const std::vector<double> ok{0, 1, 2};
    const std::vector<double> neg{1, -1, 1};
    CHECK_THROWS_AS(D(ok.begin(), ok.end(), neg.begin()), std::invalid_argument);
    const std::vector<double> infw{1, inf, 1};
    CHECK_THROWS_AS(D(ok.begin(), ok.end(), infw.begin()), std::invalid_argument);
    const std::vector<double> zero{0, 0, 0};
    CHECK_THROWS_AS(D(ok.begin(), ok.end(), zero.begin()), std::invalid_argument);
    CHECK_THROWS_AS(D(0, 0.0, 1.0, [](double) { return 1.0; }), std::invalid_argument);
    CHECK_THROWS_AS(D::param_type(std::vector<double>{0, 1}, std::vector<double>(5, 1.0)),
                    std::invalid_argument);
}

#endif  // CBRNG_TESTS_PIECEWISE_TEST_BODY_HPP
