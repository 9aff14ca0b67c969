// cbrng/detail/counter.hpp: multi-word counter arithmetic (word 0 least
// significant), used by engines and streams for O(1) discard.
#ifndef CBRNG_DETAIL_COUNTER_HPP
#define CBRNG_DETAIL_COUNTER_HPP

#include <cstddef>
#include <cstdint>

#include "../config.hpp"
#include "../word_array.hpp"
#include "mulhilo.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// x += k modulo 2^(N*w), where every word of x holds w bits. The carry runs
/// through every word, so adding 1 to {2^w-1, 2^w-1, 0, 0} gives {0, 0, 1, 0}.
template <unsigned w, class Word, std::size_t N>
CBRNG_HOST_DEVICE constexpr void counter_add(word_array<Word, N>& x, std::uint64_t k) noexcept {
    constexpr Word mask = low_mask<Word, w>;
    std::uint64_t carry = k;  // what is still to be added at the current word
    for (std::size_t j = 0; j < N && carry != 0; ++j) {
        const std::uint64_t add = carry & low_mask<std::uint64_t, w>;
        const std::uint64_t sum = static_cast<std::uint64_t>(x[j]) + add;  // may wrap when w == 64
        x[j] = static_cast<Word>(sum & mask);
        bool overflow = false;
        if constexpr (w >= 64) {
            overflow = sum < add;
            carry = 0;
        } else {
            overflow = (sum >> w) != 0;
            carry >>= w;
        }
        carry += overflow ? 1u : 0u;
    }
}

/// x += 1 modulo 2^(N*w).
template <unsigned w, class Word, std::size_t N>
CBRNG_HOST_DEVICE constexpr void counter_increment(word_array<Word, N>& x) noexcept {
    constexpr Word mask = low_mask<Word, w>;
    for (std::size_t j = 0; j < N; ++j) {
        x[j] = static_cast<Word>((x[j] + 1u) & mask);
        if (x[j] != 0) return;
    }
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_COUNTER_HPP
