// Helpers for the tests of the gamma family (gamma, chi_squared, student_t,
// fisher_f, beta): exact CDFs in long double (regularized incomplete gamma and
// beta functions) and an independent long-double re-implementation of the
// frozen samplers from the same draws, to cross-check the double code.
#ifndef CBRNG_TESTS_GAMMA_FAMILY_UTIL_HPP
#define CBRNG_TESTS_GAMMA_FAMILY_UTIL_HPP

#include <cbrng/detail/math.hpp>
#include <cbrng/detail/uniform_bits.hpp>
#include <cbrng/detail/ziggurat.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "stats_util.hpp"

namespace cbrng_test {

/// Regularized lower incomplete gamma P(a, x).
inline long double gamma_p(long double a, long double x) {
    return 1.0L - gamma_q(a, x);
}

/// Continued fraction of the incomplete beta function (modified Lentz), for
/// x < (a + 1) / (a + b + 2).
inline long double beta_cf(long double a, long double b, long double x) {
    const long double tiny = 1e-300L;
    long double c = 1;
    long double d = 1 - (a + b) * x / (a + 1);
    if (std::fabs(d) < tiny) d = tiny;
    d = 1 / d;
    long double h = d;
    for (int m = 1; m < 100000; ++m) {
        const long double m2 = 2.0L * m;
        long double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        const long double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < 1e-19L) break;
    }
    return h;
}

/// Regularized incomplete beta I_x(a, b).
inline long double beta_i(long double a, long double b, long double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const long double log_front =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    if (x < (a + 1) / (a + b + 2)) return std::exp(log_front) * beta_cf(a, b, x) / a;
    return 1 - std::exp(log_front) * beta_cf(b, a, 1 - x) / b;
}

/// CDF of Student's t with n degrees of freedom.
inline long double student_t_cdf(long double n, long double t) {
    const long double tail = 0.5L * beta_i(n / 2, 0.5L, n / (n + t * t));
    return t > 0 ? 1 - tail : tail;
}

/// CDF of F(m, n).
inline long double fisher_f_cdf(long double m, long double n, long double x) {
    if (x <= 0) return 0;
    return beta_i(m / 2, n / 2, m * x / (m * x + n));
}

// ------------------------------------------------ long-double reference samplers
// The documented algorithms in long double with libm, from the same 64-bit
// draws and the library's ziggurat tables (frozen data; tests/ziggurat_test
// checks them against their defining equations): a decision that differs from
// the double code's (probability of order 1e-15 per attempt) would
// desynchronise the draws and show as a gross mismatch. Real only names the
// variate type under test: the draws are 64 bits for float and double alike.

template <class G>
std::uint64_t ref_bits(G& g) {
    return cbrng::detail::generate_bits64(g);
}

/// A layer's z = j w[i], rounded once to double as the library rounds it (the
/// one rounding of the fast path; what follows is compared in long double).
inline long double z_of(std::uint64_t j, double w) {
    volatile double z = static_cast<double>(j) * w;
    return z;
}

/// The ziggurat normal (detail/ziggurat.hpp), in long double.
template <class Real, class G>
long double ref_normal(G& g) {
    using t = cbrng::detail::ziggurat_normal;
    for (;;) {
        const std::uint64_t x = ref_bits(g);
        const auto i = static_cast<unsigned>(x & 0xff);
        const long double sign = ((x >> 8) & 1) != 0 ? -1.0L : 1.0L;
        const std::uint64_t j = x >> 11;
        const long double z = z_of(j, t::w(i));
        if (j < t::k(i)) return sign * z;
        if (i == 0) {
            for (;;) {
                const long double a =
                    -std::log(static_cast<long double>((ref_bits(g) >> 11) + 1) * 0x1p-53L) /
                    static_cast<long double>(t::r);
                const long double b =
                    -std::log(static_cast<long double>((ref_bits(g) >> 11) + 1) * 0x1p-53L);
                if (2 * b > a * a) return sign * (t::r + a);
            }
        }
        const long double u = static_cast<long double>(ref_bits(g) >> 11) * 0x1p-53L;
        const long double fi = t::f(i);
        const long double fn = t::f(i + 1);
        if (fi + u * (fn - fi) < std::exp(-z * z / 2)) return sign * z;
    }
}

/// The ziggurat exponential (detail/ziggurat.hpp), in long double.
template <class G>
long double ref_exponential(G& g) {
    using t = cbrng::detail::ziggurat_exponential;
    long double offset = 0;
    for (;;) {
        const std::uint64_t x = ref_bits(g);
        const auto i = static_cast<unsigned>(x & 0xff);
        const std::uint64_t j = x >> 11;
        const long double z = z_of(j, t::w(i));
        if (j < t::k(i)) return offset + z;
        if (i == 0) {
            offset += t::r;
            continue;
        }
        const long double u = static_cast<long double>(ref_bits(g) >> 11) * 0x1p-53L;
        const long double fi = t::f(i);
        const long double fn = t::f(i + 1);
        if (fi + u * (fn - fi) < std::exp(-z)) return offset + z;
    }
}

template <class Real, class G>
long double ref_unit(G& g) {
    return static_cast<long double>((ref_bits(g) >> 11) + 1) * 0x1p-53L;
}

/// Marsaglia-Tsang for alpha >= 1. *cond (if given) receives 1 / (1 + c z)
/// of the accepted attempt: the factor by which v = (1 + c z)^3 amplifies the
/// rounding of c z, i.e. the conditioning of the method at that variate.
template <class Real, class G>
long double ref_marsaglia_tsang(G& g, long double alpha, long double* cond = nullptr) {
    const long double dd = alpha - 1.0L / 3;
    const long double c = 1 / std::sqrt(9 * dd);
    for (;;) {
        const long double z = ref_normal<Real>(g);
        const long double w = 1 + c * z;
        if (!(w > 0)) continue;
        const long double v = w * w * w;
        const long double u = ref_unit<Real>(g);
        if (u < 1 - 0.0331L * z * z * z * z ||
            std::log(u) < z * z / 2 + dd * (1 - v + std::log(v))) {
            if (cond != nullptr) *cond = 1 / w;
            return dd * v;
        }
    }
}

/// Standard gamma(alpha), boosted below 1 (alpha + 1 rounded to double, as
/// the library does). *cond as for ref_marsaglia_tsang.
template <class Real, class G>
long double ref_gamma(G& g, long double alpha, long double* cond = nullptr) {
    if (alpha >= 1) return ref_marsaglia_tsang<Real>(g, alpha, cond);
    const long double x = ref_marsaglia_tsang<Real>(g, static_cast<double>(alpha) + 1.0, cond);
    return x * std::exp(-ref_exponential(g) / alpha);
}

template <class Real, class G>
long double ref_student_t(G& g, long double n) {
    const long double z = ref_normal<Real>(g);
    return z / std::sqrt(ref_gamma<Real>(g, n / 2) / (n / 2));
}

template <class Real, class G>
long double ref_fisher_f(G& g, long double m, long double n) {
    const long double x = ref_gamma<Real>(g, m / 2) / (m / 2);
    return x / (ref_gamma<Real>(g, n / 2) / (n / 2));
}

template <class Real, class G>
long double ref_beta(G& g, long double a, long double b) {
    const long double x = ref_gamma<Real>(g, a);
    return x / (x + ref_gamma<Real>(g, b));
}

/// |got - ref| / max(|ref|, smallest normal Real) in units of Real's
/// half-epsilon (ulp-like; subnormal results are compared in units of the
/// subnormal spacing).
template <class Real>
double rel_error_units(Real got, long double ref) {
    const long double scale =
        std::max(std::fabs(ref), static_cast<long double>(std::numeric_limits<Real>::min()));
    const long double unit = std::ldexp(1.0L, -std::numeric_limits<Real>::digits);
    return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / scale / unit);
}

}  // namespace cbrng_test

#endif  // CBRNG_TESTS_GAMMA_FAMILY_UTIL_HPP
