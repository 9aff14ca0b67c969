// cbrng/distributions/fisher_f.hpp: Fisher's F variates, bit-stable.
//
// F with m and n degrees of freedom (m, n > 0, real, as for
// std::fisher_f_distribution) is (chi^2_m / m) / (chi^2_n / n), the two
// chi-squared variates independent, drawn in that order from gamma.hpp's
// frozen Marsaglia-Tsang sampler as chi^2_k / k = gamma(k / 2) / (k / 2):
//
//  - m >= 2 and n >= 2: F = (gamma(m/2) / (m/2)) / (gamma(n/2) / (n/2));
//  - otherwise (a boosted shape, whose gamma variate can underflow) in log
//    space: F = exp(log(chi^2_m / m) - log(chi^2_n / n)), never 0 / 0. For
//    degrees of freedom below about 0.1, F can still underflow to 0 or
//    overflow to infinity, as the exact value would.
//
// All in double with the library's own normal quantile, log, exp and sqrt,
// products guarded against FMA contraction; float variates are computed in
// double from 32-bit draws and rounded once. Bit-identical on every compiler,
// flag set, architecture and CUDA device.
//
// Words consumed per variate: variable: those of gamma_distribution(m / 2)
// followed by those of gamma_distribution(n / 2), so no O(1) random access.
//
// Example:
//   cbrng::philox4x32 g{13};
//   cbrng::fisher_f_distribution<double> f{5.0, 10.0};
//   double x = f(g);
#ifndef CBRNG_DISTRIBUTIONS_FISHER_F_HPP
#define CBRNG_DISTRIBUTIONS_FISHER_F_HPP

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
class fisher_f_distribution;

namespace detail {

/// Parameters of fisher_f_distribution<Real> (its param_type).
template <class Real>
class fisher_f_param
    : public real_params<fisher_f_param<Real>, Real, rule::positive_finite, rule::positive_finite> {
  public:
    using distribution_type = fisher_f_distribution<Real>;
    static constexpr const char* name = "cbrng::fisher_f_distribution";
    static constexpr const char* field_names[] = {"m", "n"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 2> defaults() noexcept {
        return {{Real(1), Real(1)}};
    }
    /// m 1, n 1 by default; throws std::invalid_argument unless m and n are
    /// > 0 and finite.
    using fisher_f_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real m() const noexcept { return this->v_[0]; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real n() const noexcept { return this->v_[1]; }
};

/// One F(m, n) variate in double from 64-bit draws (frozen).
template <class URBG>
CBRNG_HOST_DEVICE double fisher_f_variate(URBG& g, double m, double n) {
    const double hm = half_dof(m);
    const double hn = half_dof(n);
    if (hm >= 1.0 && hn >= 1.0) {
        const double x = gamma_variate(g, hm) / hm;
        return x / (gamma_variate(g, hn) / hn);
    }
    const double lx = log_chi2_over_dof(g, hm);
    return detail::exp(lx - log_chi2_over_dof(g, hn));
}

}  // namespace detail

/// Fisher's F variates with m and n degrees of freedom, as
/// (chi^2_m / m) / (chi^2_n / n) from the frozen gamma sampler: bit-identical
/// on every platform and path. Same interface as std::fisher_f_distribution;
/// RealType is float or double. Consumption is variable. Stateless; a const
/// object can generate concurrently. Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class fisher_f_distribution
    : public detail::variable_real_distribution<fisher_f_distribution<RealType>,
                                                detail::fisher_f_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::fisher_f_distribution: RealType must be float or double");
    using base = detail::variable_real_distribution<fisher_f_distribution<RealType>,
                                                    detail::fisher_f_param<RealType>>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// m 1, n 1.
    CBRNG_HOST_DEVICE constexpr fisher_f_distribution() : fisher_f_distribution(RealType(1)) {}
    /// Throws std::invalid_argument unless m and n are > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr fisher_f_distribution(RealType m, RealType n = RealType(1))
        : base(param_type(m, n)) {}
    CBRNG_HOST_DEVICE explicit constexpr fisher_f_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType m() const noexcept {
        return this->param().m();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType n() const noexcept {
        return this->param().n();
    }
    /// 0.
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
        return detail::gamma_min_draws(detail::half_dof(static_cast<double>(p.m()))) +
               detail::gamma_min_draws(detail::half_dof(static_cast<double>(p.n())));
    }

    using base::operator();
    /// One variate from g with parameters p.
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        detail::require_default_fp_flags<fisher_f_distribution>();
        return static_cast<RealType>(
            detail::fisher_f_variate(g, static_cast<double>(p.m()), static_cast<double>(p.n())));
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_FISHER_F_HPP
