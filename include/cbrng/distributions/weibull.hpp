// cbrng/distributions/weibull.hpp: Weibull variates, bit-stable, one draw per
// variate, O(1) random access.
//
// The Weibull distribution with shape a and scale b has CDF
// F(x) = 1 - exp(-(x / b)^a), so inversion is exact in count:
//
//   double: u = (2 * (x >> 12) + 1) * 2^-53 from one 64-bit draw x
//   float:  u = (2 * x + 1) * 2^-33 from one 32-bit draw x (in double)
//   result = b * (-log u)^(1/a) = b * exp(log(-log u) / a)
//     (in double; rounded once to float for float)
//
// with the library's own log and exp (detail/math.hpp, no libm). log(-log u)
// is extreme_value's (Gumbel) quantity, in [-36.737, 3.6038] for double and
// [-22.874, 3.1302] for float, so the result is b * exp(g / a) for such a
// finite g: positive and finite unless g / a leaves exp's range (tiny shapes:
// +0 or +inf, as the exact values would round). Every product is guarded
// against FMA contraction, so results are bit-identical across compilers, -O
// levels, -march, SIMD paths and devices (docs/design.md §6).
//
// Words consumed per variate, fixed: one 64-bit draw for double (two calls of
// a 32-bit URBG, low half first), one 32-bit draw for float; hence O(1)
// random access with variate_at() (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{3};
//   cbrng::weibull_distribution<double> life{1.5, 1000.0};   // shape, scale
//   double hours = life(g);
#ifndef CBRNG_DISTRIBUTIONS_WEIBULL_HPP
#define CBRNG_DISTRIBUTIONS_WEIBULL_HPP

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
#include "extreme_value.hpp"
#include "normal.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class weibull_distribution;

namespace detail {

/// Parameters of weibull_distribution<Real> (its param_type).
template <class Real>
class weibull_param
    : public real_params<weibull_param<Real>, Real, rule::positive_finite, rule::positive_finite> {
  public:
    using distribution_type = weibull_distribution<Real>;
    static constexpr const char* name = "cbrng::weibull_distribution";
    static constexpr const char* field_names[] = {"a", "b"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 2> defaults() noexcept {
        return {{Real(1), Real(1)}};
    }
    /// a 1, b 1 by default; throws std::invalid_argument unless a > 0 and
    /// finite and b > 0 and finite.
    using weibull_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real a() const noexcept { return this->v_[0]; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real b() const noexcept { return this->v_[1]; }
};

/// The double Weibull variate for 64 random bits x (frozen; mirrored by the
/// SIMD back ends).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double weibull_from_bits(
    std::uint64_t x, const weibull_param<double>& p) noexcept {
    return fp_mul(p.b(), detail::exp(gumbel_log_log(normal_unit(x)) / p.a()));
}
/// The float Weibull variate for 32 random bits x: computed in double,
/// rounded once.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float weibull_from_bits(
    std::uint32_t x, const weibull_param<float>& p) noexcept {
    return static_cast<float>(
        fp_mul(static_cast<double>(p.b()),
               detail::exp(gumbel_log_log(normal_unit(x)) / static_cast<double>(p.a()))));
}

}  // namespace detail

/// Weibull variates with shape a and scale b, by inversion: one draw per
/// variate, bit-identical on every platform and path. Same interface as
/// std::weibull_distribution; RealType is float or double. Stateless; a
/// const object can generate concurrently. Outputs are frozen (docs/design.md §4).
template <class RealType = double>
class weibull_distribution : public detail::real_distribution<weibull_distribution<RealType>,
                                                              detail::weibull_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::weibull_distribution: RealType must be float or double");
    using base =
        detail::real_distribution<weibull_distribution<RealType>, detail::weibull_param<RealType>>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// a 1, b 1.
    CBRNG_HOST_DEVICE constexpr weibull_distribution() : weibull_distribution(RealType(1)) {}
    /// Throws std::invalid_argument unless a > 0 and finite and b > 0 and
    /// finite.
    CBRNG_HOST_DEVICE explicit constexpr weibull_distribution(RealType a, RealType b = RealType(1))
        : base(param_type(a, b)) {}
    CBRNG_HOST_DEVICE explicit constexpr weibull_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType a() const noexcept {
        return this->param().a();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType b() const noexcept {
        return this->param().b();
    }
    /// 0, as for std::.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept {
        return RealType(0);
    }
    /// The largest finite value, as for std:: (actual variates stay within
    /// b * exp([-36.74, 3.61] / a) for double, b * exp([-22.88, 3.14] / a)
    /// for float).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept {
        return detail::largest_finite<RealType>;
    }

  private:
    template <class Bits>
    [[nodiscard]] CBRNG_HOST_DEVICE static result_type from_bits(Bits x,
                                                                 const param_type& p) noexcept {
        return detail::weibull_from_bits(x, p);
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_WEIBULL_HPP
