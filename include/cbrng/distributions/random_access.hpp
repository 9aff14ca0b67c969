// cbrng/distributions/random_access.hpp: the i-th variate of a generator in
// O(1), without generating the i before it.
//
// Counter-based generators jump anywhere in O(1) (discard), and the
// distributions whose consumption per variate is fixed (uniform_real, normal,
// exponential, bernoulli: k URBG calls each, see their words_per_variate())
// turn a jump of i * k calls into a jump of i variates. So variate i of a
// stream is computable directly: what a parallel loop, a checkpoint restart
// or a lazily evaluated array needs.
//
// uniform_int_distribution rejects, so its consumption is variable and
// variate_at rejects it at compile time; so are URBGs whose range is not a
// power of two. Gen needs only to be copyable and to have discard(n); it is
// O(1) only if discard is (cbrng engines and streams).
//
// Example:
//   cbrng::philox4x32 g{42};
//   cbrng::normal_distribution<double> n;
//   double x = cbrng::variate_at(g, n, 1000000);  // == the 1000001st n(g)
#ifndef CBRNG_DISTRIBUTIONS_RANDOM_ACCESS_HPP
#define CBRNG_DISTRIBUTIONS_RANDOM_ACCESS_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../config.hpp"
#include "../detail/integer_argument.hpp"

CBRNG_NAMESPACE_BEGIN

/// The variate that the (i+1)-th call d(g) would return from g's current
/// position (i = 0: the next one), computed on a copy of g advanced by
/// i * Dist::words_per_variate<Gen>() calls; g itself is not modified.
/// Requires a distribution with fixed consumption and a URBG with a
/// power-of-two range (checked at compile time). Complexity: that of
/// Gen::discard (O(1) for cbrng engines and streams) plus one variate.
/// Stable: the result equals the sequential one by construction. i may be of
/// any integer type (an int loop index needs no cast); a negative i throws
/// std::out_of_range ("cbrng::variate_at: i must be >= 0 (got -1)").
template <class Gen, class Dist, class Index,
          std::enable_if_t<detail::is_integer_argument<Index>, int> = 0>
[[nodiscard]] CBRNG_HOST_DEVICE typename Dist::result_type variate_at(const Gen& g, Dist& d,
                                                                      Index index) {
    static_assert(Dist::fixed_consumption,
                  "cbrng::variate_at: the distribution's consumption per variate is variable "
                  "(e.g. uniform_int_distribution rejects), so the i-th variate has no fixed "
                  "position");
    constexpr std::size_t k = Dist::template words_per_variate<Gen>();
    static_assert(k != 0,
                  "cbrng::variate_at: this URBG's range is not a power of two, so the number of "
                  "calls per variate is variable");
    const std::uint64_t i = detail::to_unsigned(index, "cbrng::variate_at", "i must be >= 0");
    Gen copy = g;
    // i * k can exceed 2^64 - 1 for k > 1: discard in k steps of i each.
    for (std::size_t j = 0; j < k; ++j) copy.discard(static_cast<unsigned long long>(i));
    return d(copy);
}

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_RANDOM_ACCESS_HPP
