// cbrng/distributions/cauchy.hpp: Cauchy (Lorentz) variates, bit-stable, one
// draw per variate, O(1) random access.
//
// The Cauchy distribution with location a and scale b has quantile
// a + b * tan(pi * (u - 1/2)), so inversion is exact in count and cheap:
//
//   double: u = (2 * (x >> 12) + 1) * 2^-53 from one 64-bit draw x
//   float:  u = (2 * x + 1) * 2^-33 from one 32-bit draw x (in double)
//   t = u - 1/2 (exact, never 0 or +-1/2)
//   result = a + b * tan_pi(t) (in double; rounded once to float for float)
//
// with the library's own tangent (detail/math_trig.hpp: exact reduction of
// pi * t to [0, pi/4], fdlibm's polynomial, no libm; below 1 ulp, measured in
// docs/distributions.md). u is the normal distribution's grid, strictly inside
// (0, 1), so the tangent is finite: |result - a| <= 2.8671e15 b for double
// (|t| <= 1/2 - 2^-53), 2.7343e9 b for float; the tail mass cut off is about
// 2^-53 (2^-33) per side. (A scale so large that this bound exceeds the
// type's range overflows to infinity, as the exact value would.) Every product
// is guarded against FMA contraction, so results are bit-identical across
// compilers, -O levels, -march, SIMD paths and devices (docs/design.md §6).
//
// Words consumed per variate, fixed: one 64-bit draw for double (two calls of
// a 32-bit URBG, low half first), one 32-bit draw for float; hence O(1)
// random access with variate_at() (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{3};
//   cbrng::cauchy_distribution<double> line{0.0, 0.5};   // half width 0.5
//   double x = line(g);
#ifndef CBRNG_DISTRIBUTIONS_CAUCHY_HPP
#define CBRNG_DISTRIBUTIONS_CAUCHY_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fp.hpp"
#include "../detail/math_trig.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../detail/real_distribution.hpp"
#include "../word_array.hpp"
#include "normal.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class cauchy_distribution;

namespace detail {

/// Parameters of cauchy_distribution<Real> (its param_type).
template <class Real>
class cauchy_param : public location_scale_params<cauchy_param<Real>, Real> {
  public:
    using distribution_type = cauchy_distribution<Real>;
    static constexpr const char* name = "cbrng::cauchy_distribution";
    /// a 0, b 1 by default; throws std::invalid_argument unless a is finite
    /// and b > 0 and finite.
    using cauchy_param::location_scale_params::location_scale_params;
};

/// The double Cauchy variate for 64 random bits x (frozen).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double cauchy_from_bits(
    std::uint64_t x, const cauchy_param<double>& p) noexcept {
    return p.a() + fp_mul(p.b(), tan_pi(normal_unit(x) - 0.5));
}
/// The float Cauchy variate for 32 random bits x: computed in double, rounded
/// once.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float cauchy_from_bits(
    std::uint32_t x, const cauchy_param<float>& p) noexcept {
    return static_cast<float>(static_cast<double>(p.a()) +
                              fp_mul(static_cast<double>(p.b()), tan_pi(normal_unit(x) - 0.5)));
}

}  // namespace detail

/// Cauchy variates with location a and scale b (half width at half maximum),
/// by inversion:
/// one draw per variate, bit-identical on every platform and path. Same
/// interface as std::cauchy_distribution; RealType is float or double.
/// Stateless; a const object can generate concurrently. Outputs are frozen
/// (docs/design.md §4).
template <class RealType = double>
class cauchy_distribution : public detail::real_distribution<cauchy_distribution<RealType>,
                                                             detail::cauchy_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::cauchy_distribution: RealType must be float or double");
    using base =
        detail::real_distribution<cauchy_distribution<RealType>, detail::cauchy_param<RealType>>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// a 0, b 1.
    CBRNG_HOST_DEVICE constexpr cauchy_distribution() : cauchy_distribution(RealType(0)) {}
    /// Throws std::invalid_argument unless a is finite and b > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr cauchy_distribution(RealType a, RealType b = RealType(1))
        : base(param_type(a, b)) {}
    CBRNG_HOST_DEVICE explicit constexpr cauchy_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType a() const noexcept {
        return this->param().a();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType b() const noexcept {
        return this->param().b();
    }
    /// The lowest finite value, as for std:: (actual variates stay within
    /// a +- 2.8671e15 b for double, a +- 2.7343e9 b for float).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept {
        return -detail::largest_finite<RealType>;
    }
    /// The largest finite value, as for std::.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept {
        return detail::largest_finite<RealType>;
    }

  private:
    template <class Bits>
    [[nodiscard]] CBRNG_HOST_DEVICE static result_type from_bits(Bits x,
                                                                 const param_type& p) noexcept {
        return detail::cauchy_from_bits(x, p);
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_CAUCHY_HPP
