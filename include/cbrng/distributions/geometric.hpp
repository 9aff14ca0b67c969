// cbrng/distributions/geometric.hpp: geometric variates (failures before the
// first success), bit-stable, one draw per variate, O(1) random access.
//
// P(k) = p (1 - p)^k for k = 0, 1, ..., so P(result >= k) = (1 - p)^k and
// inversion is exact in count (Devroye, Non-Uniform Random Variate
// Generation, 1986, X.2):
//
//   u = ((x >> 11) + 1) * 2^-53 from one 64-bit draw x, u in (0, 1]
//   result = floor(log(u) / log1p(-p))   (log1p(-p) computed once, in the
//                                         parameters)
//
// with the library's own log and log1p (detail/math.hpp, no libm), so the
// integer results are identical on every platform, compiler and device. p = 1
// gives 0 always (log1p(-1) = -inf). Tiny p makes the exact quotient exceed
// the integer type: such results SATURATE at numeric_limits<IntType>::max()
// (they never wrap); that happens with probability about (1 - p)^max, e.g.
// below 1e-9 for int unless p < 1e-8. The grid of u cuts the tail at
// 53 ln 2 / -log1p(-p) (36.7 / p for small p): the mass beyond is 2^-53.
//
// Words consumed per variate, fixed: one 64-bit draw (two calls of a 32-bit
// URBG, low half first) for every IntType; hence O(1) random access with
// variate_at() (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{3};
//   cbrng::geometric_distribution<int> misses{0.2};   // mean 4
//   int k = misses(g);
#ifndef CBRNG_DISTRIBUTIONS_GEOMETRIC_HPP
#define CBRNG_DISTRIBUTIONS_GEOMETRIC_HPP

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
#include "exponential.hpp"
#include "uniform_int.hpp"

CBRNG_NAMESPACE_BEGIN

template <class IntType>
class geometric_distribution;

namespace detail {

/// Parameters of geometric_distribution<IntType> (its param_type): p and the
/// cached log1p(-p).
template <class IntType>
class geometric_param : public real_params<geometric_param<IntType>, double, rule::unit_half_open> {
    using base = real_params<geometric_param<IntType>, double, rule::unit_half_open>;

  public:
    using distribution_type = geometric_distribution<IntType>;
    static constexpr const char* name = "cbrng::geometric_distribution";
    static constexpr const char* field_names[] = {"p"};

    /// p = 0.5.
    CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR geometric_param() : geometric_param(0.5) {}
    /// Throws std::invalid_argument unless 0 < p <= 1 (NaN rejected).
    CBRNG_HOST_DEVICE explicit CBRNG_FP_CONSTEXPR geometric_param(double p)
        : base(word_array<double, 1>{{p}}) {
        log_q_ = detail::log1p(0.0 - p);
    }
    CBRNG_HOST_DEVICE explicit CBRNG_FP_CONSTEXPR geometric_param(const word_array<double, 1>& v)
        : geometric_param(v[0]) {}
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double p() const noexcept { return this->v_[0]; }
    /// log(1 - p), < 0 (-inf for p = 1).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double log_q() const noexcept { return log_q_; }

  private:
    double log_q_ = 0.0;
};

/// floor(r) for r >= 0 (or -0) as IntType, saturating at its maximum (also
/// for r = +inf).
template <class IntType>
[[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType saturating_floor(double r) noexcept {
    // 2^digits: the first value that does not fit, exact as a double.
    constexpr int digits =
        static_cast<int>(8 * sizeof(IntType)) - (std::is_signed_v<IntType> ? 1 : 0);
    constexpr double limit = static_cast<double>(std::uint64_t{1} << (digits - 1)) * 2.0;
    if (!(r < limit)) return int_max<IntType>;
    return static_cast<IntType>(static_cast<std::uint64_t>(r));
}

/// The geometric variate for 64 random bits x (frozen).
template <class IntType>
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR IntType
geometric_from_bits(std::uint64_t x, const geometric_param<IntType>& p) noexcept {
    return saturating_floor<IntType>(detail::log(exponential_unit(x)) / p.log_q());
}

}  // namespace detail

/// Geometric variates: the number of failures before the first success in
/// independent trials of success probability p, by inversion: one 64-bit
/// draw per variate, identical integers on every platform and path; results
/// beyond IntType's range saturate at its maximum. Same interface as
/// std::geometric_distribution (which requires 0 < p < 1; p = 1 is accepted
/// here and gives 0). IntType: any integer type but bool, up to 64 bits.
/// Stateless; a const object can generate concurrently. Outputs are frozen
/// (docs/design.md §4).
template <class IntType = int>
class geometric_distribution
    : public detail::real_distribution<geometric_distribution<IntType>,
                                       detail::geometric_param<IntType>, IntType> {
    static_assert(std::is_integral_v<IntType> && !std::is_same_v<IntType, bool>,
                  "cbrng::geometric_distribution: IntType must be an integer type other than bool");
    static_assert(sizeof(IntType) <= 8,
                  "cbrng::geometric_distribution: integers wider than 64 bits are not supported");
    using base = detail::real_distribution<geometric_distribution<IntType>,
                                           detail::geometric_param<IntType>, IntType>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// p = 0.5.
    CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR geometric_distribution() : geometric_distribution(0.5) {}
    /// Throws std::invalid_argument unless 0 < p <= 1.
    CBRNG_HOST_DEVICE explicit CBRNG_FP_CONSTEXPR geometric_distribution(double p)
        : base(param_type(p)) {}
    CBRNG_HOST_DEVICE explicit constexpr geometric_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double p() const noexcept {
        return this->param().p();
    }
    /// 0.
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type min() noexcept { return 0; }
    /// numeric_limits<IntType>::max() (where results saturate).
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type max() noexcept {
        return detail::int_max<IntType>;
    }

  private:
    [[nodiscard]] CBRNG_HOST_DEVICE static result_type from_bits(std::uint64_t x,
                                                                 const param_type& p) noexcept {
        return detail::geometric_from_bits(x, p);
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_GEOMETRIC_HPP
