// cbrng/detail/simd/ops_avx2.hpp: the vector layer of the block kernels on
// AVX2, four 64-bit lanes per __m256i (the contract of ops_emu.hpp).
//
// Every function carries CBRNG_TARGET_AVX2 and is forced inline, so the
// kernels instantiated under that target (kernels.hpp) keep their state in
// registers at any optimisation level; nothing here runs unless the caller
// checked the CPU (detail/cpu.hpp).
#ifndef CBRNG_DETAIL_SIMD_OPS_AVX2_HPP
#define CBRNG_DETAIL_SIMD_OPS_AVX2_HPP

#include "../../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

#define CBRNG_DETAIL_OPS_AVX2 CBRNG_TARGET_AVX2 __attribute__((always_inline)) static inline

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

struct ops_avx2 {
    static constexpr std::size_t lanes = 4;
    using vec = __m256i;

    CBRNG_DETAIL_OPS_AVX2 vec set1(std::uint64_t x) noexcept {
        return _mm256_set1_epi64x(static_cast<long long>(x));
    }
    CBRNG_DETAIL_OPS_AVX2 vec iota() noexcept { return _mm256_setr_epi64x(0, 1, 2, 3); }
    CBRNG_DETAIL_OPS_AVX2 vec add64(vec a, vec b) noexcept { return _mm256_add_epi64(a, b); }
    CBRNG_DETAIL_OPS_AVX2 vec add32(vec a, vec b) noexcept { return _mm256_add_epi32(a, b); }
    CBRNG_DETAIL_OPS_AVX2 vec bxor(vec a, vec b) noexcept { return _mm256_xor_si256(a, b); }
    CBRNG_DETAIL_OPS_AVX2 vec mul_even_u32(vec a, vec b) noexcept { return _mm256_mul_epu32(a, b); }
    /// 64x64 -> 128 from four 32x32 -> 64 products (schoolbook, carries in
    /// 32-bit pieces so no sum overflows).
    CBRNG_DETAIL_OPS_AVX2 void mulhilo64(vec a, vec b, vec& hi, vec& lo) noexcept {
        const vec ah = _mm256_srli_epi64(a, 32), bh = _mm256_srli_epi64(b, 32);
        const vec ll = _mm256_mul_epu32(a, b), lh = _mm256_mul_epu32(a, bh);
        const vec hl = _mm256_mul_epu32(ah, b), hh = _mm256_mul_epu32(ah, bh);
        const vec mask = _mm256_set1_epi64x(0xFFFFFFFF);
        // mid = hi32(ll) + lo32(lh) + lo32(hl) < 3 * 2^32: no overflow.
        const vec mid = _mm256_add_epi64(
            _mm256_add_epi64(_mm256_srli_epi64(ll, 32), _mm256_and_si256(lh, mask)),
            _mm256_and_si256(hl, mask));
        hi = _mm256_add_epi64(
            _mm256_add_epi64(hh, _mm256_srli_epi64(mid, 32)),
            _mm256_add_epi64(_mm256_srli_epi64(lh, 32), _mm256_srli_epi64(hl, 32)));
        lo = _mm256_or_si256(_mm256_and_si256(ll, mask), _mm256_slli_epi64(mid, 32));
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX2 vec srl64(vec a) noexcept {
        return _mm256_srli_epi64(a, S);
    }
    /// Whole-byte rotations are one shuffle, 32 one dword swap.
    template <int S>
    CBRNG_DETAIL_OPS_AVX2 vec rotl64(vec x) noexcept {
        static_assert(S > 0 && S < 64, "rotation count");
        if constexpr (S == 32) {
            return _mm256_shuffle_epi32(x, 0xB1);
        } else if constexpr (S % 8 == 0) {
            constexpr int s = S / 8;  // result byte i is source byte (i - s) mod 8
            const __m256i idx = _mm256_setr_epi8(
                (0 - s) & 7, (1 - s) & 7, (2 - s) & 7, (3 - s) & 7, (4 - s) & 7, (5 - s) & 7,
                (6 - s) & 7, (7 - s) & 7, 8 + ((0 - s) & 7), 8 + ((1 - s) & 7), 8 + ((2 - s) & 7),
                8 + ((3 - s) & 7), 8 + ((4 - s) & 7), 8 + ((5 - s) & 7), 8 + ((6 - s) & 7),
                8 + ((7 - s) & 7), (0 - s) & 7, (1 - s) & 7, (2 - s) & 7, (3 - s) & 7, (4 - s) & 7,
                (5 - s) & 7, (6 - s) & 7, (7 - s) & 7, 8 + ((0 - s) & 7), 8 + ((1 - s) & 7),
                8 + ((2 - s) & 7), 8 + ((3 - s) & 7), 8 + ((4 - s) & 7), 8 + ((5 - s) & 7),
                8 + ((6 - s) & 7), 8 + ((7 - s) & 7));
            return _mm256_shuffle_epi8(x, idx);
        } else {
            return _mm256_or_si256(_mm256_slli_epi64(x, S), _mm256_srli_epi64(x, 64 - S));
        }
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX2 vec rotl32(vec x) noexcept {
        static_assert(S > 0 && S < 32, "rotation count");
        return _mm256_or_si256(_mm256_slli_epi32(x, S), _mm256_srli_epi32(x, 32 - S));
    }
    CBRNG_DETAIL_OPS_AVX2 vec pack32(vec a, vec b) noexcept {
        return _mm256_blend_epi32(a, _mm256_slli_epi64(b, 32), 0xAA);
    }
    CBRNG_DETAIL_OPS_AVX2 void store1(void* out, vec a) noexcept {
        _mm256_storeu_si256(static_cast<__m256i*>(out), a);
    }
    CBRNG_DETAIL_OPS_AVX2 void store2(void* out, vec a, vec b) noexcept {
        const vec even = _mm256_unpacklo_epi64(a, b);  // lanes 0 | 2
        const vec odd = _mm256_unpackhi_epi64(a, b);   // lanes 1 | 3
        auto* o = static_cast<__m256i*>(out);
        _mm256_storeu_si256(o, _mm256_permute2x128_si256(even, odd, 0x20));
        _mm256_storeu_si256(o + 1, _mm256_permute2x128_si256(even, odd, 0x31));
    }
    CBRNG_DETAIL_OPS_AVX2 void store4(void* out, vec a, vec b, vec c, vec d) noexcept {
        const vec t0 = _mm256_unpacklo_epi64(a, b);  // lane 0: a b | lane 2: a b
        const vec t1 = _mm256_unpackhi_epi64(a, b);  // lane 1 | lane 3
        const vec t2 = _mm256_unpacklo_epi64(c, d);
        const vec t3 = _mm256_unpackhi_epi64(c, d);
        auto* o = static_cast<__m256i*>(out);
        _mm256_storeu_si256(o, _mm256_permute2x128_si256(t0, t2, 0x20));
        _mm256_storeu_si256(o + 1, _mm256_permute2x128_si256(t1, t3, 0x20));
        _mm256_storeu_si256(o + 2, _mm256_permute2x128_si256(t0, t2, 0x31));
        _mm256_storeu_si256(o + 3, _mm256_permute2x128_si256(t1, t3, 0x31));
    }
};

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#undef CBRNG_DETAIL_OPS_AVX2

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_OPS_AVX2_HPP
