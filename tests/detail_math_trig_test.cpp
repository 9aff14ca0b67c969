// Tests include/cbrng/detail/math_trig.hpp: tan_pi measured in ulps against
// a long-double reference over millions of inputs across the whole domain
// (the maximum is printed for docs/distributions.md), its symmetries and
// exact points, constant evaluation, and the reduction's exactness.
#include <cbrng/detail/fp.hpp>
#include <cbrng/detail/math_trig.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include <catch2/catch.hpp>

namespace {

namespace d = cbrng::detail;

/// |got - ref| in units of the double ulp at ref.
double ulp_error(double got, long double ref) {
    int e = 0;
    std::frexp(static_cast<double>(ref), &e);
    const long double ulp = std::ldexp(1.0L, e - 53);
    return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / ulp);
}

/// tan(pi t) in long double, with the same exact reduction as tan_pi (for
/// |t| > 1/4, 1 / tan(pi (1/2 - |t|)), 1/2 - |t| exact), so the reference is
/// well conditioned everywhere; its own error (64-bit significand on x86, 113
/// on aarch64/s390x) is far below a double ulp.
long double tan_pi_ref(double t) {
    const long double pi = 3.141592653589793238462643383279502884L;
    const long double a = std::fabs(static_cast<long double>(t));
    const long double r = a <= 0.25L ? std::tan(pi * a) : 1.0L / std::tan(pi * (0.5L - a));
    return t < 0 ? -r : r;
}

struct max_error {
    double ulps = 0;
    double at = 0;
    std::uint64_t count = 0;
    void add(double t) {
        ++count;
        const double e = ulp_error(d::tan_pi(t), tan_pi_ref(t));
        if (e > ulps) {
            ulps = e;
            at = t;
        }
    }
};

}  // namespace

TEST_CASE("detail::tan_pi is below 1 ulp over 4 million inputs", "[math][trig]") {
    std::mt19937_64 g{12};
    max_error m;
    for (int i = 0; i < 1000000; ++i) {
        // The cauchy grid itself: t = u - 1/2, u = (2j + 1) 2^-53.
        m.add(static_cast<double>(2 * (g() >> 12) + 1) * 0x1p-53 - 0.5);
        // Every binade of |t| down to 2^-60 (near 0) ...
        const double small =
            std::ldexp(static_cast<double>((g() >> 11) | 1) * 0x1p-53, -static_cast<int>(g() % 60));
        const double t = small * 0.5;  // in (0, 1/2)
        m.add((g() & 1) != 0 ? t : -t);
        // ... and of 1/2 - |t| (near the poles), down to 2^-53.
        const double near_pole = 0.5 - std::ldexp(static_cast<double>((g() >> 11) | 1) * 0x1p-54,
                                                  -static_cast<int>(g() % 52));
        if (near_pole > 0 && near_pole < 0.5) m.add((g() & 1) != 0 ? near_pole : -near_pole);
        // Around the branch points 1/4 and 0.6744 / pi.
        m.add(
            0.25 +
            std::ldexp(static_cast<double>(static_cast<std::int64_t>(g() >> 40) - (1 << 23)), -40));
    }
    WARN("detail::tan_pi max error " << m.ulps << " ulp at t = " << std::hexfloat << m.at
                                     << std::defaultfloat << " over " << m.count << " inputs");
    CHECK(m.count > 3900000);
    CHECK(m.ulps < 1.0);
}

TEST_CASE("detail::tan_pi symmetries and exact points", "[math][trig]") {
    CHECK(d::tan_pi(0.25) == 1.0);
    CHECK(d::tan_pi(-0.25) == -1.0);
    // The largest magnitude on the cauchy grid, about 1 / (pi 2^-53).
    const double edge = 0.5 - 0x1p-53;
    CHECK(d::tan_pi(edge) == Approx(1 / (3.14159265358979323846 * 0x1p-53)));
    CHECK(std::isfinite(d::tan_pi(edge)));
    // Tiny t: tan(pi t) = pi t to double precision.
    CHECK(d::tan_pi(0x1p-60) == Approx(3.14159265358979323846 * 0x1p-60).epsilon(1e-16));
    std::mt19937_64 g{3};
    for (int i = 0; i < 100000; ++i) {
        const double t = static_cast<double>(2 * (g() >> 12) + 1) * 0x1p-53 - 0.5;
        REQUIRE(d::tan_pi(-t) == -d::tan_pi(t));
        // tan(pi (1/2 - t)) = 1 / tan(pi t): within an ulp or two of each other.
        if (t > 0) REQUIRE(d::tan_pi(0.5 - t) == Approx(1 / d::tan_pi(t)).epsilon(4e-16));
        // Monotonic on the grid's neighbours.
        const double t2 = t + 0x1p-52;
        if (t2 < 0.5) REQUIRE(d::tan_pi(t2) >= d::tan_pi(t));
    }
}

#if CBRNG_HAS_CONSTEXPR_FP
TEST_CASE("detail::tan_pi at compile time equals run time", "[math][trig]") {
    constexpr double c1 = d::tan_pi(0.1);
    constexpr double c2 = d::tan_pi(-0.4375);
    constexpr double c3 = d::tan_pi(0.5 - 0x1p-53);
    volatile double t1 = 0.1, t2 = -0.4375, t3 = 0.5 - 0x1p-53;
    CHECK(d::to_bits(c1) == d::to_bits(d::tan_pi(t1)));
    CHECK(d::to_bits(c2) == d::to_bits(d::tan_pi(t2)));
    CHECK(d::to_bits(c3) == d::to_bits(d::tan_pi(t3)));
}
#endif
