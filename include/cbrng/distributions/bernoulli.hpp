// cbrng/distributions/bernoulli.hpp: true with probability p, by an integer
// threshold, exact for p = 0 and p = 1 and identical on every platform.
//
// One 64-bit draw x; the result is x < floor(p * 2^64), or true when p == 1.
// p * 2^64 is an exact scaling and its conversion to an integer is exact
// truncation, so no floating rounding or libm is involved: the probability is
// p rounded down to a multiple of 2^-64 (exactly 0 for p = 0, exactly 1 for
// p = 1).
//
// Words consumed per variate, fixed: one 64-bit draw (one call of a 64-bit
// URBG, two of a 32-bit URBG, low half first), also for p = 0 and p = 1, so
// consumption never depends on p; hence O(1) random access with variate_at()
// (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{5};
//   cbrng::bernoulli_distribution coin{0.25};
//   bool heads = coin(g);
#ifndef CBRNG_DISTRIBUTIONS_BERNOULLI_HPP
#define CBRNG_DISTRIBUTIONS_BERNOULLI_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fast_math.hpp"
#include "../detail/io.hpp"
#include "../detail/param_error.hpp"
#include "../detail/params.hpp"
#include "../detail/real_distribution.hpp"
#include "../detail/uniform_bits.hpp"
#include "../word_array.hpp"

CBRNG_NAMESPACE_BEGIN

class bernoulli_distribution;

namespace detail {

/// The Bernoulli variate for 64 random bits x and 0 <= p <= 1 (frozen).
[[nodiscard]] CBRNG_HOST_DEVICE constexpr bool bernoulli_from_bits(std::uint64_t x,
                                                                   double p) noexcept {
    return p >= 1.0 || x < static_cast<std::uint64_t>(p * 0x1p64);
}

/// The probability p of true (bernoulli_distribution's param_type).
class bernoulli_param : public real_params<bernoulli_param, double, rule::unit_closed> {
  public:
    using distribution_type = bernoulli_distribution;
    static constexpr const char* name = "cbrng::bernoulli_distribution";
    static constexpr const char* field_names[] = {"p"};
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<double, 1> defaults() noexcept {
        return {{0.5}};
    }
    /// p = 0.5 by default; throws std::invalid_argument unless 0 <= p <= 1
    /// (NaN rejected).
    using bernoulli_param::real_params::real_params;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double p() const noexcept { return this->v_[0]; }
};

}  // namespace detail

/// true with probability p (to within 2^-64; exact for p = 0 and p = 1),
/// identical on every platform. Same interface as std::bernoulli_distribution.
/// One 64-bit draw per variate (two calls of a 32-bit URBG). Stateless; a
/// const object can generate concurrently. Outputs are frozen (docs/design.md §4).
class bernoulli_distribution
    : public detail::real_distribution<bernoulli_distribution, detail::bernoulli_param, bool> {
    using base = detail::real_distribution<bernoulli_distribution, detail::bernoulli_param, bool>;
    friend base;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// p = 0.5.
    CBRNG_HOST_DEVICE constexpr bernoulli_distribution() : bernoulli_distribution(0.5) {}
    /// Throws std::invalid_argument unless 0 <= p <= 1.
    CBRNG_HOST_DEVICE explicit constexpr bernoulli_distribution(double p) : base(param_type(p)) {}
    CBRNG_HOST_DEVICE explicit constexpr bernoulli_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double p() const noexcept { return param().p(); }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type min() noexcept { return false; }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type max() noexcept { return true; }

  private:
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type from_bits(
        std::uint64_t x, const param_type& p) noexcept {
        return detail::bernoulli_from_bits(x, p.p());
    }
};

namespace detail {
/// bernoulli samples by an exact scaling by 2^64 and an integer compare,
/// which no floating-point flag changes: it compiles under -ffast-math.
template <>
struct samples_in_floating_point<bernoulli_distribution> : std::false_type {};
}  // namespace detail

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_BERNOULLI_HPP
