// cbrng/detail/discrete_math.hpp: pieces shared by the rejection samplers of
// poisson.hpp (PTRS) and binomial.hpp (BTRD): 32-bit uniforms from the halves
// of one 64-bit draw, a short Stirling correction for large arguments, and a
// cheap bracket of log(x) that lets a squeeze decide before the full
// logarithm is computed. All bit-stable (fp_mul for every inexact product).
#ifndef CBRNG_DETAIL_DISCRETE_MATH_HPP
#define CBRNG_DETAIL_DISCRETE_MATH_HPP

#include <cstdint>

#include "../config.hpp"
#include "fp.hpp"
#include "math.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// The high half of x as (hi - 2^31 + 1/2) * 2^-32: one of the 2^32 values
/// +-(j + 1/2) 2^-32, j < 2^31, symmetric about 0, |result| <= 1/2 - 2^-33.
/// Exact (a half-integer below 2^31 in magnitude, times a power of two).
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double centred_hi32(std::uint64_t x) noexcept {
    return (static_cast<double>(static_cast<std::int64_t>(x >> 32)) - 2147483647.5) * 0x1p-32;
}
/// The high half of x as (hi + 1/2) * 2^-32 in (0, 1): one of 2^32 midpoints.
/// Exact.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double unit_mid_hi32(std::uint64_t x) noexcept {
    return (static_cast<double>(static_cast<std::int64_t>(x >> 32)) + 0.5) * 0x1p-32;
}
/// The low half of x as (lo + 1/2) * 2^-32 in (0, 1): one of 2^32 midpoints.
/// Exact.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double unit_mid_lo32(std::uint64_t x) noexcept {
    return (static_cast<double>(static_cast<std::int64_t>(x & 0xffffffffu)) + 0.5) * 0x1p-32;
}
/// The largest j with (j + 1/2) 2^-32 <= t, for 2^-33 <= t < 1 (t 2^32 - 1/2
/// is then exact, and truncation is floor): the unit_mid_*32 test u <= t as
/// an integer test on the draw's bits, with exactly the same outcome.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr std::int64_t mid32_index_at_most(double t) noexcept {
    return static_cast<std::int64_t>(t * 0x1p32 - 0.5);
}

/// Stirling's correction fc(k) (detail::stirling_correction) for the final
/// tests of PTRS and BTRD: below k = 99 stirling_correction itself; from
/// x = k + 1 = 100 up the series' first three terms, w (s1 + z (s2 + z s3))
/// with w = 1 / x, z = w^2, whose truncation (the next term, below
/// 1 / (1680 x^7) <= 6e-18) is far below those tests' own rounding error.
/// k is a non-negative integer below 2^53, as a double. Bit-stable.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double stirling_correction_short(
    double k) noexcept {
    using c = stirling_constants;
    const double x = k + 1.0;
    if (x < 100.0) return stirling_correction(static_cast<std::uint64_t>(k));
    const double w = 1.0 / x;
    const double z = fp_mul(w, w);
    return fp_mul(w, c::s1 + fp_mul(z, c::s2 + fp_mul(z, c::s3)));
}

/// Bounds lo <= log(x) <= hi (as reals: the rounding of lo and hi is covered
/// by log_bracket_slack) for a positive normal x, from the exponent and
/// two quadratics: with x = 2^e (1 + f), 1 + f in [sqrt(1/2), sqrt(2)) as in
/// detail::log, f - 0.63 f^2 <= log(1 + f) <= f - 0.39 f^2 on that range
/// ((f - log(1 + f)) / f^2 falls from 0.6257 to 0.3943 across it). The gap is
/// 0.24 f^2 <= 0.042. A handful of operations and no division: a squeeze
/// compares these first and computes the full logarithm only when the
/// threshold falls between them.
struct log_bracket {
    double lo;
    double hi;
};
/// Margin that covers every rounding in log_bracket's bounds and in
/// detail::log (each below 2^-40 for |log x| < 746): a bound that beats a
/// threshold by more than this decides as the full logarithm would.
inline constexpr double log_bracket_slack = 0x1p-30;
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR log_bracket log_bracket_of(double x) noexcept {
    using c = log_constants;
    const std::uint64_t u = to_bits(x) + (c::one_bits - c::sqrt_half_bits);
    const double e = static_cast<double>(static_cast<int>(u >> 52) - 0x3ff);
    const double f = double_from_bits((u & c::mantissa_mask) + c::sqrt_half_bits) - 1.0;  // exact
    const double el = fp_mul(e, 0.6931471805599453);
    const double f2 = fp_mul(f, f);
    return {el + (f - fp_mul(0.63, f2)), el + (f - fp_mul(0.39, f2))};
}

/// Bounds on the right side of PTRS's final test, log(mean^k e^-mean / k!)
/// = (k + 1/2) log1p(x) - d - log_c - fc(k) with n = k + 1, d = mean - n,
/// x = d / n, log_c = log(mean) / 2 + log sqrt(2 pi), widened by a slack
/// that covers the rounding of both these bounds and of the full
/// evaluation (below |d| 2^-50 + 2^-48; the slack is 2^-30 (1 + |d|)) and by
/// log_bracket_slack for the left side. From the alternating series:
/// log1p(x) = x - x^2/2 + x^3/3 + R with -x^4/2 <= R <= 0 for |x| <= 1/2,
/// and (k + 1/2) x - d = -x/2; fc(k) = 1/(12 n) - 1/(360 n^3) + ... lies
/// between its first one and two terms. For |x| > 1/2 the whole line
/// (-DBL_MAX, DBL_MAX), which decides nothing.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR log_bracket
poisson_log_pmf_bracket(double k, double n, double d, double log_c) noexcept {
    const double r = 1.0 / n;
    const double x = fp_mul(d, r);
    const double ax = x < 0.0 ? -x : x;
    if (!(ax <= 0.5)) return {-largest_finite<double>, largest_finite<double>};
    const double x2 = fp_mul(x, x);
    const double kh = k + 0.5;
    // (k + 1/2)(x - x^2/2 + x^3/3) - d = (k + 1/2) x^2 (x/3 - 1/2) - x/2.
    const double core = fp_mul(kh, fp_mul(x2, fp_mul(x, 1.0 / 3.0) - 0.5)) - 0.5 * x;
    const double fc_hi = fp_mul(r, 1.0 / 12.0);
    const double fc_lo = fc_hi - fp_mul(fp_mul(r, r), fp_mul(r, 1.0 / 360.0));
    const double slack = fp_mul(0x1p-30, 1.0 + (d < 0.0 ? -d : d)) + log_bracket_slack;
    const double top = core - log_c;
    return {(top - fp_mul(kh, fp_mul(x2, x2)) * 0.5) - fc_hi - slack, (top - fc_lo) + slack};
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_DISCRETE_MATH_HPP
