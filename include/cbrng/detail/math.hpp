// cbrng/detail/math.hpp: the elementary functions the distributions need,
// carried by the library so that no result depends on the platform's libm.
//
// Each function is a fixed sequence of correctly rounded IEEE operations (+, -,
// *, /, sqrt) with every inexact product guarded by detail::fp_mul, so it
// returns the same bits on every compiler, optimisation level, -march, SIMD
// back end and CUDA device. The SIMD transforms (detail/simd/kernels/
// transform.inl, on the ops_real_* vector layers) replicate these sequences
// lane by lane; any change here is an OUTPUT CHANGE and must be mirrored there.
//
//  - log(x): argument reduction x = 2^k * m with m in [sqrt(1/2), sqrt(2)),
//    then log(m) = f - f^2/2 + s*(f^2/2 + R(s^2)) with f = m - 1,
//    s = f / (2 + f), R a degree-7 minimax polynomial in s^2 (the method of
//    fdlibm's e_log.c, Sun Microsystems 1993, whose published coefficients
//    Lg1..Lg7 and ln2_hi/ln2_lo are used). Measured error: see
//    docs/distributions.md (tests/detail_math_test.cpp prints it).
//  - exp(x), expm1(x), log1p(x): the methods of fdlibm's e_exp.c, s_expm1.c
//    and s_log1p.c (Sun Microsystems 1993) with their published coefficients:
//    Cody-Waite reduction x = k ln 2 + r (ln 2 split in ln2_hi + ln2_lo),
//    a degree-5 minimax polynomial in r^2, scaling by 2^k; log1p carries the
//    rounding of 1 + x as a correction term. Own code; special values as
//    IEEE 754 / C99 Annex F. Measured error below 1 ulp (docs/distributions.md).
//  - lgamma(x) for x > 0, log_factorial(k), stirling_correction(k): Stirling's
//    series (8 terms) from 10 up, the Taylor series of log Gamma(2 + t) with
//    exact reductions below; exact k! for k <= 20.
//  - sqrt(x): the IEEE correctly rounded square root (hardware instruction;
//    __dsqrt_rn on CUDA devices).
//  - normal_quantile(p): the standard normal inverse CDF by Wichura's
//    algorithm AS 241, PPND16 (Applied Statistics 37(3), 1988, 477-484),
//    rational approximations with the published coefficients, relative
//    accuracy about 1e-16 before rounding.
#ifndef CBRNG_DETAIL_MATH_HPP
#define CBRNG_DETAIL_MATH_HPP

#include <cstdint>

#include "../config.hpp"
#include "fp.hpp"

#if !CBRNG_DEVICE_PASS && !CBRNG_HAS_GNU_ASM
#include <cmath>
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Constants of the logarithm (fdlibm e_log.c). ln2_hi has 21 trailing zero
/// bits, so k * ln2_hi is exact for every exponent k.
struct log_constants {
    static constexpr double ln2_hi = 6.93147180369123816490e-01;  // 0x3fe62e42fee00000
    static constexpr double ln2_lo = 1.90821492927058770002e-10;  // 0x3dea39ef35793c76
    static constexpr double lg1 = 6.666666666666735130e-01;       // 0x3fe5555555555593
    static constexpr double lg2 = 3.999999999940941908e-01;       // 0x3fd999999997fa04
    static constexpr double lg3 = 2.857142874366239149e-01;       // 0x3fd2492494229359
    static constexpr double lg4 = 2.222219843214978396e-01;       // 0x3fcc71c51d8e78af
    static constexpr double lg5 = 1.818357216161805012e-01;       // 0x3fc7466496cb03de
    static constexpr double lg6 = 1.531383769920937332e-01;       // 0x3fc39a09d078c69f
    static constexpr double lg7 = 1.479819860511658591e-01;       // 0x3fc2f112df3e5244
    /// Bits of the double nearest sqrt(1/2): the reduction boundary.
    static constexpr std::uint64_t sqrt_half_bits = 0x3fe6a09e667f3bcdu;
    static constexpr std::uint64_t one_bits = 0x3ff0000000000000u;
    static constexpr std::uint64_t mantissa_mask = 0x000fffffffffffffu;
};

/// log(m * 2^k) for the reduced m in [sqrt(1/2), sqrt(2)) and exponent k
/// (as an exact double). This exact sequence is replicated by the SIMD back
/// ends.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double log_reduced(double m,
                                                                      double dk) noexcept {
    using c = log_constants;
    const double f = m - 1.0;
    const double hfsq = fp_mul(fp_mul(f, f), 0.5);
    const double s = f / (2.0 + f);
    const double z = fp_mul(s, s);
    const double w = fp_mul(z, z);
    const double t1 = fp_mul(w, c::lg2 + fp_mul(w, c::lg4 + fp_mul(w, c::lg6)));
    const double t2 = fp_mul(z, c::lg1 + fp_mul(w, c::lg3 + fp_mul(w, c::lg5 + fp_mul(w, c::lg7))));
    const double r = t2 + t1;
    return fp_mul(dk, c::ln2_hi) - ((hfsq - (fp_mul(s, hfsq + r) + fp_mul(dk, c::ln2_lo))) - f);
}

/// Natural logarithm, IEEE semantics for special values: log(+-0) = -inf,
/// log(x < 0) = NaN, log(+inf) = +inf, log(NaN) = NaN, log(1) = +0.
/// Error: below 1 ulp (measured maximum in docs/distributions.md). Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double log(double x) noexcept {
    using c = log_constants;
    std::uint64_t u = to_bits(x);
    int k = 0;
    if (u >= 0x7ff0000000000000u || u < 0x0010000000000000u) {
        if ((u << 1) == 0) return -double_from_bits(0x7ff0000000000000u);  // +-0
        if ((u >> 63) != 0) return double_from_bits(0x7ff8000000000000u);  // x < 0, -NaN
        if (u >= 0x7ff0000000000000u) return x;                            // +inf, NaN
        u = to_bits(x * 0x1p54);                                           // subnormal: exact
        k = -54;
    }
    u += c::one_bits - c::sqrt_half_bits;
    k += static_cast<int>(u >> 52) - 0x3ff;
    const double m = double_from_bits((u & c::mantissa_mask) + c::sqrt_half_bits);
    return log_reduced(m, static_cast<double>(k));
}

/// Constants of the exponential functions: fdlibm's e_exp.c and s_expm1.c
/// (Sun Microsystems 1993), published coefficients P1..P5 (a minimax
/// polynomial for R(r^2) = r * (e^r + 1) / (e^r - 1) on |r| <= 0.5 ln 2) and
/// Q1..Q5 (the same idea for expm1), the overflow and underflow thresholds,
/// and 1/ln 2. ln2_hi and ln2_lo are those of log_constants.
struct exp_constants {
    static constexpr double invln2 = 1.44269504088896338700e+00;  // 0x3ff71547652b82fe
    static constexpr double p1 = 1.66666666666666019037e-01;      // 0x3fc555555555553e
    static constexpr double p2 = -2.77777777770155933842e-03;     // 0xbf66c16c16bebd93
    static constexpr double p3 = 6.61375632143793436117e-05;      // 0x3f11566aaf25de2c
    static constexpr double p4 = -1.65339022054652515390e-06;     // 0xbebbbd41c5d26bf1
    static constexpr double p5 = 4.13813679705723846039e-08;      // 0x3e66376972bea4d0
    static constexpr double q1 = -3.33333333333331316428e-02;     // 0xbfa11111111110f4
    static constexpr double q2 = 1.58730158725481460165e-03;      // 0x3f5a01a019fe5585
    static constexpr double q3 = -7.93650757867487942473e-05;     // 0xbf14ce199eaadbb7
    static constexpr double q4 = 4.00821782732936239552e-06;      // 0x3ed0cfca86e65239
    static constexpr double q5 = -2.01099218183624371326e-07;     // 0xbe8afdb76e09c32d
    /// exp(x) overflows above this (the double below ln(DBL_MAX) rounded up).
    static constexpr double overflow = 7.09782712893383973096e+02;  // 0x40862e42fefa39ef
    /// exp(x) rounds to 0 below this.
    static constexpr double underflow = -7.45133219101941108420e+02;  // 0xc0874910d52d3051
    /// expm1(x) rounds to -1 below -56 ln 2.
    static constexpr double expm1_minus_one = -3.8816242111356935e+01;  // 0xc043687a9f1af2b1
};

/// 2^k as a double, for -1022 <= k <= 1023 (built from its encoding, exact).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double pow2i(int k) noexcept {
    return double_from_bits(static_cast<std::uint64_t>(k + 0x3ff) << 52);
}

/// y * 2^k for -1100 < k <= 1024 and y in [0.5, 4): exact unless the result
/// is subnormal, where it is rounded once (correctly, so the same everywhere).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double scale2(double y, int k) noexcept {
    if (k > 1023) return fp_mul(y * 2.0, pow2i(1023));
    if (k >= -1021) return fp_mul(y, pow2i(k));
    return fp_mul(fp_mul(y, pow2i(k + 1000)), pow2i(-1000));
}

/// The integer nearest x / ln 2 (ties away from zero), for |x| < 2^30: the
/// exponent of the argument reduction x = k ln 2 + r, |r| <= ln 2 / 2 (plus a
/// rounding).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR int exp_reduction_k(double x) noexcept {
    return static_cast<int>(fp_mul(x, exp_constants::invln2) + (x < 0.0 ? -0.5 : 0.5));
}

/// e^x, IEEE semantics for special values: exp(NaN) = NaN, exp(+inf) = +inf,
/// exp(-inf) = +0, overflow to +inf above 709.78, gradual underflow to +0
/// below -745.13, exp(+-0) = 1. Method of fdlibm's e_exp.c: x = k ln 2 + r
/// with ln 2 split in two (Cody-Waite) so r is nearly exact, then
/// e^r = 1 + 2r / (R(r^2) - r) with a degree-5 minimax polynomial R, and the
/// result scaled by 2^k. Error: below 1 ulp (measured maximum in
/// docs/distributions.md). Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double exp(double x) noexcept {
    using c = exp_constants;
    using l = log_constants;
    if (is_nan(x)) return x;
    if (x > c::overflow) return double_from_bits(0x7ff0000000000000u);
    if (x < c::underflow) return 0.0;
    const double ax = x < 0.0 ? -x : x;
    if (ax < 0x1p-28) return 1.0 + x;
    const int k = exp_reduction_k(x);
    const double dk = static_cast<double>(k);
    const double hi = x - fp_mul(dk, l::ln2_hi);  // exact: k ln2_hi has 43 bits
    const double lo = fp_mul(dk, l::ln2_lo);
    const double r = hi - lo;
    const double t = fp_mul(r, r);
    const double p =
        r -
        fp_mul(t,
               c::p1 + fp_mul(t, c::p2 + fp_mul(t, c::p3 + fp_mul(t, c::p4 + fp_mul(t, c::p5)))));
    const double y = 1.0 - ((lo - fp_mul(r, p) / (2.0 - p)) - hi);
    return k == 0 ? y : scale2(y, k);
}

/// e^x - 1, accurate near 0 where exp(x) - 1 would cancel. IEEE semantics:
/// expm1(NaN) = NaN, expm1(+inf) = +inf, expm1(-inf) = -1, expm1(+-0) = +-0,
/// overflow to +inf above 709.78. Method of fdlibm's s_expm1.c: the same
/// reduction as exp, a rational form with the degree-5 minimax polynomial
/// Q1..Q5 for the reduced argument, and a correction term carrying the
/// reduction's rounding; the branches on k recombine e^r - 1 and 2^k without
/// cancellation. Error: below 1 ulp (measured maximum in docs/distributions.md).
/// Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double expm1(double x) noexcept {
    using c = exp_constants;
    using l = log_constants;
    if (is_nan(x)) return x;
    if (x > c::overflow) return double_from_bits(0x7ff0000000000000u);
    if (x < c::expm1_minus_one) return -1.0;
    const double ax = x < 0.0 ? -x : x;
    if (ax < 0x1p-54) return x;  // also +-0
    int k = 0;
    double r = x;
    double corr = 0.0;  // r + corr is the exact reduced argument
    if (ax > 0.5 * l::ln2_hi) {
        k = exp_reduction_k(x);
        const double dk = static_cast<double>(k);
        const double hi = x - fp_mul(dk, l::ln2_hi);
        const double lo = fp_mul(dk, l::ln2_lo);
        r = hi - lo;
        corr = (hi - r) - lo;
    }
    const double hfx = 0.5 * r;
    const double hxs = fp_mul(r, hfx);
    const double r1 =
        1.0 +
        fp_mul(
            hxs,
            c::q1 +
                fp_mul(hxs, c::q2 + fp_mul(hxs, c::q3 + fp_mul(hxs, c::q4 + fp_mul(hxs, c::q5)))));
    const double t = 3.0 - fp_mul(r1, hfx);
    double e = fp_mul(hxs, (r1 - t) / (6.0 - fp_mul(r, t)));
    if (k == 0) return r - (fp_mul(r, e) - hxs);
    e = fp_mul(r, e - corr) - corr;
    e -= hxs;
    if (k == -1) return 0.5 * (r - e) - 0.5;
    if (k == 1) {
        if (r < -0.25) return -2.0 * (e - (r + 0.5));
        return 1.0 + 2.0 * (r - e);
    }
    if (k <= -2 || k > 56) {
        const double y = 1.0 - (e - r);
        return scale2(y, k) - 1.0;
    }
    if (k < 20) {
        const double y = (1.0 - pow2i(-k)) - (e - r);
        return fp_mul(y, pow2i(k));
    }
    const double y = (r - (e + pow2i(-k))) + 1.0;
    return fp_mul(y, pow2i(k));
}

/// Constants of log1p: fdlibm s_log1p.c uses the coefficients of log
/// (log_constants::lg1..lg7, there called Lp1..Lp7) and 1 + x's reduction.
/// log(1 + f) + extra for the reduced 1 + f in [sqrt(1/2), sqrt(2)), exponent k
/// (an exact double) and a small extra term (the rounding of 1 + x, divided by
/// 1 + x) folded into the low part.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double log1p_reduced(double f, double dk,
                                                                        double extra) noexcept {
    using c = log_constants;
    const double hfsq = fp_mul(fp_mul(f, f), 0.5);
    const double s = f / (2.0 + f);
    const double z = fp_mul(s, s);
    const double w = fp_mul(z, z);
    const double t1 = fp_mul(w, c::lg2 + fp_mul(w, c::lg4 + fp_mul(w, c::lg6)));
    const double t2 = fp_mul(z, c::lg1 + fp_mul(w, c::lg3 + fp_mul(w, c::lg5 + fp_mul(w, c::lg7))));
    const double r = t2 + t1;
    return fp_mul(dk, c::ln2_hi) -
           ((hfsq - (fp_mul(s, hfsq + r) + (fp_mul(dk, c::ln2_lo) + extra))) - f);
}

/// log(1 + x), accurate near 0 where log(1 + x) would lose x's low bits. IEEE
/// semantics: log1p(-1) = -inf, log1p(x < -1) = NaN, log1p(+inf) = +inf,
/// log1p(NaN) = NaN, log1p(+-0) = +-0. Method of fdlibm's s_log1p.c: for
/// 1 + x in [sqrt(1/2), sqrt(2)) the log kernel on f = x itself; otherwise
/// u = 1 + x rounded, reduced as in log, with the rounding error of u carried
/// as a correction term c / u. Error: below 1 ulp (measured maximum in
/// docs/distributions.md). Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double log1p(double x) noexcept {
    using c = log_constants;
    if (is_nan(x)) return x;
    if (x <= -1.0) {
        if (x == -1.0) return -double_from_bits(0x7ff0000000000000u);
        return double_from_bits(0x7ff8000000000000u);
    }
    if (x > largest_finite<double>) return x;  // +inf
    const double ax = x < 0.0 ? -x : x;
    if (ax < 0x1p-54) return x;  // also +-0
    // 1 + x in [sqrt(1/2), sqrt(2)): f = x exactly, no reduction.
    if (x > -0.2928932188134524 && x < 0.41421356237309503) return log1p_reduced(x, 0.0, 0.0);
    double extra = 0.0;
    double u = x;
    if (x < 0x1p53) {
        u = 1.0 + x;
        // The rounding of 1 + x, exactly (Sterbenz / Fast2Sum), relative to u.
        extra = (u >= 2.0 ? 1.0 - (u - x) : x - (u - 1.0)) / u;
    }
    std::uint64_t b = to_bits(u);
    b += c::one_bits - c::sqrt_half_bits;
    const int k = static_cast<int>(b >> 52) - 0x3ff;
    const double m = double_from_bits((b & c::mantissa_mask) + c::sqrt_half_bits);
    return log1p_reduced(m - 1.0, static_cast<double>(k), extra);
}

/// Correctly rounded square root of x >= 0 (IEEE 754 requires it, so every
/// back end agrees).
[[nodiscard]] CBRNG_HOST_DEVICE inline double sqrt(double x) noexcept {
#if CBRNG_DEVICE_PASS
    return __dsqrt_rn(x);
#elif CBRNG_HAS_GNU_ASM
    return __builtin_sqrt(x);
#else
    return std::sqrt(x);
#endif
}

/// Coefficients of AS 241 PPND16 (Wichura 1988), as published: numerator
/// a (central region), c (tail, r <= 5), e (far tail), denominators b, d, f
/// (with b0 = d0 = f0 = 1). Scalars, not arrays, so device code can use them.
struct ppnd16_constants {
    static constexpr double split1 = 0.425;
    static constexpr double split2 = 5.0;
    static constexpr double const1 = 0.180625;
    static constexpr double const2 = 1.6;
    static constexpr double a0 = 3.3871328727963666080e0;
    static constexpr double a1 = 1.3314166789178437745e+2;
    static constexpr double a2 = 1.9715909503065514427e+3;
    static constexpr double a3 = 1.3731693765509461125e+4;
    static constexpr double a4 = 4.5921953931549871457e+4;
    static constexpr double a5 = 6.7265770927008700853e+4;
    static constexpr double a6 = 3.3430575583588128105e+4;
    static constexpr double a7 = 2.5090809287301226727e+3;
    static constexpr double b1 = 4.2313330701600911252e+1;
    static constexpr double b2 = 6.8718700749205790830e+2;
    static constexpr double b3 = 5.3941960214247511077e+3;
    static constexpr double b4 = 2.1213794301586595867e+4;
    static constexpr double b5 = 3.9307895800092710610e+4;
    static constexpr double b6 = 2.8729085735721942674e+4;
    static constexpr double b7 = 5.2264952788528545610e+3;
    static constexpr double c0 = 1.42343711074968357734e0;
    static constexpr double c1 = 4.63033784615654529590e0;
    static constexpr double c2 = 5.76949722146069140550e0;
    static constexpr double c3 = 3.64784832476320460504e0;
    static constexpr double c4 = 1.27045825245236838258e0;
    static constexpr double c5 = 2.41780725177450611770e-1;
    static constexpr double c6 = 2.27238449892691845833e-2;
    static constexpr double c7 = 7.74545014278341407640e-4;
    static constexpr double d1 = 2.05319162663775882187e0;
    static constexpr double d2 = 1.67638483018380384940e0;
    static constexpr double d3 = 6.89767334985100004550e-1;
    static constexpr double d4 = 1.48103976427480074590e-1;
    static constexpr double d5 = 1.51986665636164571966e-2;
    static constexpr double d6 = 5.47593808499534494600e-4;
    static constexpr double d7 = 1.05075007164441684324e-9;
    static constexpr double e0 = 6.65790464350110377720e0;
    static constexpr double e1 = 5.46378491116411436990e0;
    static constexpr double e2 = 1.78482653991729133580e0;
    static constexpr double e3 = 2.96560571828504891230e-1;
    static constexpr double e4 = 2.65321895265761230930e-2;
    static constexpr double e5 = 1.24266094738807843860e-3;
    static constexpr double e6 = 2.71155556874348757815e-5;
    static constexpr double e7 = 2.01033439929228813265e-7;
    static constexpr double f1 = 5.99832206555887937690e-1;
    static constexpr double f2 = 1.36929880922735805310e-1;
    static constexpr double f3 = 1.48753612908506148525e-2;
    static constexpr double f4 = 7.86869131145613259100e-4;
    static constexpr double f5 = 1.84631831751005468180e-5;
    static constexpr double f6 = 1.42151175831644588870e-7;
    static constexpr double f7 = 2.04426310338993978564e-15;
};

/// Horner evaluation of c7*x^7 + ... + c0 with every product guarded:
/// ((c7*x + c6)*x + ... )*x + c0.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double horner8(double x, double c0, double c1,
                                                                  double c2, double c3, double c4,
                                                                  double c5, double c6,
                                                                  double c7) noexcept {
    double p = fp_mul(c7, x) + c6;
    p = fp_mul(p, x) + c5;
    p = fp_mul(p, x) + c4;
    p = fp_mul(p, x) + c3;
    p = fp_mul(p, x) + c2;
    p = fp_mul(p, x) + c1;
    return fp_mul(p, x) + c0;
}

/// Constants of Stirling's series: log Gamma(x) = (x - 1/2) log x - x +
/// log(2 pi) / 2 + sum_n B_2n / (2n (2n - 1) x^(2n - 1)), the Bernoulli
/// numbers' coefficients s1..s8 rounded from the exact fractions 1/12,
/// -1/360, 1/1260, -1/1680, 1/1188, -691/360360, 1/156, -3617/122400.
struct stirling_constants {
    static constexpr double half_log_2pi = 0.9189385332046728;             // 0x1.d67f1c864beb5p-1
    static constexpr double half_log_2pi_minus_half = 0.4189385332046727;  // log(2 pi) / 2 - 1/2
    static constexpr double s1 = 0.08333333333333333;                      // 0x1.5555555555555p-4
    static constexpr double s2 = -0.002777777777777778;                    // -0x1.6c16c16c16c17p-9
    static constexpr double s3 = 0.0007936507936507937;                    // 0x1.a01a01a01a01ap-11
    static constexpr double s4 = -0.0005952380952380953;                   // -0x1.3813813813814p-11
    static constexpr double s5 = 0.0008417508417508417;                    // 0x1.b951e2b18ff23p-11
    static constexpr double s6 = -0.0019175269175269176;                   // -0x1.f6ab0d9993c7dp-10
    static constexpr double s7 = 0.00641025641025641;                      // 0x1.a41a41a41a41ap-8
    static constexpr double s8 = -0.029550653594771242;                    // -0x1.e4286cb0f5398p-6
    /// Below this the series is not used: the argument is shifted up to it.
    /// At 10 the first omitted term (43867 / 244188 x^-17) is 2e-18.
    static constexpr double series_from = 10.0;
};

/// The tail of Stirling's series, sum_n s_n x^(1 - 2n) for n = 1..8, for
/// x >= 10 (truncation error below 2e-18 there).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double stirling_tail(double x) noexcept {
    using c = stirling_constants;
    const double w = 1.0 / x;
    const double z = fp_mul(w, w);
    const double p = horner8(z, c::s1, c::s2, c::s3, c::s4, c::s5, c::s6, c::s7, c::s8);
    return fp_mul(w, p);
}

/// log Gamma(x) by Stirling's series, for x >= 10 (below 2^52, so x - 1/2 is
/// exact): (x - 1/2)(log x - 1) + (log(2 pi)/2 - 1/2) + tail, where
/// log x - 1 is exact because log x >= 1.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double lgamma_stirling(double x) noexcept {
    using c = stirling_constants;
    return fp_mul(x - 0.5, detail::log(x) - 1.0) + (c::half_log_2pi_minus_half + stirling_tail(x));
}

/// Taylor coefficients of log Gamma(2 + t) at t = 0: c1 = 1 - gamma (Euler's
/// constant), c_k = (-1)^k (zeta(k) - 1) / k for k >= 2 (the zeta values
/// computed to 50 digits by Euler-Maclaurin summation, then rounded). The
/// series converges for |t| < 2; 28 terms reach 2^-58 relative for |t| <= 1/2.
struct lgamma_series_constants {
    static constexpr double c1 = 0.42278433509846713;       // 0x1.b0ee6072093cep-2
    static constexpr double c2 = 0.3224670334241132;        // 0x1.4a34cc4a60fa6p-2
    static constexpr double c3 = -0.0673523010531981;       // -0x1.13e001a557607p-4
    static constexpr double c4 = 0.020580808427784546;      // 0x1.51322ac7d8483p-6
    static constexpr double c5 = -0.007385551028673986;     // -0x1.e404fc218f5f2p-8
    static constexpr double c6 = 0.0028905103307415234;     // 0x1.7add6eadb6c30p-9
    static constexpr double c7 = -0.001192753911703261;     // -0x1.38ac5c2bf8e08p-10
    static constexpr double c8 = 0.0005096695247430425;     // 0x1.0b36af86396e9p-11
    static constexpr double c9 = -0.00022315475845357939;   // -0x1.d3fd4c76d2fc8p-13
    static constexpr double c10 = 9.945751278180853e-05;    // 0x1.a127b0f17d65ap-14
    static constexpr double c11 = -4.492623673813314e-05;   // -0x1.78de5bd7c81efp-15
    static constexpr double c12 = 2.050721277567069e-05;    // 0x1.580dcee66eb02p-16
    static constexpr double c13 = -9.439488275268397e-06;   // -0x1.3cbc963ce2243p-17
    static constexpr double c14 = 4.374866789907488e-06;    // 0x1.2597a39f34aacp-18
    static constexpr double c15 = -2.039215753801366e-06;   // -0x1.11b2eb7679541p-19
    static constexpr double c16 = 9.55141213040742e-07;     // 0x1.0064cdeb22f0fp-20
    static constexpr double c17 = -4.492469198764566e-07;   // -0x1.e2600d93cfd2fp-22
    static constexpr double c18 = 2.1207184805554665e-07;   // 0x1.c76bbb3f07a4dp-23
    static constexpr double c19 = -1.0043224823968099e-07;  // -0x1.af5a6cbbf8a97p-24
    static constexpr double c20 = 4.7698101693639804e-08;   // 0x1.99b93c2070b0fp-25
    static constexpr double c21 = -2.2711094608943164e-08;  // -0x1.862c734df3eacp-26
    static constexpr double c22 = 1.0838659214896955e-08;   // 0x1.7469daccfadcdp-27
    static constexpr double c23 = -5.183475041970047e-09;   // -0x1.6434a8447aeadp-28
    static constexpr double c24 = 2.4836745438024785e-09;   // 0x1.555a877ffd2c3p-29
    static constexpr double c25 = -1.1921401405860912e-09;  // -0x1.47b1679258d0ep-30
    static constexpr double c26 = 5.731367241678862e-10;    // 0x1.3b15d2b2fc10cp-31
    static constexpr double c27 = -2.7595228851242334e-10;  // -0x1.2f69a9fabe3e0p-32
    static constexpr double c28 = 1.330476437424449e-10;    // 0x1.24932a337434cp-33
};

/// log Gamma(2 + t) for |t| <= 1/2, t exact, by the Taylor series above:
/// t * P(t), P of degree 27 evaluated as four Horner blocks of 8 coefficients
/// combined in powers of t^8. Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double lgamma2_series(double t) noexcept {
    using c = lgamma_series_constants;
    const double t2 = fp_mul(t, t);
    const double t4 = fp_mul(t2, t2);
    const double t8 = fp_mul(t4, t4);
    const double h1 = horner8(t, c::c1, c::c2, c::c3, c::c4, c::c5, c::c6, c::c7, c::c8);
    const double h2 = horner8(t, c::c9, c::c10, c::c11, c::c12, c::c13, c::c14, c::c15, c::c16);
    const double h3 = horner8(t, c::c17, c::c18, c::c19, c::c20, c::c21, c::c22, c::c23, c::c24);
    const double h4 = horner8(t, c::c25, c::c26, c::c27, c::c28, 0.0, 0.0, 0.0, 0.0);
    return fp_mul(t, h1 + fp_mul(t8, h2 + fp_mul(t8, h3 + fp_mul(t8, h4))));
}

/// log(k!) for every k >= 0. k <= 20: log of the exact k! (computed in
/// 64-bit integers, rounded once to double), below 1 ulp; k > 20:
/// Stirling's series at k + 1 (lgamma_stirling), a few ulp. For k >= 2^53,
/// k + 1 rounds. Bit-stable. Used by the Poisson and binomial samplers.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double log_factorial(std::uint64_t k) noexcept {
    if (k <= 20) {
        std::uint64_t f = 1;
        for (std::uint64_t i = 2; i <= k; ++i) f *= i;
        return detail::log(static_cast<double>(f));
    }
    return lgamma_stirling(static_cast<double>(k) + 1.0);
}

/// log Gamma(x) for x > 0 (the only range the distributions use). Special
/// values: lgamma(+0) = +inf, lgamma(+inf) = +inf, NaN for NaN and for
/// x < 0 (the reflection formula is not provided). Method: Stirling's series
/// (lgamma_stirling) for x >= 10; below, the Taylor series of
/// log Gamma(2 + t) (lgamma2_series) with exact arguments: x in [1.5, 2.5):
/// t = x - 2; [0.5, 1.5): t = x - 1, minus log1p(t); (0, 0.5): t = x, minus
/// log1p(x) and log(x); [2.5, 10): x reduced by 1 until below 2.5 (every
/// x - j exact) plus the log of the product of the x - j; -log(x) for
/// x < 2^-56; log_factorial at the integers 1..9 (so lgamma(1) = lgamma(2)
/// = +0). Relative error below 9 ulp everywhere, near the zeros at 1 and 2
/// included (largest just below 1.5, where log Gamma(1 + t) - log1p(t)
/// cancels; measured in docs/distributions.md). Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double lgamma(double x) noexcept {
    using c = stirling_constants;
    if (is_nan(x)) return x;
    if (x < 0.0) return double_from_bits(0x7ff8000000000000u);
    if (x > largest_finite<double>) return x;      // +inf
    if (x < 0x1p-56) return 0.0 - detail::log(x);  // also +0 -> +inf
    if (x >= 0x1p52) {  // x - 1/2 would round; the series tail is below an ulp
        const double lx = detail::log(x);
        return fp_mul(x, lx - 1.0) - 0.5 * lx;
    }
    if (x >= c::series_from) return lgamma_stirling(x);
    const auto n = static_cast<std::uint64_t>(x);
    if (static_cast<double>(n) == x) return log_factorial(n - 1);  // 1, 2, ..., 9: exact zeros
    if (x < 0.5) return (lgamma2_series(x) - detail::log1p(x)) - detail::log(x);
    if (x < 1.5) {
        const double t = x - 1.0;
        return lgamma2_series(t) - detail::log1p(t);
    }
    double y = x;
    double p = 1.0;
    while (y >= 2.5) {
        y = y - 1.0;
        p = fp_mul(p, y);
    }
    const double g = lgamma2_series(y - 2.0);
    return p == 1.0 ? g : g + detail::log(p);
}

/// Stirling's correction fc(k) = log(k!) - log(2 pi)/2 - (k + 1/2) log(k + 1)
/// + (k + 1), for k >= 0: the term of Hoermann's BTRD (1993). k <= 9: the
/// correctly rounded values (computed to 50 digits); k >= 10: the series
/// sum_n s_n (k + 1)^(1 - 2n), n = 1..8 (the first omitted term is below
/// 5e-17 relative). Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double stirling_correction(
    std::uint64_t k) noexcept {
    switch (k) {
        case 0:
            return 0.08106146679532726;  // 0x1.4c071bcda0a5bp-4
        case 1:
            return 0.0413406959554093;  // 0x1.52a9b923ea649p-5
        case 2:
            return 0.02767792568499834;  // 0x1.c579a268d80b3p-6
        case 3:
            return 0.020790672103765093;  // 0x1.54a2662fd78a9p-6
        case 4:
            return 0.016644691189821193;  // 0x1.10b4e513fcbedp-6
        case 5:
            return 0.013876128823070748;  // 0x1.c6b167bebdf36p-7
        case 6:
            return 0.01189670994589177;  // 0x1.85d4d612e4a86p-7
        case 7:
            return 0.010411265261972096;  // 0x1.552805e7b3076p-7
        case 8:
            return 0.009255462182712733;  // 0x1.2f4871b12ab64p-7
        case 9:
            return 0.00833056343336287;  // 0x1.10f9d4c0743a7p-7
        default:
            return stirling_tail(static_cast<double>(k) + 1.0);
    }
}

/// The standard normal quantile Phi^-1(p) for 0 < p < 1 (AS 241 PPND16).
/// The library calls it only with p = (2j + 1) * 2^-53 or finer grids, for
/// which p - 0.5 and 1 - p are exact. Bit-stable; replicated by the SIMD back
/// ends.
[[nodiscard]] CBRNG_HOST_DEVICE inline double normal_quantile(double p) noexcept {
    using c = ppnd16_constants;
    const double q = p - 0.5;
    const double aq = q < 0.0 ? -q : q;
    if (aq <= c::split1) {
        const double r = c::const1 - fp_mul(q, q);
        const double num = horner8(r, c::a0, c::a1, c::a2, c::a3, c::a4, c::a5, c::a6, c::a7);
        const double den = horner8(r, 1.0, c::b1, c::b2, c::b3, c::b4, c::b5, c::b6, c::b7);
        return fp_mul(q, num) / den;
    }
    double r = q < 0.0 ? p : 1.0 - p;
    r = detail::sqrt(0.0 - detail::log(r));
    double z;
    if (r <= c::split2) {
        r = r - c::const2;
        z = horner8(r, c::c0, c::c1, c::c2, c::c3, c::c4, c::c5, c::c6, c::c7) /
            horner8(r, 1.0, c::d1, c::d2, c::d3, c::d4, c::d5, c::d6, c::d7);
    } else {
        r = r - c::split2;
        z = horner8(r, c::e0, c::e1, c::e2, c::e3, c::e4, c::e5, c::e6, c::e7) /
            horner8(r, 1.0, c::f1, c::f2, c::f3, c::f4, c::f5, c::f6, c::f7);
    }
    return q < 0.0 ? -z : z;
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_MATH_HPP
