// cbrng/distributions/extreme_value.hpp: extreme value (Gumbel, type I)
// variates, bit-stable, one draw per variate, O(1) random access.
//
// The Gumbel distribution with location a and scale b has CDF
// F(x) = exp(-exp(-(x - a) / b)), so inversion is exact in count and cheap:
//
//   double: u = (2 * (x >> 12) + 1) * 2^-53 from one 64-bit draw x
//   float:  u = (2 * x + 1) * 2^-33 from one 32-bit draw x (in double)
//   result = a - b * log(-log(u)) (in double; rounded once to float for float)
//
// with the library's own logarithm (detail/math.hpp, no libm). u is the
// normal distribution's grid, strictly inside (0, 1), so both logarithms are
// finite: a - 3.6038 b <= result <= a + 36.737 b for double (u in
// [2^-53, 1 - 2^-53]), a - 3.1302 b <= result <= a + 22.874 b for float; the
// tail mass cut off is about 2^-53 (2^-33) per side. (Parameters so large that
// these bounds exceed the type's range overflow to infinity, as the exact
// values would.) Every product is guarded against FMA contraction, so results
// are bit-identical across compilers, -O levels, -march, SIMD paths and
// devices (docs/design.md §6).
//
// Words consumed per variate, fixed: one 64-bit draw for double (two calls of
// a 32-bit URBG, low half first), one 32-bit draw for float; hence O(1)
// random access with variate_at() (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{3};
//   cbrng::extreme_value_distribution<double> flood{100.0, 15.0};
//   double yearly_max = flood(g);
#ifndef CBRNG_DISTRIBUTIONS_EXTREME_VALUE_HPP
#define CBRNG_DISTRIBUTIONS_EXTREME_VALUE_HPP

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
class extreme_value_distribution;

namespace detail {

/// Parameters of extreme_value_distribution<Real> (its param_type).
template <class Real>
class extreme_value_param : public location_scale_params<extreme_value_param<Real>, Real> {
  public:
    using distribution_type = extreme_value_distribution<Real>;
    static constexpr const char* name = "cbrng::extreme_value_distribution";
    /// a 0, b 1 by default; throws std::invalid_argument unless a is finite
    /// and b > 0 and finite.
    using extreme_value_param::location_scale_params::location_scale_params;
};

/// log(-log(u)) for u on the normal grid (normal_unit): minus the standard
/// Gumbel variate, always finite.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double gumbel_log_log(double u) noexcept {
    return detail::log(0.0 - detail::log(u));
}

/// The double extreme value variate for 64 random bits x (frozen; mirrored by
/// the SIMD back ends).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double extreme_value_from_bits(
    std::uint64_t x, const extreme_value_param<double>& p) noexcept {
    return p.a() - fp_mul(p.b(), gumbel_log_log(normal_unit(x)));
}
/// The float extreme value variate for 32 random bits x: computed in double,
/// rounded once.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float extreme_value_from_bits(
    std::uint32_t x, const extreme_value_param<float>& p) noexcept {
    return static_cast<float>(static_cast<double>(p.a()) -
                              fp_mul(static_cast<double>(p.b()), gumbel_log_log(normal_unit(x))));
}

}  // namespace detail

/// Extreme value (Gumbel) variates with location a and scale b, by inversion:
/// one draw per variate, bit-identical on every platform and path. Same
/// interface as std::extreme_value_distribution; RealType is float or double.
/// Stateless; a const object can generate concurrently. Outputs are frozen
/// (docs/design.md §4).
template <class RealType = double>
class extreme_value_distribution
    : public detail::real_distribution<extreme_value_distribution<RealType>,
                                       detail::extreme_value_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::extreme_value_distribution: RealType must be float or double");
    using base = detail::real_distribution<extreme_value_distribution<RealType>,
                                           detail::extreme_value_param<RealType>>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// a 0, b 1.
    CBRNG_HOST_DEVICE constexpr extreme_value_distribution()
        : extreme_value_distribution(RealType(0)) {}
    /// Throws std::invalid_argument unless a is finite and b > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr extreme_value_distribution(RealType a,
                                                                    RealType b = RealType(1))
        : base(param_type(a, b)) {}
    CBRNG_HOST_DEVICE explicit constexpr extreme_value_distribution(const param_type& p)
        : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType a() const noexcept {
        return this->param().a();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType b() const noexcept {
        return this->param().b();
    }
    /// The lowest finite value, as for std:: (actual variates stay within
    /// [a - 3.61 b, a + 36.74 b] for double, [a - 3.14 b, a + 22.88 b] for
    /// float).
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
        return detail::extreme_value_from_bits(x, p);
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_EXTREME_VALUE_HPP
