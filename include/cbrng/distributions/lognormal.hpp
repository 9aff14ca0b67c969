// cbrng/distributions/lognormal.hpp: lognormal variates, bit-stable, one draw
// per variate, O(1) random access.
//
// exp of the library's normal variate (normal.hpp: inversion by AS 241, not
// a polar method), with the library's own exponential (detail/math.hpp, no
// libm):
//
//   double: u = (2 * (x >> 12) + 1) * 2^-53 from one 64-bit draw x
//   float:  u = (2 * x + 1) * 2^-33 from one 32-bit draw x (in double)
//   z = Phi^-1(u) (detail::normal_quantile, in double)
//   result = exp(m + s * z) (in double; rounded once to float for float)
//
// so log(result) is exactly what normal_distribution<double>(m, s) would
// return for the same draw (before rounding to float). |z| <= 8.2095 for
// double, 6.3380 for float, so the result is finite and positive unless
// m + s * z leaves exp's range (above 709.78: +inf; below -745.13: +0, as the
// exact values would). Every product is guarded against FMA contraction, so
// results are bit-identical across compilers, -O levels, -march, SIMD paths
// and devices (docs/design.md §6).
//
// Words consumed per variate, fixed: one 64-bit draw for double (two calls of
// a 32-bit URBG, low half first), one 32-bit draw for float; hence O(1)
// random access with variate_at() (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{3};
//   cbrng::lognormal_distribution<double> size{0.0, 0.25};   // median 1
//   double x = size(g);
#ifndef CBRNG_DISTRIBUTIONS_LOGNORMAL_HPP
#define CBRNG_DISTRIBUTIONS_LOGNORMAL_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fp.hpp"
#include "../detail/math.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../detail/real_distribution.hpp"
#include "../word_array.hpp"
#include "normal.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class lognormal_distribution;

namespace detail {

/// Parameters of lognormal_distribution<Real> (its param_type).
template <class Real>
class lognormal_param
    : public real_params<lognormal_param<Real>, Real, rule::finite, rule::positive_finite> {
  public:
    using distribution_type = lognormal_distribution<Real>;
    static constexpr const char* name = "cbrng::lognormal_distribution";
    static constexpr const char* field_names[] = {"m", "s"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 2> defaults() noexcept {
        return {{Real(0), Real(1)}};
    }
    /// m 0, s 1 by default; throws std::invalid_argument unless m is finite
    /// and s > 0 and finite.
    using lognormal_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real m() const noexcept { return this->v_[0]; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real s() const noexcept { return this->v_[1]; }
};

/// The double lognormal variate for 64 random bits x (frozen; mirrored by
/// the SIMD back ends).
[[nodiscard]] CBRNG_HOST_DEVICE inline double lognormal_from_bits(
    std::uint64_t x, const lognormal_param<double>& p) noexcept {
    return detail::exp(p.m() + fp_mul(p.s(), normal_quantile(normal_unit(x))));
}
/// The float lognormal variate for 32 random bits x: computed in double,
/// rounded once.
[[nodiscard]] CBRNG_HOST_DEVICE inline float lognormal_from_bits(
    std::uint32_t x, const lognormal_param<float>& p) noexcept {
    const double z = normal_quantile(normal_unit(x));
    return static_cast<float>(
        detail::exp(static_cast<double>(p.m()) + fp_mul(static_cast<double>(p.s()), z)));
}

}  // namespace detail

/// Lognormal variates: exp(N(m, s^2)), m and s the mean and standard
/// deviation of the logarithm. One draw per variate, bit-identical on every
/// platform and path. Same interface as std::lognormal_distribution; RealType
/// is float or double. Stateless; a const object can generate concurrently.
/// Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class lognormal_distribution : public detail::real_distribution<lognormal_distribution<RealType>,
                                                                detail::lognormal_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::lognormal_distribution: RealType must be float or double");
    using base = detail::real_distribution<lognormal_distribution<RealType>,
                                           detail::lognormal_param<RealType>>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// m 0, s 1.
    CBRNG_HOST_DEVICE constexpr lognormal_distribution() : lognormal_distribution(RealType(0)) {}
    /// Throws std::invalid_argument unless m is finite and s > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr lognormal_distribution(RealType m,
                                                                RealType s = RealType(1))
        : base(param_type(m, s)) {}
    CBRNG_HOST_DEVICE explicit constexpr lognormal_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType m() const noexcept {
        return this->param().m();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType s() const noexcept {
        return this->param().s();
    }
    /// 0, as for std::.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept {
        return RealType(0);
    }
    /// The largest finite value, as for std:: (actual variates stay within
    /// exp(m +- 8.21 s) for double, exp(m +- 6.34 s) for float).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept {
        return detail::largest_finite<RealType>;
    }

  private:
    template <class Bits>
    [[nodiscard]] CBRNG_HOST_DEVICE static result_type from_bits(Bits x,
                                                                 const param_type& p) noexcept {
        return detail::lognormal_from_bits(x, p);
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_LOGNORMAL_HPP
