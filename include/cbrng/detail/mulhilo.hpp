// cbrng/detail/mulhilo.hpp: the double-width multiply at the heart of Philox.
//
// One function, mulhilo<W>(a, b), returns the high and low W bits of the 2W-bit
// product of two W-bit words. The fast path for 64-bit words is chosen here and
// nowhere else: unsigned __int128 (GCC, Clang), _umul128 (MSVC), __umul64hi
// (CUDA device code), with a portable 32-bit-limb fallback that is also what
// constant evaluation uses when no 128-bit type exists.
#ifndef CBRNG_DETAIL_MULHILO_HPP
#define CBRNG_DETAIL_MULHILO_HPP

#include <cstdint>

#include "../config.hpp"

#if CBRNG_HAS_UMUL128
#include <intrin.h>
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {

#if CBRNG_HAS_INT128
__extension__ typedef unsigned __int128 uint128_t;
#endif

template <class Word>
struct hilo {
    Word hi;
    Word lo;
};

/// Mask of the low w bits of a Word (w in 1..bits of Word).
template <class Word, unsigned w>
inline constexpr Word low_mask = w >= sizeof(Word) * 8
                                     ? static_cast<Word>(~Word{0})
                                     : static_cast<Word>((Word{1} << (w % (sizeof(Word) * 8))) -
                                                         1u);

/// Portable 64x64->128: four 32x32->64 partial products.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr hilo<std::uint64_t> mulhilo64_portable(
    std::uint64_t a, std::uint64_t b) noexcept {
    const std::uint64_t a_lo = a & 0xffffffffu, a_hi = a >> 32;
    const std::uint64_t b_lo = b & 0xffffffffu, b_hi = b >> 32;
    const std::uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
    const std::uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
    return {hh + (lh >> 32) + (hl >> 32) + (mid >> 32), (mid << 32) | (ll & 0xffffffffu)};
}

[[nodiscard]] CBRNG_HOST_DEVICE constexpr hilo<std::uint64_t> mulhilo64(std::uint64_t a,
                                                                        std::uint64_t b) noexcept {
#if CBRNG_DEVICE_PASS
    return {__umul64hi(a, b), a * b};
#elif CBRNG_HAS_INT128
    const uint128_t p = static_cast<uint128_t>(a) * b;
    return {static_cast<std::uint64_t>(p >> 64), static_cast<std::uint64_t>(p)};
#elif CBRNG_HAS_UMUL128 && CBRNG_HAS_IS_CONSTANT_EVALUATED
    if (__builtin_is_constant_evaluated()) return mulhilo64_portable(a, b);
    std::uint64_t hi = 0;
    const std::uint64_t lo = _umul128(a, b, &hi);
    return {hi, lo};
#else
    return mulhilo64_portable(a, b);
#endif
}

/// High and low w bits of the product of two w-bit values held in Word
/// (inputs must already be below 2^w). w may be narrower than Word, as in
/// philox_engine<uint_fast32_t, 32, ...> where Word is 64 bits wide.
template <unsigned w, class Word>
[[nodiscard]] CBRNG_HOST_DEVICE constexpr hilo<Word> mulhilo(Word a, Word b) noexcept {
    static_assert(w >= 1 && w <= 64, "cbrng: mulhilo supports word widths 1..64");
    if constexpr (w <= 32) {
        const std::uint64_t p = static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b);
        return {static_cast<Word>(p >> w), static_cast<Word>(p & low_mask<std::uint64_t, w>)};
    } else if constexpr (w == 64) {
        const hilo<std::uint64_t> p = mulhilo64(a, b);
        return {static_cast<Word>(p.hi), static_cast<Word>(p.lo)};
    } else {
        const hilo<std::uint64_t> p = mulhilo64(a, b);
        return {static_cast<Word>((p.hi << (64 - w)) | (p.lo >> w)),
                static_cast<Word>(p.lo & low_mask<std::uint64_t, w>)};
    }
}

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_MULHILO_HPP
