// cbrng/distributions/normal.hpp: normal (Gaussian) variates, bit-stable, one
// draw per variate, O(1) random access.
//
// std::normal_distribution is usually Marsaglia's polar method: it rejects,
// caches a second value between calls and calls libm, so its output depends
// on the standard library, the libm and the call history. This one inverts
// the CDF instead, which is exact in count and stateless:
//
//   double: u = (2 * (x >> 12) + 1) * 2^-53 from one 64-bit draw x,
//           z = Phi^-1(u) by Wichura's AS 241 (PPND16, detail/math.hpp),
//           result = mean + stddev * z, all in double
//   float:  u = (2 * x + 1) * 2^-33 from one 32-bit draw x,
//           z = Phi^-1(u) by a float inverse CDF of the erfinv form
//           (detail/math_float.hpp: one float log, a polynomial, a square
//           root only in the 0.34% tail), result = mean + stddev * z, all in
//           float (since 2.0.0; 1.x computed the float normal in double)
//
// u is strictly inside (0, 1) and symmetric about 1/2, so z is always finite
// and exactly antisymmetric: |z| <= 8.2095 for double (u >= 2^-53),
// |z| <= 6.3380 for float (u >= 2^-33); the tail mass cut off is about 2^-53
// (2^-33) per side. All arithmetic is the library's own (no libm), products
// guarded against FMA contraction, so results are bit-identical across
// compilers, -O levels, -march, SIMD paths and devices (docs/design.md §6). The float
// path does float work only, which is what a GPU runs fast. Accuracy of z
// (double: within 8 double ulps; float: within 3.4 float ulps of the exact
// quantile of u): see docs/distributions.md.
//
// Words consumed per variate, fixed: one 64-bit draw for double (two calls of
// a 32-bit URBG, low half first), one 32-bit draw for float. Stateless:
// reset() does nothing, no value is cached, and variate i of a generator is
// variate_at(g, d, i) in O(1) (random_access.hpp).
//
// Example:
//   cbrng::philox4x64 g{1};
//   cbrng::normal_distribution<double> n{10.0, 2.0};
//   double x = n(g);
#ifndef CBRNG_DISTRIBUTIONS_NORMAL_HPP
#define CBRNG_DISTRIBUTIONS_NORMAL_HPP

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fp.hpp"
#include "../detail/io.hpp"
#include "../detail/math.hpp"
#include "../detail/math_float.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../detail/real_distribution.hpp"
#include "../detail/uniform_bits.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class normal_distribution;

namespace detail {

/// Parameters of normal_distribution<Real> (its param_type).
template <class Real>
class normal_param
    : public real_params<normal_param<Real>, Real, rule::finite, rule::positive_finite> {
  public:
    using distribution_type = normal_distribution<Real>;
    static constexpr const char* name = "cbrng::normal_distribution";
    static constexpr const char* field_names[] = {"mean", "stddev"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<Real, 2> defaults() noexcept {
        return {{Real(0), Real(1)}};
    }
    /// mean 0, stddev 1 by default; throws std::invalid_argument unless mean
    /// is finite and stddev > 0 and finite.
    using normal_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real mean() const noexcept { return this->v_[0]; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real stddev() const noexcept { return this->v_[1]; }
};

/// u = (2 * (x >> 12) + 1) * 2^-53: 2^52 points strictly inside (0, 1).
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double normal_unit(std::uint64_t x) noexcept {
    return static_cast<double>(((x >> 12) << 1) | 1u) * 0x1p-53;
}
/// u = (2 * x + 1) * 2^-33: 2^32 points strictly inside (0, 1).
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double normal_unit(std::uint32_t x) noexcept {
    return static_cast<double>((std::uint64_t{x} << 1) | 1u) * 0x1p-33;
}

/// The double normal variate for 64 random bits x (frozen; mirrored by the
/// SIMD back ends).
[[nodiscard]] CBRNG_HOST_DEVICE inline double normal_from_bits(
    std::uint64_t x, const normal_param<double>& p) noexcept {
    return p.mean() + fp_mul(p.stddev(), normal_quantile(normal_unit(x)));
}
/// The float normal variate for 32 random bits x, in float (frozen since
/// 2.0.0; mirrored by the SIMD back ends).
[[nodiscard]] CBRNG_HOST_DEVICE inline float normal_from_bits(
    std::uint32_t x, const normal_param<float>& p) noexcept {
    return p.mean() + fp_mul(p.stddev(), normal_float_standard(x));
}
/// The 1.x float normal variate (AS 241 in double, rounded once). No
/// distribution calls it: the benchmarks keep it to compare against.
[[nodiscard]] CBRNG_HOST_DEVICE inline float normal_from_bits_v1(
    std::uint32_t x, const normal_param<float>& p) noexcept {
    const double z = normal_quantile(normal_unit(x));
    return static_cast<float>(static_cast<double>(p.mean()) +
                              fp_mul(static_cast<double>(p.stddev()), z));
}

}  // namespace detail

/// Normal variates with the given mean and standard deviation, by inverse CDF:
/// one draw per variate, no cached state, bit-identical on every platform and
/// path. Same interface as std::normal_distribution; RealType is float or
/// double. Thread-safety: a const object can generate concurrently. Outputs
/// are frozen (docs/design.md §4).
template <class RealType = double>
class normal_distribution : public detail::real_distribution<normal_distribution<RealType>,
                                                             detail::normal_param<RealType>> {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::normal_distribution: RealType must be float or double");
    using base =
        detail::real_distribution<normal_distribution<RealType>, detail::normal_param<RealType>>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// mean 0, stddev 1.
    CBRNG_HOST_DEVICE constexpr normal_distribution() : normal_distribution(RealType(0)) {}
    /// Throws std::invalid_argument unless mean is finite and stddev > 0 and
    /// finite.
    CBRNG_HOST_DEVICE explicit constexpr normal_distribution(RealType mean,
                                                             RealType stddev = RealType(1))
        : base(param_type(mean, stddev)) {}
    CBRNG_HOST_DEVICE explicit constexpr normal_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType mean() const noexcept {
        return this->param().mean();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType stddev() const noexcept {
        return this->param().stddev();
    }
    /// The lowest finite value, as for std:: (actual variates stay within
    /// mean +- 8.21 stddev for double, +- 6.34 for float).
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
        return detail::normal_from_bits(x, p);
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_NORMAL_HPP
