// The state behind cbrng's numpy bit generator (the bitgen_t's `state`
// pointer) and its word mapping, written once for cbrng._core
// (cbrng_module.cpp) and for benchmarks/bitgen_bench.cpp, which times it
// through a loop shaped like numpy's.
//
//   32-bit-word generators: uint32 = one stream word; uint64 = two words, the
//     first the low half; raw = one word.
//   64-bit-word generators: uint64 = raw = one word; uint32 = the low half of
//     a new word, whose high half the next uint32 call returns (numpy's own
//     bit generators keep the same one-value buffer, `has_uint32` and
//     `uinteger` in their state); uint64, raw and real leave that half
//     waiting.
//   real = (uint64 >> 11) * 2^-53, which is
//     cbrng::uniform_real_distribution<double>(0, 1) of the same draw.
//
// S is any generator with result_type (32 or 64 bits) and operator().
#ifndef CBRNG_PYTHON_BITGEN_WORDS_HPP
#define CBRNG_PYTHON_BITGEN_WORDS_HPP

#include <cstdint>

namespace cbrng_python {

template <class S>
struct bitgen_words {
    using word = typename S::result_type;
    static constexpr bool narrow = sizeof(word) == 4;
    static_assert(sizeof(word) == 4 || sizeof(word) == 8, "32- or 64-bit words");

    S s;
    /// 64-bit words only: the high half of the word the last uint32 call split.
    std::uint32_t half = 0;
    bool has_half = false;

    std::uint64_t uint64() {
        if constexpr (narrow) {
            const std::uint64_t lo = s();
            const std::uint64_t hi = s();
            return lo | (hi << 32);
        } else {
            return s();
        }
    }
    std::uint32_t uint32() {
        if constexpr (narrow) {
            return s();
        } else {
            if (has_half) {
                has_half = false;
                return half;
            }
            const std::uint64_t w = s();
            half = static_cast<std::uint32_t>(w >> 32);
            has_half = true;
            return static_cast<std::uint32_t>(w);
        }
    }
    double real() { return static_cast<double>(uint64() >> 11) * 0x1p-53; }
    std::uint64_t raw() { return s(); }
    /// Forgets the waiting half (every move of the stream does).
    void drop_half() {
        half = 0;
        has_half = false;
    }
};

}  // namespace cbrng_python

#endif  // CBRNG_PYTHON_BITGEN_WORDS_HPP
