// cbrng/distributions/chi_squared.hpp: chi-squared variates, bit-stable.
//
// chi^2 with n degrees of freedom (n > 0, not necessarily an integer, as for
// std::chi_squared_distribution) is gamma(n / 2, 2): the result is
// 2 * detail::gamma_variate(n / 2), the frozen Marsaglia-Tsang sampler of
// gamma.hpp (boosted for n < 2), in double; float variates are computed in
// double from 32-bit draws and rounded once. Bit-identical on every compiler,
// flag set, architecture and CUDA device.
//
// Words consumed per variate: variable, exactly those of
// gamma_distribution(n / 2) (see gamma.hpp), so no O(1) random access.
// Accuracy: that of gamma.hpp. For n below about 0.1 many variates underflow
// to 0, as the exact values would.
//
// Example:
//   cbrng::philox4x32 g{5};
//   cbrng::chi_squared_distribution<double> chi2{3.0};
//   double q = chi2(g);
#ifndef CBRNG_DISTRIBUTIONS_CHI_SQUARED_HPP
#define CBRNG_DISTRIBUTIONS_CHI_SQUARED_HPP

#include <cstddef>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fast_math.hpp"
#include "../detail/fp.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../word_array.hpp"
#include "gamma.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class chi_squared_distribution;

namespace detail {

/// Parameters of chi_squared_distribution<Real> (its param_type).
template <class Real>
class chi_squared_param : public real_params<chi_squared_param<Real>, Real, rule::positive_finite> {
  public:
    using distribution_type = chi_squared_distribution<Real>;
    static constexpr const char* name = "cbrng::chi_squared_distribution";
    static constexpr const char* field_names[] = {"n"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 1> defaults() noexcept {
        return {{Real(1)}};
    }
    /// n 1 by default; throws std::invalid_argument unless n > 0 and finite.
    using chi_squared_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real n() const noexcept { return this->v_[0]; }
};

}  // namespace detail

/// Chi-squared variates with n degrees of freedom (mean n, variance 2 n), as
/// gamma(n / 2, 2) by the frozen sampler of gamma.hpp: bit-identical on every
/// platform and path. Same interface as std::chi_squared_distribution;
/// RealType is float or double. Consumption is variable. Stateless; a const
/// object can generate concurrently. Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class chi_squared_distribution
    : public detail::variable_real_distribution<chi_squared_distribution<RealType>,
                                                detail::chi_squared_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::chi_squared_distribution: RealType must be float or double");
    using base = detail::variable_real_distribution<chi_squared_distribution<RealType>,
                                                    detail::chi_squared_param<RealType>>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// n 1.
    CBRNG_HOST_DEVICE constexpr chi_squared_distribution()
        : chi_squared_distribution(RealType(1)) {}
    /// Throws std::invalid_argument unless n > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr chi_squared_distribution(RealType n)
        : base(param_type(n)) {}
    CBRNG_HOST_DEVICE explicit constexpr chi_squared_distribution(const param_type& p) : base(p) {}

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
        return detail::gamma_min_draws(detail::half_dof(static_cast<double>(p.n())));
    }

    using base::operator();
    /// One variate from g with parameters p: 2 * gamma(n / 2).
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        detail::require_default_fp_flags<chi_squared_distribution>();
        const double half_n = detail::half_dof(static_cast<double>(p.n()));
        return static_cast<RealType>(2.0 * detail::gamma_variate(g, half_n));
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_CHI_SQUARED_HPP
