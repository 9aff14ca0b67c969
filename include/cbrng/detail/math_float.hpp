// cbrng/detail/math_float.hpp: single-precision elementary functions for the
// float distributions, carried by the library so that no result depends on
// the platform's libm and a float variate costs float work on a GPU.
//
// As in detail/math.hpp, each function is a fixed sequence of correctly
// rounded IEEE binary32 operations (+, -, *, sqrt, int-to-float conversion)
// with every inexact product guarded by detail::fp_mul, so it returns the same
// bits on every compiler, optimisation level, -march, SIMD back end and CUDA
// device. There is no division. The SIMD transforms
// (detail/simd/kernels/transform.inl, on the ops_real_* vector layers)
// replicate these sequences lane by lane; any change here is an OUTPUT CHANGE
// and must be mirrored there.
//
//  - log_float(x): x = 2^k * m with m in [sqrt(1/2), sqrt(2)), f = m - 1,
//    log(x) = k * ln2_hi + (f + (f^2 * Q(f) + k * ln2_lo)) with Q a degree-8
//    polynomial fitted by the library (weighted least squares iterated
//    towards minimax on the relative error of log1p over the reduced range;
//    fit error 0.07 float ulp), evaluated by Estrin's scheme. Measured error:
//    docs/distributions.md.
//  - normal_float_standard(x): a standard normal variate from 32 random bits
//    by inverse CDF, in float. With t = 2u - 1 for u = (2x + 1) * 2^-33 (the
//    grid the float normal has always used), z = Phi^-1(u) = sqrt(2) *
//    erfinv(t) = t * P(w), w = -log((1 - |t|)(1 + |t|)), the form of
//    M. Giles, "Approximating the erfinv function", GPU Computing Gems Jade
//    Edition (2011): P is a polynomial in w where w < 5 (|t| < 0.99663,
//    99.66% of draws) and in sqrt(w) - 3.5 beyond. The coefficients are the
//    library's own fit (sqrt(2) folded in, the tail fitted out to w = 22 so it
//    covers the deepest draw, u = 2^-33, where Giles' published single
//    precision tail, fitted for w <= 16, is off by thousands of ulps). 1 - |t|
//    is formed from the integer bits, so the tails keep their precision; the
//    result is exactly antisymmetric (z(~x) = -z(x)), always finite,
//    |z| <= 6.3380, and increasing in x up to rounding (a float polynomial is
//    not monotone to the last bit: 0.017% of consecutive words step down,
//    by up to 4 ulps; docs/distributions.md). The hot path (w < 5) is
//    evaluated in two independent chains (the central polynomial's even and
//    odd parts, the log's polynomial by Estrin's scheme), which makes the
//    scalar code about 1.3x faster than one Horner chain.
#ifndef CBRNG_DETAIL_MATH_FLOAT_HPP
#define CBRNG_DETAIL_MATH_FLOAT_HPP

#include <cstdint>

#include "../config.hpp"
#include "fp.hpp"

#if !CBRNG_DEVICE_PASS && !CBRNG_HAS_GNU_ASM
#include <cmath>
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Constants of log_float. ln2_hi has 9 trailing zero bits, so k * ln2_hi is
/// exact for every exponent k; q0..q8 are Q's coefficients (q8 the constant
/// term), exactly representable floats.
struct log_float_constants {
    static constexpr float ln2_hi = 0x1.62e4p-1f;
    static constexpr float ln2_lo = 0x1.7f7d1cp-20f;
    static constexpr float q0 = -0x1.383c38p-4f;
    static constexpr float q1 = 0x1.084d52p-3f;
    static constexpr float q2 = -0x1.0f374ep-3f;
    static constexpr float q3 = 0x1.2270bap-3f;
    static constexpr float q4 = -0x1.54275p-3f;
    static constexpr float q5 = 0x1.99a4p-3f;
    static constexpr float q6 = -0x1.000428p-2f;
    static constexpr float q7 = 0x1.55555p-2f;
    static constexpr float q8 = -0x1.fffff8p-2f;
    /// Bits of the float nearest sqrt(1/2): the reduction boundary.
    static constexpr std::uint32_t sqrt_half_bits = 0x3f3504f3u;
    static constexpr std::uint32_t one_bits = 0x3f800000u;
    static constexpr std::uint32_t mantissa_mask = 0x007fffffu;
};

/// log(m * 2^k) for the reduced m in [sqrt(1/2), sqrt(2)) and exponent k (as
/// an exact float). This exact sequence is replicated by the SIMD back ends.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float log_float_reduced(float m,
                                                                           float dk) noexcept {
    using c = log_float_constants;
    const float f = m - 1.0f;
    const float f2 = fp_mul(f, f);
    const float f4 = fp_mul(f2, f2);
    // Q by Estrin's scheme: half the dependency depth of Horner's.
    const float lo = fp_mul(f2, fp_mul(c::q5, f) + c::q6) + (fp_mul(c::q7, f) + c::q8);
    const float hi = fp_mul(f2, fp_mul(c::q1, f) + c::q2) + (fp_mul(c::q3, f) + c::q4);
    const float q = fp_mul(f4, fp_mul(f4, c::q0) + hi) + lo;
    const float r = fp_mul(f2, q);
    return fp_mul(dk, c::ln2_hi) + (f + (r + fp_mul(dk, c::ln2_lo)));
}

/// Natural logarithm in float, IEEE semantics for special values:
/// log(+-0) = -inf, log(x < 0) = NaN, log(+inf) = +inf, log(NaN) = NaN,
/// log(1) = +0. Error: about 1 float ulp (measured maximum in
/// docs/distributions.md). Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float log_float(float x) noexcept {
    using c = log_float_constants;
    std::uint32_t u = to_bits(x);
    int k = 0;
    if (u >= 0x7f800000u || u < 0x00800000u) {
        if ((u << 1) == 0) return -float_from_bits(0x7f800000u);  // +-0
        if ((u >> 31) != 0) return float_from_bits(0x7fc00000u);  // x < 0
        if (u >= 0x7f800000u) return x;                           // +inf, NaN
        u = to_bits(x * 0x1p25f);                                 // subnormal: exact
        k = -25;
    }
    u += c::one_bits - c::sqrt_half_bits;
    k += static_cast<int>(u >> 23) - 0x7f;
    const float m = float_from_bits((u & c::mantissa_mask) + c::sqrt_half_bits);
    return log_float_reduced(m, static_cast<float>(k));
}

/// Correctly rounded float square root of x >= 0 (IEEE 754 requires it, so
/// every back end agrees).
[[nodiscard]] CBRNG_HOST_DEVICE inline float sqrt_float(float x) noexcept {
#if CBRNG_DEVICE_PASS
    return __fsqrt_rn(x);
#elif CBRNG_HAS_GNU_ASM
    return __builtin_sqrtf(x);
#else
    return std::sqrt(x);
#endif
}

/// Coefficients of normal_float_standard: z / t = P(w), central region
/// (w < split) P = c0 w^9 + ... + c9, tail P = e0 (sqrt(w) - 3.5)^10
/// + ... + e10. Exactly representable floats.
struct normal_float_constants {
    static constexpr float split = 5.0f;
    static constexpr float tail_mid = 3.5f;
    static constexpr float c0 = -0x1.ab2cd2p-27f;
    static constexpr float c1 = 0x1.4fa2e2p-22f;
    static constexpr float c2 = -0x1.7728a4p-19f;
    static constexpr float c3 = 0x1.7a09dcp-18f;
    static constexpr float c4 = 0x1.085816p-14f;
    static constexpr float c5 = -0x1.7a1646p-13f;
    static constexpr float c6 = -0x1.b0b1aep-9f;
    static constexpr float c7 = 0x1.0b967ap-6f;
    static constexpr float c8 = 0x1.4ffdeep-2f;
    static constexpr float c9 = 0x1.40d932p+0f;
    static constexpr float e0 = -0x1.0031c2p-15f;
    static constexpr float e1 = 0x1.32f22p-15f;
    static constexpr float e2 = 0x1.1574dep-13f;
    static constexpr float e3 = -0x1.8b9062p-12f;
    static constexpr float e4 = 0x1.3459b2p-11f;
    static constexpr float e5 = -0x1.e5770cp-11f;
    static constexpr float e6 = 0x1.97e434p-10f;
    static constexpr float e7 = -0x1.7f9a06p-9f;
    static constexpr float e8 = 0x1.2f9a0ap-8f;
    static constexpr float e9 = 0x1.6cb4e6p+0f;
    static constexpr float e10 = 0x1.2de4cap+2f;
};

/// The central polynomial of normal_float_standard at v = w, split into its
/// even and odd parts, P(v) = E(v^2) + v * O(v^2), each by Horner's rule: two
/// independent chains, so the hot path has about half the dependency depth.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float normal_float_central(float v) noexcept {
    using c = normal_float_constants;
    const float v2 = fp_mul(v, v);
    float e = fp_mul(c::c1, v2) + c::c3;
    float o = fp_mul(c::c0, v2) + c::c2;
    e = fp_mul(e, v2) + c::c5;
    o = fp_mul(o, v2) + c::c4;
    e = fp_mul(e, v2) + c::c7;
    o = fp_mul(o, v2) + c::c6;
    e = fp_mul(e, v2) + c::c9;
    o = fp_mul(o, v2) + c::c8;
    return fp_mul(o, v) + e;
}

/// The tail polynomial of normal_float_standard at v = sqrt(w) - 3.5.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float normal_float_tail(float v) noexcept {
    using c = normal_float_constants;
    float p = fp_mul(c::e0, v) + c::e1;
    p = fp_mul(p, v) + c::e2;
    p = fp_mul(p, v) + c::e3;
    p = fp_mul(p, v) + c::e4;
    p = fp_mul(p, v) + c::e5;
    p = fp_mul(p, v) + c::e6;
    p = fp_mul(p, v) + c::e7;
    p = fp_mul(p, v) + c::e8;
    p = fp_mul(p, v) + c::e9;
    return fp_mul(p, v) + c::e10;
}

/// (j + 1/2) * 2^-31 in float for j < 2^31: one conversion (exact below
/// 2^24), an exact scaling, one rounded add.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float half_odd_unit(std::uint32_t j) noexcept {
    return static_cast<float>(static_cast<std::int32_t>(j)) * 0x1p-31f + 0x1p-32f;
}

/// The standard normal variate for 32 random bits x: about Phi^-1(u) for
/// u = (2x + 1) * 2^-33, increasing in x up to rounding, exactly antisymmetric
/// (normal_float_standard(~x) == -normal_float_standard(x)), finite,
/// |z| <= 6.3380. Accuracy: docs/distributions.md. Bit-stable; replicated by
/// the SIMD back ends.
[[nodiscard]] CBRNG_HOST_DEVICE inline float normal_float_standard(std::uint32_t x) noexcept {
    using c = normal_float_constants;
    // |t| = (2j + 1) * 2^-32, the sign of t is the top bit of x.
    const std::uint32_t j = (x ^ ((x >> 31) - 1u)) & 0x7fffffffu;
    const float at = half_odd_unit(j);
    const float a = half_odd_unit(j ^ 0x7fffffffu);  // 1 - |t|, from the bits
    const float w = 0.0f - log_float(fp_mul(a, 2.0f - a));
    float p;
    if (w < c::split) {
        p = normal_float_central(w);
    } else {
        p = normal_float_tail(sqrt_float(w) - c::tail_mid);
    }
    const float z = fp_mul(p, at);
    return (x >> 31) != 0 ? z : -z;
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_MATH_FLOAT_HPP
