// cbrng/word_array.hpp: the fixed-size word arrays used as counters, keys and
// blocks by every bijection.
//
// std::array would do on the host, but its members are not callable from CUDA
// device code without --expt-relaxed-constexpr. word_array is the same thing
// reduced to what a counter needs: an aggregate (so `{a, b, c, d}` works),
// trivially copyable, constexpr and host/device throughout.
#ifndef CBRNG_WORD_ARRAY_HPP
#define CBRNG_WORD_ARRAY_HPP

#include <cstddef>

#include "config.hpp"

CBRNG_NAMESPACE_BEGIN

/// A fixed-size array of N unsigned words; word 0 is the least significant word
/// when the array is read as one multi-word integer (Random123's convention).
///
/// Aggregate and trivially copyable: brace-initialise it (`{1, 2, 3, 4}`), copy
/// it with memcpy, compare it with `==`. All members are constexpr and usable in
/// device code. Stable across versions.
template <class Word, std::size_t N>
struct word_array {
    Word v[N];

    using value_type = Word;
    using size_type = std::size_t;

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Word& operator[](std::size_t i) noexcept {
        return v[i];
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr const Word& operator[](std::size_t i) const noexcept {
        return v[i];
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t size() noexcept { return N; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Word* data() noexcept { return v; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr const Word* data() const noexcept { return v; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Word* begin() noexcept { return v; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Word* end() noexcept { return v + N; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr const Word* begin() const noexcept { return v; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr const Word* end() const noexcept { return v + N; }

    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(const word_array& a,
                                                                     const word_array& b) noexcept {
        for (std::size_t i = 0; i < N; ++i) {
            if (a.v[i] != b.v[i]) return false;
        }
        return true;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(const word_array& a,
                                                                     const word_array& b) noexcept {
        return !(a == b);
    }
};

namespace detail {

/// a[i] for Lo <= i < Lo + Len (Len a power of two, Lo a multiple of it), as
/// a tree of selects on the bits of i: no run-time index into the array.
template <std::size_t Lo, std::size_t Len, class Word, std::size_t N>
[[nodiscard]] CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr Word select_word_in(
    const word_array<Word, N>& a, unsigned i) noexcept {
    static_assert(Len != 0 && (Len & (Len - 1)) == 0 && Lo % Len == 0 && Lo + Len <= N,
                  "select_word_in: Len a power of two, Lo a multiple of Len, within the array");
    if constexpr (Len == 1) {
        return a[Lo];
    } else {
        const Word lo = select_word_in<Lo, Len / 2>(a, i);
        const Word hi = select_word_in<Lo + Len / 2, Len / 2>(a, i);
        return (i & (Len / 2)) != 0 ? hi : lo;
    }
}

/// a[i] (i < N, N a power of two) without a run-time index into the array.
/// In device code a run-time index puts the array, and the object holding it,
/// in local memory; this keeps them in registers (stream::operator()).
template <class Word, std::size_t N>
[[nodiscard]] CBRNG_FORCEINLINE CBRNG_HOST_DEVICE constexpr Word select_word(
    const word_array<Word, N>& a, unsigned i) noexcept {
    return select_word_in<0, N>(a, i);
}

}  // namespace detail

CBRNG_NAMESPACE_END

#endif  // CBRNG_WORD_ARRAY_HPP
