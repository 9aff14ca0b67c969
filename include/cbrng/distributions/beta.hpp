// cbrng/distributions/beta.hpp: beta variates on [0, 1], bit-stable.
//
// <random> has no beta distribution; numpy's Generator.beta has. Beta(alpha,
// beta) (alpha, beta > 0) is X / (X + Y) with X ~ gamma(alpha), Y ~
// gamma(beta) independent, drawn in that order from gamma.hpp's frozen
// Marsaglia-Tsang sampler (chosen over Cheng's BB/BC and Johnk's method so
// that the whole family shares one frozen sampler):
//
//  - alpha >= 1 and beta >= 1: X / (X + Y) directly;
//  - otherwise (a boosted shape, whose gamma variate underflows for small
//    parameters, which would give 0 / 0) in log space from
//    lx = log X and ly = log Y (detail::gamma_log_variate): 1 / (1 + e^(ly - lx))
//    when lx >= ly, else e^(lx - ly) / (1 + e^(lx - ly)). The result is then
//    never NaN; it is exactly 0 or 1 where the exact value is below the
//    smallest double or within 2^-54 of 1. (Where both parameters are below
//    about 2e-307, both logs may clamp to -DBL_MAX and give 1/2.)
//
// All in double with the library's own normal quantile, log, exp and sqrt,
// products guarded against FMA contraction; float variates are computed in
// double from 32-bit draws and rounded once. Bit-identical on every compiler,
// flag set, architecture and CUDA device.
//
// Words consumed per variate: variable: those of gamma_distribution(alpha)
// followed by those of gamma_distribution(beta), so no O(1) random access.
//
// Example:
//   cbrng::philox4x32 g{17};
//   cbrng::beta_distribution<double> b{0.5, 0.5};   // arcsine
//   double p = b(g);
#ifndef CBRNG_DISTRIBUTIONS_BETA_HPP
#define CBRNG_DISTRIBUTIONS_BETA_HPP

#include <cstddef>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fast_math.hpp"
#include "../detail/fp.hpp"
#include "../detail/math.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../word_array.hpp"
#include "gamma.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class beta_distribution;

namespace detail {

/// Parameters of beta_distribution<Real> (its param_type).
template <class Real>
class beta_param
    : public real_params<beta_param<Real>, Real, rule::positive_finite, rule::positive_finite> {
  public:
    using distribution_type = beta_distribution<Real>;
    static constexpr const char* name = "cbrng::beta_distribution";
    static constexpr const char* field_names[] = {"alpha", "beta"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 2> defaults() noexcept {
        return {{Real(1), Real(1)}};
    }
    /// alpha 1, beta 1 (uniform) by default; throws std::invalid_argument
    /// unless alpha and beta are > 0 and finite.
    using beta_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real alpha() const noexcept { return this->v_[0]; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real beta() const noexcept { return this->v_[1]; }
};

/// One beta(a, b) variate in double from 64-bit draws (frozen).
template <class URBG>
CBRNG_HOST_DEVICE double beta_variate(URBG& g, double a, double b) {
    if (a >= 1.0 && b >= 1.0) {
        const double x = gamma_variate(g, a);
        return x / (x + gamma_variate(g, b));
    }
    const double lx = gamma_log_variate(g, a);
    const double ly = gamma_log_variate(g, b);
    if (lx >= ly) return 1.0 / (1.0 + detail::exp(ly - lx));
    const double e = detail::exp(lx - ly);
    return e / (1.0 + e);
}

}  // namespace detail

/// Beta variates with shape parameters alpha and beta (mean
/// alpha / (alpha + beta)), as X / (X + Y) of two frozen gamma variates, in
/// log space when a shape is below 1: bit-identical on every platform and
/// path. The std-style interface of the other distributions (param_type,
/// param(), min(), max(), ==, <<, >>); RealType is float or double.
/// Consumption is variable. Stateless; a const object can generate
/// concurrently. Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class beta_distribution : public detail::variable_real_distribution<beta_distribution<RealType>,
                                                                    detail::beta_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::beta_distribution: RealType must be float or double");
    using base = detail::variable_real_distribution<beta_distribution<RealType>,
                                                    detail::beta_param<RealType>>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// alpha 1, beta 1 (uniform on [0, 1]).
    CBRNG_HOST_DEVICE constexpr beta_distribution() : beta_distribution(RealType(1)) {}
    /// Throws std::invalid_argument unless alpha and beta are > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr beta_distribution(RealType alpha,
                                                           RealType beta = RealType(1))
        : base(param_type(alpha, beta)) {}
    CBRNG_HOST_DEVICE explicit constexpr beta_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType alpha() const noexcept {
        return this->param().alpha();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType beta() const noexcept {
        return this->param().beta();
    }
    /// 0.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept {
        return RealType(0);
    }
    /// 1.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept {
        return RealType(1);
    }

    /// The fewest draws a variate takes (see min_words_per_variate).
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t min_draws(
        const param_type& p) noexcept {
        return detail::gamma_min_draws(static_cast<double>(p.alpha())) +
               detail::gamma_min_draws(static_cast<double>(p.beta()));
    }

    using base::operator();
    /// One variate from g with parameters p.
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        detail::require_default_fp_flags<beta_distribution>();
        return static_cast<RealType>(
            detail::beta_variate(g, static_cast<double>(p.alpha()), static_cast<double>(p.beta())));
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_BETA_HPP
