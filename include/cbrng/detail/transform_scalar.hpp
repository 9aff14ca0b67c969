// cbrng/detail/transform_scalar.hpp: the portable reference of the batch
// transforms (detail/transform.hpp), and the word layout they share with the
// SIMD back ends.
//
// Each variate is computed by exactly the function the distribution's
// operator() calls, so this path is the scalar operator() by construction.
#ifndef CBRNG_DETAIL_TRANSFORM_SCALAR_HPP
#define CBRNG_DETAIL_TRANSFORM_SCALAR_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "../config.hpp"
#include "../distributions/cauchy.hpp"
#include "../distributions/exponential.hpp"
#include "../distributions/extreme_value.hpp"
#include "../distributions/lognormal.hpp"
#include "../distributions/normal.hpp"
#include "../distributions/uniform_real.hpp"
#include "../distributions/weibull.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Raw words a batch consumes per variate: 2 for a double from 32-bit words,
/// otherwise 1.
template <class Real, class Word>
inline constexpr std::size_t batch_words_per_variate = sizeof(Real) == 8 && sizeof(Word) == 4 ? 2
                                                                                              : 1;

/// The raw bits of variate i of a batch: the same bits operator() would draw
/// from a URBG yielding these words. Loads go through memcpy, so in-place
/// batches are well defined.
template <class Real, class Word>
[[nodiscard]] inline auto batch_bits(const Word* words, std::size_t i) noexcept {
    if constexpr (sizeof(Word) == 8) {
        std::uint64_t w;
        std::memcpy(&w, words + i, sizeof w);
        if constexpr (sizeof(Real) == 8) {
            return w;
        } else {
            return static_cast<std::uint32_t>(w);
        }
    } else if constexpr (sizeof(Real) == 8) {
        std::uint32_t lo;
        std::uint32_t hi;
        std::memcpy(&lo, words + 2 * i, sizeof lo);
        std::memcpy(&hi, words + 2 * i + 1, sizeof hi);
        return std::uint64_t{lo} | (std::uint64_t{hi} << 32);
    } else {
        std::uint32_t w;
        std::memcpy(&w, words + i, sizeof w);
        return w;
    }
}

/// The variate for given raw bits: the functions operator() calls.
[[nodiscard]] inline double variate_from_bits(std::uint64_t x,
                                              const uniform_real_param<double>& p) noexcept {
    return uniform_real_from_bits(x, p);
}
[[nodiscard]] inline float variate_from_bits(std::uint32_t x,
                                             const uniform_real_param<float>& p) noexcept {
    return uniform_real_from_bits(x, p);
}
[[nodiscard]] inline double variate_from_bits(std::uint64_t x,
                                              const normal_param<double>& p) noexcept {
    return normal_from_bits(x, p);
}
[[nodiscard]] inline float variate_from_bits(std::uint32_t x,
                                             const normal_param<float>& p) noexcept {
    return normal_from_bits(x, p);
}
[[nodiscard]] inline double variate_from_bits(std::uint64_t x,
                                              const exponential_param<double>& p) noexcept {
    return exponential_from_bits(x, p);
}
[[nodiscard]] inline float variate_from_bits(std::uint32_t x,
                                             const exponential_param<float>& p) noexcept {
    return exponential_from_bits(x, p);
}
[[nodiscard]] inline double variate_from_bits(std::uint64_t x,
                                              const extreme_value_param<double>& p) noexcept {
    return extreme_value_from_bits(x, p);
}
[[nodiscard]] inline float variate_from_bits(std::uint32_t x,
                                             const extreme_value_param<float>& p) noexcept {
    return extreme_value_from_bits(x, p);
}
[[nodiscard]] inline double variate_from_bits(std::uint64_t x,
                                              const lognormal_param<double>& p) noexcept {
    return lognormal_from_bits(x, p);
}
[[nodiscard]] inline float variate_from_bits(std::uint32_t x,
                                             const lognormal_param<float>& p) noexcept {
    return lognormal_from_bits(x, p);
}
[[nodiscard]] inline double variate_from_bits(std::uint64_t x,
                                              const weibull_param<double>& p) noexcept {
    return weibull_from_bits(x, p);
}
[[nodiscard]] inline float variate_from_bits(std::uint32_t x,
                                             const weibull_param<float>& p) noexcept {
    return weibull_from_bits(x, p);
}
[[nodiscard]] inline double variate_from_bits(std::uint64_t x,
                                              const cauchy_param<double>& p) noexcept {
    return cauchy_from_bits(x, p);
}
[[nodiscard]] inline float variate_from_bits(std::uint32_t x,
                                             const cauchy_param<float>& p) noexcept {
    return cauchy_from_bits(x, p);
}

/// The portable reference: out[i] = the variate for the bits of variate i.
template <class Word, class Real, class Param>
CBRNG_KERNEL_OPTIMIZE void transform_scalar(const Word* words, Real* out, std::size_t n,
                                            const Param& p) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
        const Real v = variate_from_bits(batch_bits<Real>(words, i), p);
        std::memcpy(out + i, &v, sizeof v);
    }
}

/// True for the parameter types that have batch transforms for Real.
template <class Param, class Real>
inline constexpr bool is_batch_param_v =
    std::is_same_v<Param, uniform_real_param<Real>> || std::is_same_v<Param, normal_param<Real>> ||
    std::is_same_v<Param, exponential_param<Real>> ||
    std::is_same_v<Param, extreme_value_param<Real>> ||
    std::is_same_v<Param, lognormal_param<Real>> || std::is_same_v<Param, weibull_param<Real>> ||
    std::is_same_v<Param, cauchy_param<Real>>;

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_TRANSFORM_SCALAR_HPP
