// cbrng/detail/simd/ops_avx512.hpp: the vector layer of the block kernels on
// AVX-512 (F, DQ, BW, VL), eight 64-bit lanes per __m512i (the contract of
// ops_emu.hpp).
//
// Every function carries CBRNG_TARGET_AVX512 and is forced inline (see
// ops_avx2.hpp); nothing here runs unless detail/cpu.hpp's avx512 tier was
// detected.
#ifndef CBRNG_DETAIL_SIMD_OPS_AVX512_HPP
#define CBRNG_DETAIL_SIMD_OPS_AVX512_HPP

#include "../../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

#define CBRNG_DETAIL_OPS_AVX512 CBRNG_TARGET_AVX512 __attribute__((always_inline)) static inline

// GCC 12's AVX-512 intrinsics start from _mm512_undefined_epi32(), which it
// then reports as maybe-uninitialized once inlined (GCC bug 105593).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

struct ops_avx512 {
    static constexpr std::size_t lanes = 8;
    using vec = __m512i;

    CBRNG_DETAIL_OPS_AVX512 vec set1(std::uint64_t x) noexcept {
        return _mm512_set1_epi64(static_cast<long long>(x));
    }
    CBRNG_DETAIL_OPS_AVX512 vec iota() noexcept { return _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0); }
    CBRNG_DETAIL_OPS_AVX512 vec add64(vec a, vec b) noexcept { return _mm512_add_epi64(a, b); }
    CBRNG_DETAIL_OPS_AVX512 vec add32(vec a, vec b) noexcept { return _mm512_add_epi32(a, b); }
    CBRNG_DETAIL_OPS_AVX512 vec bxor(vec a, vec b) noexcept { return _mm512_xor_si512(a, b); }
    CBRNG_DETAIL_OPS_AVX512 vec mul_even_u32(vec a, vec b) noexcept {
        return _mm512_mul_epu32(a, b);
    }
    /// 64x64 -> 128 from four 32x32 -> 64 products, as ops_avx2::mulhilo64.
    CBRNG_DETAIL_OPS_AVX512 void mulhilo64(vec a, vec b, vec& hi, vec& lo) noexcept {
        const vec ah = _mm512_srli_epi64(a, 32), bh = _mm512_srli_epi64(b, 32);
        const vec ll = _mm512_mul_epu32(a, b), lh = _mm512_mul_epu32(a, bh);
        const vec hl = _mm512_mul_epu32(ah, b), hh = _mm512_mul_epu32(ah, bh);
        const vec mask = _mm512_set1_epi64(0xFFFFFFFF);
        const vec mid = _mm512_add_epi64(
            _mm512_add_epi64(_mm512_srli_epi64(ll, 32), _mm512_and_si512(lh, mask)),
            _mm512_and_si512(hl, mask));
        hi = _mm512_add_epi64(
            _mm512_add_epi64(hh, _mm512_srli_epi64(mid, 32)),
            _mm512_add_epi64(_mm512_srli_epi64(lh, 32), _mm512_srli_epi64(hl, 32)));
        lo = _mm512_mask_blend_epi32(0xAAAA, ll, _mm512_slli_epi64(mid, 32));
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX512 vec srl64(vec a) noexcept {
        return _mm512_srli_epi64(a, S);
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX512 vec rotl64(vec a) noexcept {
        static_assert(S > 0 && S < 64, "rotation count");
        return _mm512_rol_epi64(a, S);
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX512 vec rotl32(vec a) noexcept {
        static_assert(S > 0 && S < 32, "rotation count");
        return _mm512_rol_epi32(a, S);
    }
    CBRNG_DETAIL_OPS_AVX512 vec pack32(vec a, vec b) noexcept {
        return _mm512_mask_blend_epi32(0xAAAA, a, _mm512_slli_epi64(b, 32));
    }
    CBRNG_DETAIL_OPS_AVX512 void store1(void* out, vec a) noexcept { _mm512_storeu_si512(out, a); }
    /// Two-source 64-bit permutes (index 8 + i picks lane i of the second).
    CBRNG_DETAIL_OPS_AVX512 vec interleave_lo(vec a, vec b) noexcept {
        return _mm512_permutex2var_epi64(a, _mm512_set_epi64(11, 3, 10, 2, 9, 1, 8, 0), b);
    }
    CBRNG_DETAIL_OPS_AVX512 vec interleave_hi(vec a, vec b) noexcept {
        return _mm512_permutex2var_epi64(a, _mm512_set_epi64(15, 7, 14, 6, 13, 5, 12, 4), b);
    }
    CBRNG_DETAIL_OPS_AVX512 vec interleave_pairs_lo(vec a, vec b) noexcept {
        return _mm512_permutex2var_epi64(a, _mm512_set_epi64(11, 10, 3, 2, 9, 8, 1, 0), b);
    }
    CBRNG_DETAIL_OPS_AVX512 vec interleave_pairs_hi(vec a, vec b) noexcept {
        return _mm512_permutex2var_epi64(a, _mm512_set_epi64(15, 14, 7, 6, 13, 12, 5, 4), b);
    }
    CBRNG_DETAIL_OPS_AVX512 void store2(void* out, vec a, vec b) noexcept {
        auto* o = static_cast<std::uint64_t*>(out);
        _mm512_storeu_si512(o, interleave_lo(a, b));      // lanes 0..3
        _mm512_storeu_si512(o + 8, interleave_hi(a, b));  // lanes 4..7
    }
    CBRNG_DETAIL_OPS_AVX512 void store4(void* out, vec a, vec b, vec c, vec d) noexcept {
        const vec lo01 = interleave_lo(a, b);  // a b of lanes 0..3
        const vec hi01 = interleave_hi(a, b);  // a b of lanes 4..7
        const vec lo23 = interleave_lo(c, d);
        const vec hi23 = interleave_hi(c, d);
        auto* o = static_cast<std::uint64_t*>(out);
        _mm512_storeu_si512(o, interleave_pairs_lo(lo01, lo23));       // lanes 0, 1
        _mm512_storeu_si512(o + 8, interleave_pairs_hi(lo01, lo23));   // lanes 2, 3
        _mm512_storeu_si512(o + 16, interleave_pairs_lo(hi01, hi23));  // lanes 4, 5
        _mm512_storeu_si512(o + 24, interleave_pairs_hi(hi01, hi23));  // lanes 6, 7
    }
};

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#undef CBRNG_DETAIL_OPS_AVX512

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_OPS_AVX512_HPP
