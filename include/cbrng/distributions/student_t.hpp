// cbrng/distributions/student_t.hpp: Student's t variates, bit-stable.
//
// t with n degrees of freedom (n > 0, real, as for
// std::student_t_distribution) is Z / sqrt(V / n), Z standard normal and V
// chi^2_n independent (the definition; Bailey's polar method would need
// pow and rejects as well, and the definition reuses the frozen samplers):
//
//  - Z: the inverse CDF of one draw, exactly as normal_distribution;
//  - then V / n = gamma(n / 2) / (n / 2) from gamma.hpp's Marsaglia-Tsang
//    sampler: for n >= 2, t = Z / sqrt(gamma(n / 2) / (n / 2)); for n < 2
//    (the boosted shapes, whose gamma variates can underflow) in log space,
//    t = Z * exp(-(log gamma(n / 2) - log(n / 2)) / 2), so t is never
//    Z / 0. For n below about 0.05 |t| can still overflow to infinity, as
//    the exact value would (u = 2^-53 makes log(V / n) about -36.7 / (n / 2));
//    for float, whose range ends at e^88.7 and whose draws give
//    u >= 2^-32, below about 0.26 (measured: 2 infinities in 2 million
//    variates at n = 0.15, none at 0.2).
//
// All in double with the library's own normal quantile, log, exp and sqrt,
// products guarded against FMA contraction; float variates are computed in
// double from 32-bit draws and rounded once. Bit-identical on every compiler,
// flag set, architecture and CUDA device.
//
// Words consumed per variate: variable: one draw for Z plus those of
// gamma_distribution(n / 2), so no O(1) random access.
//
// Example:
//   cbrng::philox4x32 g{9};
//   cbrng::student_t_distribution<double> t{4.0};
//   double x = t(g);
#ifndef CBRNG_DISTRIBUTIONS_STUDENT_T_HPP
#define CBRNG_DISTRIBUTIONS_STUDENT_T_HPP

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
class student_t_distribution;

namespace detail {

/// Parameters of student_t_distribution<Real> (its param_type).
template <class Real>
class student_t_param : public real_params<student_t_param<Real>, Real, rule::positive_finite> {
  public:
    using distribution_type = student_t_distribution<Real>;
    static constexpr const char* name = "cbrng::student_t_distribution";
    static constexpr const char* field_names[] = {"n"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 1> defaults() noexcept {
        return {{Real(1)}};
    }
    /// n 1 by default; throws std::invalid_argument unless n > 0 and finite.
    using student_t_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real n() const noexcept { return this->v_[0]; }
};

/// One t_n variate in double from 64-bit draws (frozen).
template <class URBG>
CBRNG_HOST_DEVICE double student_t_variate(URBG& g, double n) {
    const double z = ziggurat_normal_variate(g);
    const double half = half_dof(n);
    if (half >= 1.0) return z / detail::sqrt(gamma_variate(g, half) / half);
    return fp_mul(z, detail::exp(-0.5 * log_chi2_over_dof(g, half)));
}

}  // namespace detail

/// Student's t variates with n degrees of freedom, as Z / sqrt(chi^2_n / n)
/// from the frozen normal and gamma samplers: bit-identical on every platform
/// and path. Same interface as std::student_t_distribution; RealType is float
/// or double. Consumption is variable. Stateless; a const object can generate
/// concurrently. Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class student_t_distribution
    : public detail::variable_real_distribution<student_t_distribution<RealType>,
                                                detail::student_t_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::student_t_distribution: RealType must be float or double");
    using base = detail::variable_real_distribution<student_t_distribution<RealType>,
                                                    detail::student_t_param<RealType>>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// n 1.
    CBRNG_HOST_DEVICE constexpr student_t_distribution() : student_t_distribution(RealType(1)) {}
    /// Throws std::invalid_argument unless n > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr student_t_distribution(RealType n) : base(param_type(n)) {}
    CBRNG_HOST_DEVICE explicit constexpr student_t_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType n() const noexcept {
        return this->param().n();
    }
    /// The lowest finite value, as for std::.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept {
        return -detail::largest_finite<RealType>;
    }
    /// The largest finite value, as for std::.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept {
        return detail::largest_finite<RealType>;
    }

    /// The fewest draws a variate takes (see min_words_per_variate).
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t min_draws(
        const param_type& p) noexcept {
        return 1 + detail::gamma_min_draws(detail::half_dof(static_cast<double>(p.n())));
    }

    using base::operator();
    /// One variate from g with parameters p.
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        detail::require_default_fp_flags<student_t_distribution>();
        return static_cast<RealType>(detail::student_t_variate(g, static_cast<double>(p.n())));
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_STUDENT_T_HPP
