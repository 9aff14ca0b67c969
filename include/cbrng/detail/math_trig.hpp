// cbrng/detail/math_trig.hpp: the tangent the Cauchy distribution needs,
// carried by the library so that no result depends on the platform's libm.
//
// tan_pi(t) = tan(pi * t) for t in (-1/2, 1/2), t != 0: the only form the
// distributions use (cauchy: t = u - 1/2 for u strictly inside (0, 1)), which
// makes the argument reduction simple and exact:
//
//  - symmetry: tan(pi * t) = sign(t) * tan(pi * |t|);
//  - for |t| <= 1/4, s = |t| and tan(pi * s) is wanted; for |t| > 1/4,
//    s = 1/2 - |t| (exact, Sterbenz) and tan(pi * |t|) = 1 / tan(pi * s);
//    either way s is in (0, 1/4], so pi * s is in (0, pi/4];
//  - x + y = pi * s as a double-double: Dekker's exact product of s with the
//    double nearest pi (Veltkamp splitting, no FMA needed), plus s times the
//    next 53 bits of pi, renormalised; the relative error of x + y is about
//    2^-104;
//  - tan(x + y) or -1 / tan(x + y) on [0, pi/4] by the method of fdlibm's
//    k_tan.c (Sun Microsystems 2004): an odd polynomial of degree 27 with the
//    published coefficients T0..T12, the identity
//    tan(pi/4 - z) = 1 - 2 (tan z - tan^2 z / (1 + tan z)) above 0.6744, and
//    the compensated reciprocal for the cotangent.
//
// Like detail::log, each step is a correctly rounded IEEE operation with every
// inexact product guarded by detail::fp_mul, so the result is the same bits on
// every compiler, -O level, -march, SIMD back end and CUDA device. Changing
// anything here is an OUTPUT CHANGE of cauchy_distribution. Measured error:
// docs/distributions.md (tests/detail_math_test.cpp prints it).
#ifndef CBRNG_DETAIL_MATH_TRIG_HPP
#define CBRNG_DETAIL_MATH_TRIG_HPP

#include <cstdint>

#include "../config.hpp"
#include "fp.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Constants of tan_pi. t0..t12, pio4, pio4_lo: fdlibm k_tan.c's T[0..12],
/// pi/4 and its tail, as published.
struct tan_constants {
    static constexpr double t0 = 3.33333333333334091986e-01;       // 0x3fd5555555555563
    static constexpr double t1 = 1.33333333333201242699e-01;       // 0x3fc111111110fe7a
    static constexpr double t2 = 5.39682539762260521377e-02;       // 0x3faba1ba1bb341fe
    static constexpr double t3 = 2.18694882948595424599e-02;       // 0x3f9664f48406d637
    static constexpr double t4 = 8.86323982359930005737e-03;       // 0x3f8226e3e96e8493
    static constexpr double t5 = 3.59207910759131235356e-03;       // 0x3f6d6d22c9560328
    static constexpr double t6 = 1.45620945432529025516e-03;       // 0x3f57dbc8fee08315
    static constexpr double t7 = 5.88041240820264096874e-04;       // 0x3f4344d8f2f26501
    static constexpr double t8 = 2.46463134818469906812e-04;       // 0x3f3026f71a8d1068
    static constexpr double t9 = 7.81794442939557092300e-05;       // 0x3f147e88a03792a6
    static constexpr double t10 = 7.14072491382608190305e-05;      // 0x3f12b80f32f0a7e9
    static constexpr double t11 = -1.85586374855275456654e-05;     // 0xbef375cbdb605373
    static constexpr double t12 = 2.59073051863633712884e-05;      // 0x3efb2a7074bf7ad4
    static constexpr double pio4 = 7.85398163397448278999e-01;     // 0x3fe921fb54442d18
    static constexpr double pio4_lo = 3.06161699786838301793e-17;  // 0x3c81a62633145c07
    /// Above this (0x3fe5942800000000), tan uses the pi/4 - z identity.
    static constexpr double big = 0x1.5942800000000p-1;
    /// pi = pi_hi + pi_lo + O(2^-106); pi_hi = pi_hi_hi + pi_hi_lo with
    /// 26-bit halves (its Veltkamp split, for the exact product).
    static constexpr double pi_hi = 0x1.921fb54442d18p+1;
    static constexpr double pi_lo = 0x1.1a62633145c07p-53;
    static constexpr double pi_hi_hi = 0x1.921fb58000000p+1;
    static constexpr double pi_hi_lo = -0x1.dde9740000000p-26;
    /// 2^27 + 1, Veltkamp's splitting constant for doubles.
    static constexpr double splitter = 134217729.0;
    /// Clears the low 32 bits of a double (fdlibm's __LO(x) = 0).
    static constexpr std::uint64_t high_word_mask = 0xffffffff00000000u;
};

/// x with its low 32 significand bits cleared: a value whose products with
/// another such value are exact.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double high_word(double x) noexcept {
    return double_from_bits(to_bits(x) & tan_constants::high_word_mask);
}

/// tan(x + y) (odd = false) or -1 / tan(x + y) (odd = true) for
/// 0 < x <= pi/4 (plus a hair) and |y| <= ulp(x) / 2. This exact sequence
/// is the reference for any vector version.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double tan_kernel(double x, double y,
                                                                     bool odd) noexcept {
    using c = tan_constants;
    const bool big = x >= c::big;
    if (big) {
        x = (c::pio4 - x) + (c::pio4_lo - y);
        y = 0.0;
    }
    const double z = fp_mul(x, x);
    const double w = fp_mul(z, z);
    double r =
        c::t1 +
        fp_mul(w,
               c::t3 + fp_mul(w, c::t5 + fp_mul(w, c::t7 + fp_mul(w, c::t9 + fp_mul(w, c::t11)))));
    double v = fp_mul(
        z,
        c::t2 +
            fp_mul(w, c::t4 +
                          fp_mul(w, c::t6 +
                                        fp_mul(w, c::t8 + fp_mul(w, c::t10 + fp_mul(w, c::t12))))));
    const double s = fp_mul(z, x);
    r = y + fp_mul(z, fp_mul(s, r + v) + y);
    r = r + fp_mul(c::t0, s);
    const double sum = x + r;
    if (big) {
        const double one = odd ? -1.0 : 1.0;
        return one - 2.0 * (x - (fp_mul(sum, sum) / (sum + one) - r));
    }
    if (!odd) return sum;
    // -1 / (x + r), compensated: a = -1 / sum, corrected by the residual of
    // the split products (all exact but the last two).
    const double zh = high_word(sum);
    const double vv = r - (zh - x);  // zh + vv = x + r
    const double a = -1.0 / sum;
    const double th = high_word(a);
    const double e = 1.0 + fp_mul(th, zh);
    return th + fp_mul(a, e + fp_mul(th, vv));
}

/// tan(pi * t) for t in (-1/2, 1/2), t != 0 (other inputs: unspecified).
/// Bit-stable; error measured in docs/distributions.md. The largest result
/// magnitude, at |t| = 1/2 - 2^-53, is about 2.87e15.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double tan_pi(double t) noexcept {
    using c = tan_constants;
    const double at = t < 0.0 ? -t : t;
    const bool odd = at > 0.25;
    const double s = odd ? 0.5 - at : at;  // exact
    // hi + lo = pi_hi * s exactly (Dekker), then + pi_lo * s.
    const double hi = fp_mul(c::pi_hi, s);
    const double sc = fp_mul(c::splitter, s);
    const double s_hi = sc - (sc - s);
    const double s_lo = s - s_hi;
    double lo =
        ((fp_mul(c::pi_hi_hi, s_hi) - hi) + fp_mul(c::pi_hi_hi, s_lo) + fp_mul(c::pi_hi_lo, s_hi)) +
        fp_mul(c::pi_hi_lo, s_lo);
    lo = lo + fp_mul(c::pi_lo, s);
    const double x = hi + lo;
    const double y = lo - (x - hi);
    const double r = tan_kernel(x, y, odd);
    const double m = odd ? -r : r;  // tan(pi * |t|)
    return t < 0.0 ? -m : m;
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_MATH_TRIG_HPP
