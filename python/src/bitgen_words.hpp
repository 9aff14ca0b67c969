// The word mapping of cbrng's numpy bit generator, written once for
// cbrng._core (cbrng_module.cpp) and for benchmarks/bitgen_bench.cpp, which
// times it through a loop shaped like numpy's.
//
//   32-bit-word generators: uint32 = one stream word; uint64 = two words, the
//     first the low half; raw = one word.
//   64-bit-word generators: uint64 = raw = one word; uint32 = the low half of
//     one word.
//   double = (uint64 >> 11) * 2^-53, which is
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

    static std::uint64_t uint64(S& g) {
        if constexpr (narrow) {
            const std::uint64_t lo = g();
            const std::uint64_t hi = g();
            return lo | (hi << 32);
        } else {
            return g();
        }
    }
    static std::uint32_t uint32(S& g) { return static_cast<std::uint32_t>(g()); }
    static double real(S& g) { return static_cast<double>(uint64(g) >> 11) * 0x1p-53; }
    static std::uint64_t raw(S& g) { return g(); }
};

}  // namespace cbrng_python

#endif  // CBRNG_PYTHON_BITGEN_WORDS_HPP
