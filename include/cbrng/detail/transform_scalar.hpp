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

/// The one switch that opts a distribution into cbrng::fill's SIMD batch
/// path, keyed by its param_type: `distribution` is the distribution whose
/// variates fill computes in batches (exactly that class: a std:: one or a
/// class derived from it keeps the call-by-call loop), and `from_bits` is the
/// function its operator() applies to one draw, which the portable reference
/// below calls and every SIMD kernel (simd/kernels/transform.inl) replays.
/// Everything else is derived from it: is_batch_param_v, fill's
/// batch_distribution, and the list in docs/performance-fill.md.
template <class Param>
struct batch_transform {
    static constexpr bool enabled = false;
};
template <class Real>
struct batch_transform<uniform_real_param<Real>> {
    static constexpr bool enabled = true;
    using distribution = uniform_real_distribution<Real>;
    template <class Bits>
    [[nodiscard]] static Real from_bits(Bits x, const uniform_real_param<Real>& p) noexcept {
        return uniform_real_from_bits(x, p);
    }
};
template <class Real>
struct batch_transform<normal_param<Real>> {
    static constexpr bool enabled = true;
    using distribution = normal_distribution<Real>;
    template <class Bits>
    [[nodiscard]] static Real from_bits(Bits x, const normal_param<Real>& p) noexcept {
        return normal_from_bits(x, p);
    }
};
template <class Real>
struct batch_transform<exponential_param<Real>> {
    static constexpr bool enabled = true;
    using distribution = exponential_distribution<Real>;
    template <class Bits>
    [[nodiscard]] static Real from_bits(Bits x, const exponential_param<Real>& p) noexcept {
        return exponential_from_bits(x, p);
    }
};
template <class Real>
struct batch_transform<extreme_value_param<Real>> {
    static constexpr bool enabled = true;
    using distribution = extreme_value_distribution<Real>;
    template <class Bits>
    [[nodiscard]] static Real from_bits(Bits x, const extreme_value_param<Real>& p) noexcept {
        return extreme_value_from_bits(x, p);
    }
};
template <class Real>
struct batch_transform<lognormal_param<Real>> {
    static constexpr bool enabled = true;
    using distribution = lognormal_distribution<Real>;
    template <class Bits>
    [[nodiscard]] static Real from_bits(Bits x, const lognormal_param<Real>& p) noexcept {
        return lognormal_from_bits(x, p);
    }
};
template <class Real>
struct batch_transform<weibull_param<Real>> {
    static constexpr bool enabled = true;
    using distribution = weibull_distribution<Real>;
    template <class Bits>
    [[nodiscard]] static Real from_bits(Bits x, const weibull_param<Real>& p) noexcept {
        return weibull_from_bits(x, p);
    }
};
template <class Real>
struct batch_transform<cauchy_param<Real>> {
    static constexpr bool enabled = true;
    using distribution = cauchy_distribution<Real>;
    template <class Bits>
    [[nodiscard]] static Real from_bits(Bits x, const cauchy_param<Real>& p) noexcept {
        return cauchy_from_bits(x, p);
    }
};

/// True for the parameter types that have batch transforms for Real.
template <class Param, class Real, class = void>
inline constexpr bool is_batch_param_v = false;
template <class Param, class Real>
inline constexpr bool
    is_batch_param_v<Param, Real, std::enable_if_t<batch_transform<Param>::enabled>> =
        std::is_same_v<typename batch_transform<Param>::distribution::result_type, Real>;

/// The portable reference: out[i] = the variate for the bits of variate i.
template <class Word, class Real, class Param>
CBRNG_KERNEL_OPTIMIZE void transform_scalar(const Word* words, Real* out, std::size_t n,
                                            const Param& p) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
        const Real v = batch_transform<Param>::from_bits(batch_bits<Real>(words, i), p);
        std::memcpy(out + i, &v, sizeof v);
    }
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_TRANSFORM_SCALAR_HPP
