// cbrng/detail/math.hpp: the elementary functions the distributions need,
// carried by the library so that no result depends on the platform's libm.
//
// Each function is a fixed sequence of correctly rounded IEEE operations (+, -,
// *, /, sqrt) with every inexact product guarded by detail::fp_mul, so it
// returns the same bits on every compiler, optimisation level, -march, SIMD
// back end and CUDA device. The SIMD back ends (detail/transform_avx2.hpp,
// detail/transform_avx512.hpp) replicate these sequences lane by lane; any
// change here is an OUTPUT CHANGE and must be mirrored there.
//
//  - log(x): argument reduction x = 2^k * m with m in [sqrt(1/2), sqrt(2)),
//    then log(m) = f - f^2/2 + s*(f^2/2 + R(s^2)) with f = m - 1,
//    s = f / (2 + f), R a degree-7 minimax polynomial in s^2 (the method of
//    fdlibm's e_log.c, Sun Microsystems 1993, whose published coefficients
//    Lg1..Lg7 and ln2_hi/ln2_lo are used). Measured error: see
//    docs/distributions.md (tests/detail_math_test.cpp prints it).
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
