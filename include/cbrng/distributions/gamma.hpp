// cbrng/distributions/gamma.hpp: gamma variates, bit-stable: Marsaglia and
// Tsang's squeeze method, with the boost for alpha < 1.
//
// std::gamma_distribution's algorithm is unspecified (libstdc++, libc++ and
// MSVC differ, and each calls libm). This one is frozen (docs/design.md §4). With
// shape alpha and scale beta (std's names; mean alpha * beta):
//
//  - alpha >= 1: G. Marsaglia and W. W. Tsang, "A simple method for
//    generating gamma variables", ACM TOMS 26(3), 2000, 363-372. With
//    d = alpha - 1/3 and c = 1 / sqrt(9 d), each attempt draws a standard
//    normal z by the 256-layer ziggurat (detail/ziggurat.hpp: one 64-bit
//    draw 98.5% of the time) and, if v = (1 + c z)^3 > 0, a uniform u in
//    (0, 1] (one 64-bit draw x: u = ((x >> 11) + 1) * 2^-53); it accepts d v
//    when u < 1 - 0.0331 z^4 (the squeeze) or
//    log u < z^2 / 2 + d (1 - v + log v). The expected number of attempts is
//    about 1.05 at alpha = 1, 1.02 at alpha = 2, falling towards 1 (measured
//    by tests/distributions_gamma_test: about 2.1, 2.06 and 2.02 draws per
//    variate at alpha = 1, 2 and 30).
//  - alpha < 1: the boost, gamma(alpha) = gamma(alpha + 1) * u^(1/alpha),
//    with u^(1/alpha) = exp(-e * (1 / alpha)) (1 / alpha rounded to double;
//    below alpha = 2^-1024, where it overflows, -e / alpha) for e a standard
//    exponential variate drawn after the gamma(alpha + 1) variate by the
//    exponential ziggurat (one 64-bit draw 97.8% of the time), alpha + 1
//    rounded to double. For
//    small alpha the variates are often far below the smallest double and
//    round to 0, as the exact values would; the beta, student_t and fisher_f
//    distributions use the log-space form (detail::gamma_log_variate) so
//    they never see that underflow.
//  - result = (d v or the boosted value) * beta, in double; float variates
//    are the double ones rounded once (the same draws: gamma<float>(a, b)
//    gives float(gamma<double>(a, b)) for the same generator state).
//  - d and c depend on alpha alone, so param_type computes them once, when
//    it is built at run time (same operations, same bits); the per-variate
//    cost is then the attempts' draws, normal variates and squeezes.
//
// The ziggurat tables are frozen data; log, exp and sqrt are the library's own
// (detail/math.hpp, no libm), every product guarded against FMA contraction:
// the same bits on every compiler, flag set, architecture and CUDA device.
//
// Words consumed per variate: variable (rejection). A draw is one 64-bit word
// (two calls of a 32-bit URBG, low half first), for float and double alike.
// An attempt takes one normal (one draw, more in 1.2% of cases) and, unless
// v <= 0, one uniform draw; alpha < 1 adds an exponential (one draw, more in
// 1.1% of cases). So there is no O(1) random access (variate_at rejects this
// distribution).
//
// Accuracy: the method is exact up to the ziggurat tables' rounding (each
// entry correctly rounded from 50 digits) and the uniforms' grid of 2^-53.
//
// Example:
//   cbrng::philox4x32 g{7};
//   cbrng::gamma_distribution<double> wait{2.0, 1.5};   // shape 2, scale 1.5
//   double t = wait(g);
#ifndef CBRNG_DISTRIBUTIONS_GAMMA_HPP
#define CBRNG_DISTRIBUTIONS_GAMMA_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fast_math.hpp"
#include "../detail/fp.hpp"
#include "../detail/io.hpp"
#include "../detail/math.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../detail/real_distribution.hpp"
#include "../detail/uniform_bits.hpp"
#include "../detail/ziggurat.hpp"
#include "../word_array.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class gamma_distribution;

namespace detail {

/// The constants of Marsaglia-Tsang.
struct marsaglia_tsang_constants {
    static constexpr double third = 1.0 / 3.0;
    static constexpr double squeeze = 0.0331;
};

/// Marsaglia-Tsang's shape-derived constants: d = alpha - 1/3 and
/// c = 1 / sqrt(9 d), or c = 0 for "not computed yet" (a true c is > 0).
struct marsaglia_tsang_params {
    double d = 0;
    double c = 0;
};

/// -e / alpha, the boost's exponent, as -e * inv with inv = 1 / alpha (a
/// product instead of a division on the variate's path); where 1 / alpha
/// overflows (alpha below 2^-1024) the quotient itself.
[[nodiscard]] CBRNG_HOST_DEVICE inline double boost_exponent(double e, double alpha,
                                                             double inv) noexcept {
    return inv <= largest_finite<double> ? fp_mul(0.0 - e, inv) : (0.0 - e) / alpha;
}

/// c = 1 / sqrt(9 d): the same operations, in the same order, as the
/// sampler always used, so precomputing it changes no output.
[[nodiscard]] CBRNG_HOST_DEVICE inline double marsaglia_tsang_c(double d) noexcept {
    return 1.0 / detail::sqrt(fp_mul(9.0, d));
}

/// d and c for shape alpha >= 1.
[[nodiscard]] CBRNG_HOST_DEVICE inline marsaglia_tsang_params marsaglia_tsang_setup(
    double alpha) noexcept {
    const double d = alpha - marsaglia_tsang_constants::third;
    return {d, marsaglia_tsang_c(d)};
}

/// Parameters of gamma_distribution<Real> (its param_type).
template <class Real>
class gamma_param
    : public real_params<gamma_param<Real>, Real, rule::positive_finite, rule::positive_finite> {
    using base = real_params<gamma_param<Real>, Real, rule::positive_finite, rule::positive_finite>;

  public:
    using distribution_type = gamma_distribution<Real>;
    static constexpr const char* name = "cbrng::gamma_distribution";
    static constexpr const char* field_names[] = {"alpha", "beta"};

    /// alpha 1, beta 1.
    CBRNG_HOST_DEVICE constexpr gamma_param() : gamma_param(Real(1)) {}
    /// Throws std::invalid_argument unless alpha and beta are > 0 and finite.
    /// Computes Marsaglia-Tsang's d and c once, here, not per variate (c
    /// only at run time: a param_type built in a constant expression leaves
    /// c = 0 and the sampler computes it per variate, to the same bits).
    CBRNG_HOST_DEVICE explicit constexpr gamma_param(Real alpha, Real beta = Real(1))
        : base(word_array<Real, 2>{{alpha, beta}}) {
        const double a = static_cast<double>(alpha);
        mt_.d = (a >= 1.0 ? a : a + 1.0) - marsaglia_tsang_constants::third;
        inv_alpha_ = 1.0 / a;
#if CBRNG_HAS_IS_CONSTANT_EVALUATED
        if (!__builtin_is_constant_evaluated()) mt_.c = marsaglia_tsang_c(mt_.d);
#endif
    }
    CBRNG_HOST_DEVICE explicit constexpr gamma_param(const word_array<Real, 2>& v)
        : gamma_param(v[0], v[1]) {}
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real alpha() const noexcept {
        return this->v_[0];
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real beta() const noexcept {
        return this->v_[1];
    }
    /// d and c of the Marsaglia-Tsang shape (alpha, or alpha + 1 below 1).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr const marsaglia_tsang_params& mt() const noexcept {
        return mt_;
    }
    /// 1 / alpha (the boost's factor), rounded to double.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double inv_alpha() const noexcept {
        return inv_alpha_;
    }

  private:
    marsaglia_tsang_params mt_{};
    double inv_alpha_ = 0;
};

/// A standard gamma(alpha) variate for alpha >= 1 by Marsaglia-Tsang (see the
/// header comment; frozen). 64-bit draws.
template <class URBG>
CBRNG_HOST_DEVICE double marsaglia_tsang(URBG& g, const marsaglia_tsang_params& p) {
    using c = marsaglia_tsang_constants;
    const double d = p.d;
    const double cc = p.c != 0.0 ? p.c : marsaglia_tsang_c(d);
    for (;;) {
        const double z = ziggurat_normal_variate(g);
        double v = 1.0 + fp_mul(cc, z);
        if (!(v > 0.0)) continue;
        v = fp_mul(fp_mul(v, v), v);
        const double u = ziggurat_unit_open(generate_bits64(g));
        const double z2 = fp_mul(z, z);
        if (u < 1.0 - fp_mul(c::squeeze, fp_mul(z2, z2))) return fp_mul(d, v);
        if (detail::log(u) < 0.5 * z2 + fp_mul(d, (1.0 - v) + detail::log(v))) {
            return fp_mul(d, v);
        }
    }
}

/// The same, computing d and c from alpha >= 1.
template <class URBG>
CBRNG_HOST_DEVICE double marsaglia_tsang(URBG& g, double alpha) {
    return marsaglia_tsang(g, marsaglia_tsang_setup(alpha));
}

/// A standard gamma(alpha) variate (scale 1) for any alpha > 0, in double:
/// Marsaglia-Tsang, boosted below 1 (frozen). p: marsaglia_tsang_setup of
/// alpha, or of alpha + 1 when alpha < 1; inv_alpha: 1 / alpha.
template <class URBG>
CBRNG_HOST_DEVICE double gamma_variate(URBG& g, double alpha, const marsaglia_tsang_params& p,
                                       double inv_alpha) {
    const double x = marsaglia_tsang(g, p);
    if (alpha >= 1.0) return x;
    return fp_mul(x,
                  detail::exp(boost_exponent(ziggurat_exponential_variate(g), alpha, inv_alpha)));
}

/// The same, computing d, c and 1 / alpha from alpha.
template <class URBG>
CBRNG_HOST_DEVICE double gamma_variate(URBG& g, double alpha) {
    return gamma_variate(g, alpha, marsaglia_tsang_setup(alpha >= 1.0 ? alpha : alpha + 1.0),
                         1.0 / alpha);
}

/// The natural log of a standard gamma(alpha) variate, from the same draws
/// as gamma_variate, without its underflow for small alpha: log(d v) for
/// alpha >= 1, log(gamma(alpha + 1)) - e / alpha below (e the boost's
/// exponential variate). Always finite: where e / alpha overflows (alpha
/// below about 1e-307) it is clamped to -DBL_MAX.
template <class URBG>
CBRNG_HOST_DEVICE double gamma_log_variate(URBG& g, double alpha) {
    if (alpha >= 1.0) return detail::log(marsaglia_tsang(g, alpha));
    const double x = marsaglia_tsang(g, alpha + 1.0);
    double t = boost_exponent(ziggurat_exponential_variate(g), alpha, 1.0 / alpha);
    if (!(t >= -largest_finite<double>)) t = -largest_finite<double>;
    return detail::log(x) + t;
}

/// The fewest 64-bit draws a standard gamma(alpha) variate takes: one
/// accepted Marsaglia-Tsang attempt (two draws), plus the boost's exponential
/// below 1.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr std::size_t gamma_min_draws(double alpha) noexcept {
    return alpha >= 1.0 ? 2 : 3;
}

/// n / 2 for a degrees-of-freedom parameter n > 0, never 0 (n = 2^-1074
/// gives 2^-1074, not 0): the gamma shape of chi^2_n.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double half_dof(double n) noexcept {
    const double h = 0.5 * n;
    return h > 0.0 ? h : n;
}

/// log(chi^2_n / n) = log(gamma(n / 2) / (n / 2)) from the draws of
/// gamma_log_variate(n / 2): what student_t and fisher_f use below n = 2.
template <class URBG>
CBRNG_HOST_DEVICE double log_chi2_over_dof(URBG& g, double half) {
    return gamma_log_variate(g, half) - detail::log(half);
}

}  // namespace detail

/// Gamma variates with shape alpha and scale beta (mean alpha * beta,
/// variance alpha * beta^2) by Marsaglia-Tsang with the alpha < 1 boost:
/// bit-identical on every platform and path. Same interface as
/// std::gamma_distribution; RealType is float or double. Consumption is
/// variable (rejection; see the header comment). Stateless; a const object
/// can generate concurrently. Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class gamma_distribution
    : public detail::variable_real_distribution<gamma_distribution<RealType>,
                                                detail::gamma_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::gamma_distribution: RealType must be float or double");
    using base = detail::variable_real_distribution<gamma_distribution<RealType>,
                                                    detail::gamma_param<RealType>>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// alpha 1, beta 1.
    CBRNG_HOST_DEVICE constexpr gamma_distribution() : gamma_distribution(RealType(1)) {}
    /// Throws std::invalid_argument unless alpha and beta are > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr gamma_distribution(RealType alpha,
                                                            RealType beta = RealType(1))
        : base(param_type(alpha, beta)) {}
    CBRNG_HOST_DEVICE explicit constexpr gamma_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType alpha() const noexcept {
        return this->param().alpha();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType beta() const noexcept {
        return this->param().beta();
    }
    /// 0 (reached when a small alpha's variate underflows).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept {
        return RealType(0);
    }
    /// The largest finite value, as for std::.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept {
        return detail::largest_finite<RealType>;
    }

    /// The fewest draws a variate takes (see min_words_per_variate).
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t min_draws(
        const param_type& p) noexcept {
        return detail::gamma_min_draws(static_cast<double>(p.alpha()));
    }

    using base::operator();
    /// One variate from g with parameters p.
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        detail::require_default_fp_flags<gamma_distribution>();
        const double x =
            detail::gamma_variate(g, static_cast<double>(p.alpha()), p.mt(), p.inv_alpha());
        return static_cast<RealType>(detail::fp_mul(x, static_cast<double>(p.beta())));
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_GAMMA_HPP
