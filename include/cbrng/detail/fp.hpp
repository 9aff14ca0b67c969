// cbrng/detail/fp.hpp: floating-point primitives whose results do not depend
// on the compiler's optimisation choices.
//
// The distributions promise bit-identical results across compilers, -O levels,
// -march settings, SIMD paths and CUDA devices. IEEE 754 makes +, -, *, / and
// sqrt correctly rounded, so the same sequence of those operations gives the
// same bits everywhere; what breaks the promise is the compiler fusing a
// product and a sum into one FMA (one rounding instead of two). GCC does that
// by default (-ffp-contract=fast) as soon as the target has FMA, across
// statements; Clang and nvcc do it within expressions. Every inexact product
// in the library therefore goes through fp_mul(), which the optimiser cannot
// see through:
//
//  - x86-64 GCC/Clang: the product passes through an empty asm statement that
//    pins it in an SSE register (no instruction is emitted);
//  - AArch64 GCC/Clang: the same in a SIMD&FP register;
//  - other GNU targets: through memory (which also strips x87 excess precision);
//  - CUDA/HIP device code: __dmul_rn / __fmul_rn, which nvcc never contracts;
//  - other compilers: a volatile temporary;
//  - constant evaluation: the plain product (constant folding never contracts).
//
// Sums need no guard: an FMA needs an unguarded product feeding it. Products
// by powers of two are exact and may be written plainly. -ffast-math (which
// licenses reassociation) is out of scope.
//
// The bit-pattern helpers replace std::isnan, std::isfinite, std::nextafter and
// friends, which are neither constexpr in C++17 nor available in device code.
#ifndef CBRNG_DETAIL_FP_HPP
#define CBRNG_DETAIL_FP_HPP

#include <cstdint>

#include "../config.hpp"

#if !CBRNG_HAS_BUILTIN_BIT_CAST && !CBRNG_DEVICE_PASS
#include <cstring>
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// The raw IEEE 754 binary64 encoding of x.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR std::uint64_t to_bits(double x) noexcept {
#if CBRNG_DEVICE_PASS
    return static_cast<std::uint64_t>(__double_as_longlong(x));
#elif CBRNG_HAS_BUILTIN_BIT_CAST
    return __builtin_bit_cast(std::uint64_t, x);
#else
    std::uint64_t u;
    std::memcpy(&u, &x, sizeof u);
    return u;
#endif
}

/// The raw IEEE 754 binary32 encoding of x.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR std::uint32_t to_bits(float x) noexcept {
#if CBRNG_DEVICE_PASS
    return static_cast<std::uint32_t>(__float_as_uint(x));
#elif CBRNG_HAS_BUILTIN_BIT_CAST
    return __builtin_bit_cast(std::uint32_t, x);
#else
    std::uint32_t u;
    std::memcpy(&u, &x, sizeof u);
    return u;
#endif
}

/// The double whose binary64 encoding is u.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double double_from_bits(
    std::uint64_t u) noexcept {
#if CBRNG_DEVICE_PASS
    return __longlong_as_double(static_cast<long long>(u));
#elif CBRNG_HAS_BUILTIN_BIT_CAST
    return __builtin_bit_cast(double, u);
#else
    double x;
    std::memcpy(&x, &u, sizeof x);
    return x;
#endif
}

/// The float whose binary32 encoding is u.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float float_from_bits(std::uint32_t u) noexcept {
#if CBRNG_DEVICE_PASS
    return __uint_as_float(u);
#elif CBRNG_HAS_BUILTIN_BIT_CAST
    return __builtin_bit_cast(float, u);
#else
    float x;
    std::memcpy(&x, &u, sizeof x);
    return x;
#endif
}

/// Encoding facts for float and double.
template <class Real>
struct fp_format;

template <>
struct fp_format<double> {
    using bits_type = std::uint64_t;
    static constexpr bits_type sign_mask = 0x8000000000000000u;
    static constexpr bits_type exponent_mask = 0x7ff0000000000000u;
    [[nodiscard]] CBRNG_HOST_DEVICE static CBRNG_FP_CONSTEXPR bits_type bits(double x) noexcept {
        return to_bits(x);
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static CBRNG_FP_CONSTEXPR double from(bits_type u) noexcept {
        return double_from_bits(u);
    }
};

template <>
struct fp_format<float> {
    using bits_type = std::uint32_t;
    static constexpr bits_type sign_mask = 0x80000000u;
    static constexpr bits_type exponent_mask = 0x7f800000u;
    [[nodiscard]] CBRNG_HOST_DEVICE static CBRNG_FP_CONSTEXPR bits_type bits(float x) noexcept {
        return to_bits(x);
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static CBRNG_FP_CONSTEXPR float from(bits_type u) noexcept {
        return float_from_bits(u);
    }
};

/// The largest finite float or double (numeric_limits<Real>::max(), usable
/// in device code).
template <class Real>
inline constexpr Real largest_finite = sizeof(Real) == 8
                                           ? static_cast<Real>(0x1.fffffffffffffp+1023)
                                           : static_cast<Real>(0x1.fffffep+127f);

/// True when x is neither infinite nor NaN.
template <class Real>
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR bool is_finite(Real x) noexcept {
    using F = fp_format<Real>;
    return (F::bits(x) & F::exponent_mask) != F::exponent_mask;
}

/// True when x is a NaN.
template <class Real>
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR bool is_nan(Real x) noexcept {
    using F = fp_format<Real>;
    const auto u = F::bits(x);
    return (u & F::exponent_mask) == F::exponent_mask &&
           (u & static_cast<typename F::bits_type>(~(F::exponent_mask | F::sign_mask))) != 0;
}

/// The largest finite value strictly below x, for finite x (the floating
/// neighbour toward -infinity; -0 and +0 both step to -denorm_min).
template <class Real>
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR Real next_below(Real x) noexcept {
    using F = fp_format<Real>;
    using B = typename F::bits_type;
    const B u = F::bits(x);
    if ((u & static_cast<B>(~F::sign_mask)) == 0) return F::from(static_cast<B>(F::sign_mask | 1u));
    return F::from(static_cast<B>((u & F::sign_mask) != 0 ? u + 1u : u - 1u));
}

#if CBRNG_HAS_GNU_ASM
/// Forces v to be materialised as a rounded value in a register, invisible to
/// the optimiser: no instruction is emitted, but nothing can be fused across.
template <class Real>
inline Real opaque(Real v) noexcept {
#if CBRNG_ARCH_X86_64
    __asm__("" : "+x"(v));
#elif CBRNG_ARCH_AARCH64
    __asm__("" : "+w"(v));
#else
    __asm__("" : "+m"(v));
#endif
    return v;
}
#else
template <class Real>
inline Real opaque(Real v) noexcept {
    volatile Real t = v;
    return t;
}
#endif

/// a * b, rounded once to double and never fused with a later add or
/// subtract. Use for every product that is not exact.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double fp_mul(double a, double b) noexcept {
#if CBRNG_DEVICE_PASS
    return __dmul_rn(a, b);
#else
#if CBRNG_HAS_CONSTEXPR_FP
    if (__builtin_is_constant_evaluated()) return a * b;
#endif
    return opaque(a * b);
#endif
}

/// a * b, rounded once to float and never fused with a later add or subtract.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float fp_mul(float a, float b) noexcept {
#if CBRNG_DEVICE_PASS
    return __fmul_rn(a, b);
#else
#if CBRNG_HAS_CONSTEXPR_FP
    if (__builtin_is_constant_evaluated()) return a * b;
#endif
    return opaque(a * b);
#endif
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_FP_HPP
