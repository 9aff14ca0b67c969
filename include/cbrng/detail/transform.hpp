// cbrng/detail/transform.hpp: batch transforms from raw generator words to
// uniform_real, normal, exponential, extreme_value, lognormal, weibull and
// cauchy variates, with AVX2 and AVX-512 back ends bit-identical to the scalar
// operator().
//
// cbrng::fill(gen, first, last, dist) generates raw words in bulk (SIMD
// Philox/Threefry) and hands them here. For each variate the scalar path
// calls exactly the function the distribution's operator() calls
// (detail::uniform_real_from_bits, normal_from_bits, exponential_from_bits);
// the SIMD paths replay the same IEEE operations lane by lane, so every path
// returns the same bits (tests/transform_test.cpp checks every length 0..300
// and every output misalignment).
//
// Word layout, matching what operator() draws from a URBG:
//   64-bit words (philox4x64, threefry4x64 streams): one word per variate;
//     a float variate uses the word's low 32 bits.
//   32-bit words (philox4x32 streams): a double variate uses two consecutive
//     words, the first as the low half (2 words per variate); a float
//     variate uses one word.
// batch_words_per_variate<Real, Word> says which.
//
// In-place use is supported: `out` may point to the same address as `words`
// (each variate is written only after the words it needs, and all earlier
// ones, have been read). Any other overlap is not allowed.
//
// The ISA argument must be one the CPU supports; pass detail::active_isa()
// (the default), which honours the thread's force_isa() override.
#ifndef CBRNG_DETAIL_TRANSFORM_HPP
#define CBRNG_DETAIL_TRANSFORM_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../config.hpp"
#include "cpu.hpp"
#include "simd/transforms.hpp"
#include "transform_scalar.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {

/// Writes out[0..n) = the n variates of distribution parameters p for the raw
/// words words[0 .. n * batch_words_per_variate<Real, Word>), exactly as n
/// calls of the distribution's operator() on a URBG yielding those words
/// would. Word is std::uint32_t or std::uint64_t; Real is float or double;
/// Param is uniform_real_param<Real>, normal_param<Real> or
/// exponential_param<Real> (the distributions' param_type). `which` must be
/// supported by the CPU. out may equal words (in place); no other overlap.
template <class Word, class Real, class Param>
void transform(const Word* words, Real* out, std::size_t n, const Param& p,
               isa which = active_isa()) noexcept {
    static_assert(std::is_same_v<Word, std::uint32_t> || std::is_same_v<Word, std::uint64_t>,
                  "cbrng: batch words are std::uint32_t or std::uint64_t");
    static_assert(std::is_same_v<Real, float> || std::is_same_v<Real, double>,
                  "cbrng: batch variates are float or double");
    static_assert(
        is_batch_param_v<Param, Real>,
        "cbrng: batch transforms exist for uniform_real, normal, exponential, extreme_value, "
        "lognormal, weibull and cauchy");
#if CBRNG_HAS_X86_SIMD
    if (which == isa::avx512) {
        simd::avx512::transform<simd::ops_real_avx512>(words, out, n, p);
        return;
    }
    if (which == isa::avx2) {
        simd::avx2::transform<simd::ops_real_avx2>(words, out, n, p);
        return;
    }
#else
    (void)which;
#endif
    transform_scalar(words, out, n, p);
}

#if CBRNG_HAS_X86_SIMD
// The double-lane normal kernel on its own, for any Real (benchmarks compare
// it with the float kernel); the CPU must support the ISA.
namespace avx512 {
template <class Word, class Real>
void normal_batch(const Word* words, Real* out, std::size_t n,
                  const normal_param<Real>& p) noexcept {
    simd::avx512::normal_batch<simd::ops_real_avx512>(words, out, n, p);
}
}  // namespace avx512
namespace avx2 {
template <class Word, class Real>
void normal_batch(const Word* words, Real* out, std::size_t n,
                  const normal_param<Real>& p) noexcept {
    simd::avx2::normal_batch<simd::ops_real_avx2>(words, out, n, p);
}
}  // namespace avx2
#endif

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_TRANSFORM_HPP
