// cbrng/detail/fast_math.hpp: no silent -ffast-math.
//
// cbrng's floating-point distributions promise bit-identical outputs under
// each compiler's default floating-point flags (docs/design.md §6.4). -ffast-math and
// -Ofast void that promise without a word: the compiler may reassociate sums,
// replace divisions by reciprocals, contract into FMA, assume no NaN or
// infinity and flush subnormals, so the same seed gives other numbers. Every
// sampling entry point of a distribution that computes in floating point
// calls require_default_fp_flags<Distribution>(), whose static_assert fires
// only when such sampling is instantiated in a -ffast-math translation unit
// (config.hpp: CBRNG_REJECT_FAST_MATH). Including the headers, raw streams,
// engines, bijections, uniform_int, bernoulli (an exact scaling and an integer
// compare), shuffle and sample still compile. Defining CBRNG_ALLOW_FAST_MATH
// before including cbrng (or with -D) builds anyway; the outputs of that
// build are then not the frozen ones.
//
// Decided per distribution by its algorithm: every real distribution, and
// among the integer ones poisson, binomial, geometric, negative_binomial (all
// compute in floating point) and discrete (its alias table is built from a
// floating-point sum of the weights) are checked; uniform_int (integer
// arithmetic only) and bernoulli (x < (uint64)(p * 2^64): exact operations,
// which no floating-point flag changes) are not.
#ifndef CBRNG_DETAIL_FAST_MATH_HPP
#define CBRNG_DETAIL_FAST_MATH_HPP

#include <type_traits>

#include "../config.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Whether sampling Distribution (a cbrng distribution) does floating-point
/// arithmetic whose result -ffast-math could change. True unless a
/// distribution's header says otherwise (bernoulli).
template <class Distribution>
struct samples_in_floating_point : std::true_type {};

/// Called by every sampling entry point (operator(), fill's batch path) of
/// the distributions that compute in floating point; fails to compile under
/// -ffast-math / -Ofast unless CBRNG_ALLOW_FAST_MATH is defined. Costs nothing.
template <class Distribution>
CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr void require_default_fp_flags() noexcept {
    static_assert(!CBRNG_REJECT_FAST_MATH || !samples_in_floating_point<Distribution>::value,
                  "cbrng: built with -ffast-math or -Ofast (__FAST_MATH__): cbrng's "
                  "floating-point distributions are bit-stable only under the compiler's default "
                  "floating-point flags; define CBRNG_ALLOW_FAST_MATH to build anyway (outputs "
                  "not frozen in this build)");
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_FAST_MATH_HPP
