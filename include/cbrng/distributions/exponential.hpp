// cbrng/distributions/exponential.hpp: exponential variates, bit-stable, one
// draw per variate, O(1) random access.
//
// By inversion, with the library's own logarithm (detail/math.hpp, no libm):
//
//   double: u = ((x >> 11) + 1) * 2^-53 from one 64-bit draw x, u in (0, 1]
//   float:  u = (x + 1) * 2^-32 from one 32-bit draw x (in double)
//   result = -log(u) / lambda (in double; rounded once to float for float)
//
// u is never 0, so the result is finite: 0 <= result <= 36.74 / lambda for
// double (53 ln 2), 22.18 / lambda for float (32 ln 2); the tail mass cut off
// beyond is 2^-53 (2^-32). The result is +0 for u = 1. (A rate so small that
// this maximum exceeds the type's range overflows to +inf, as the exact value
// would.) Bit-identical across compilers, -O levels, -march, SIMD paths and
// devices (docs/design.md §6).
//
// Words consumed per variate, fixed: one 64-bit draw for double (two calls of
// a 32-bit URBG, low half first), one 32-bit draw for float; hence O(1)
// random access with variate_at() (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{3};
//   cbrng::exponential_distribution<double> wait{0.5};   // mean 2
//   double t = wait(g);
#ifndef CBRNG_DISTRIBUTIONS_EXPONENTIAL_HPP
#define CBRNG_DISTRIBUTIONS_EXPONENTIAL_HPP

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fp.hpp"
#include "../detail/io.hpp"
#include "../detail/math.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../detail/real_distribution.hpp"
#include "../detail/uniform_bits.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class exponential_distribution;

namespace detail {

/// Parameters of exponential_distribution<Real> (its param_type).
template <class Real>
class exponential_param : public real_params<exponential_param<Real>, Real, rule::positive_finite> {
  public:
    using distribution_type = exponential_distribution<Real>;
    static constexpr const char* name = "cbrng::exponential_distribution";
    static constexpr const char* field_names[] = {"lambda"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 1> defaults() noexcept {
        return {{Real(1)}};
    }
    /// lambda 1 by default; throws std::invalid_argument unless lambda > 0
    /// and finite.
    using exponential_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real lambda() const noexcept { return this->v_[0]; }
};

/// u = ((x >> 11) + 1) * 2^-53 in (0, 1].
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double exponential_unit(std::uint64_t x) noexcept {
    return static_cast<double>((x >> 11) + 1u) * 0x1p-53;
}
/// u = (x + 1) * 2^-32 in (0, 1].
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double exponential_unit(std::uint32_t x) noexcept {
    return static_cast<double>(std::uint64_t{x} + 1u) * 0x1p-32;
}

/// The double exponential variate for 64 random bits x (frozen; mirrored by
/// the SIMD back ends).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double exponential_from_bits(
    std::uint64_t x, const exponential_param<double>& p) noexcept {
    return (0.0 - detail::log(exponential_unit(x))) / p.lambda();
}
/// The float exponential variate for 32 random bits x: computed in double,
/// rounded once.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float exponential_from_bits(
    std::uint32_t x, const exponential_param<float>& p) noexcept {
    return static_cast<float>((0.0 - detail::log(exponential_unit(x))) /
                              static_cast<double>(p.lambda()));
}

}  // namespace detail

/// Exponential variates with rate lambda (mean 1 / lambda), by inversion:
/// one draw per variate, bit-identical on every platform and path. Same
/// interface as std::exponential_distribution; RealType is float or double.
/// Stateless; a const object can generate concurrently. Outputs are frozen
/// (docs/design.md §4).
template <class RealType = double>
class exponential_distribution
    : public detail::real_distribution<exponential_distribution<RealType>,
                                       detail::exponential_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::exponential_distribution: RealType must be float or double");
    using base = detail::real_distribution<exponential_distribution<RealType>,
                                           detail::exponential_param<RealType>>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// lambda 1.
    CBRNG_HOST_DEVICE constexpr exponential_distribution()
        : exponential_distribution(RealType(1)) {}
    /// Throws std::invalid_argument unless lambda > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr exponential_distribution(RealType lambda)
        : base(param_type(lambda)) {}
    CBRNG_HOST_DEVICE explicit constexpr exponential_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType lambda() const noexcept {
        return this->param().lambda();
    }
    /// 0.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept {
        return RealType(0);
    }
    /// The largest finite value, as for std:: (actual variates stay below
    /// 36.74 / lambda for double, 22.18 / lambda for float).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept {
        return detail::largest_finite<RealType>;
    }

  private:
    template <class Bits>
    [[nodiscard]] CBRNG_HOST_DEVICE static result_type from_bits(Bits x,
                                                                 const param_type& p) noexcept {
        return detail::exponential_from_bits(x, p);
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_EXPONENTIAL_HPP
