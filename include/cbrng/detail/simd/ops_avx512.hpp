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

#include <cstddef>
#include <cstdint>

#define CBRNG_DETAIL_OPS_AVX512 CBRNG_TARGET_AVX512 __attribute__((always_inline)) static inline

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

// Written with GCC/clang vector extensions, not <immintrin.h> (see
// ops_avx2.hpp); under the AVX-512 target the compiler turns the shift-or
// rotations into vprolq/vprold, the blends into masked moves and the
// two-source shuffles into vpermt2q. The 32x32 -> 64 product is a builtin
// (vpmuludq; g++ spells it with a mask operand, clang++ without).
struct ops_avx512 {
    static constexpr std::size_t lanes = 8;
    typedef std::uint64_t vec __attribute__((vector_size(64)));
    typedef std::uint32_t v16u32 __attribute__((vector_size(64)));
    typedef int v16i32 __attribute__((vector_size(64)));
    typedef long long v8i64 __attribute__((vector_size(64)));

    CBRNG_DETAIL_OPS_AVX512 vec set1(std::uint64_t x) noexcept {
#if defined(__clang__)
        return vec{x, x, x, x, x, x, x, x};
#else
        // g++ would fold sums of broadcasts into a scalar add and a new
        // broadcast inside the Threefry loop (7% slower); the builtin keeps
        // the broadcast opaque, as <immintrin.h>'s _mm512_set1_epi64 does.
        return reinterpret_cast<vec>(
            __builtin_ia32_pbroadcastq512_gpr_mask(static_cast<long long>(x), v8i64{}, 0xFF));
#endif
    }
    CBRNG_DETAIL_OPS_AVX512 vec iota() noexcept {
        return vec{0, 1, 2, 3, 4, 5, 6, 7};
    }
    CBRNG_DETAIL_OPS_AVX512 vec add64(vec a, vec b) noexcept {
        return a + b;
    }
    CBRNG_DETAIL_OPS_AVX512 vec add32(vec a, vec b) noexcept {
        return reinterpret_cast<vec>(reinterpret_cast<v16u32>(a) + reinterpret_cast<v16u32>(b));
    }
    CBRNG_DETAIL_OPS_AVX512 vec bxor(vec a, vec b) noexcept {
        return a ^ b;
    }
    CBRNG_DETAIL_OPS_AVX512 vec mul_even_u32(vec a, vec b) noexcept {
#if defined(__clang__)
        return reinterpret_cast<vec>(
            __builtin_ia32_pmuludq512(reinterpret_cast<v16i32>(a), reinterpret_cast<v16i32>(b)));
#else
        return reinterpret_cast<vec>(__builtin_ia32_pmuludq512_mask(
            reinterpret_cast<v16i32>(a), reinterpret_cast<v16i32>(b), v8i64{}, 0xFF));
#endif
    }
    /// 64x64 -> 128 from four 32x32 -> 64 products, as ops_avx2::mulhilo64.
    CBRNG_DETAIL_OPS_AVX512 void mulhilo64(vec a, vec b, vec& hi, vec& lo) noexcept {
        const vec ah = a >> 32, bh = b >> 32;
        const vec ll = mul_even_u32(a, b), lh = mul_even_u32(a, bh);
        const vec hl = mul_even_u32(ah, b), hh = mul_even_u32(ah, bh);
        const vec mask = set1(0xFFFFFFFF);
        const vec mid = (ll >> 32) + (lh & mask) + (hl & mask);
        hi = (hh + (mid >> 32)) + ((lh >> 32) + (hl >> 32));
        lo = pack32(ll, mid);
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX512 vec srl64(vec a) noexcept {
        return a >> S;
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX512 vec rotl64(vec a) noexcept {
        static_assert(S > 0 && S < 64, "rotation count");
#if defined(__clang__)
        return (a << S) | (a >> (64 - S));
#else
        // g++ would fold a rotation of a broadcast into a scalar rotate and a
        // new broadcast; the builtin keeps vprolq.
        return reinterpret_cast<vec>(
            __builtin_ia32_prolq512_mask(reinterpret_cast<v8i64>(a), S, v8i64{}, 0xFF));
#endif
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX512 vec rotl32(vec a) noexcept {
        static_assert(S > 0 && S < 32, "rotation count");
#if defined(__clang__)
        const v16u32 w = reinterpret_cast<v16u32>(a);
        return reinterpret_cast<vec>((w << S) | (w >> (32 - S)));
#else
        return reinterpret_cast<vec>(
            __builtin_ia32_prold512_mask(reinterpret_cast<v16i32>(a), S, v16i32{}, 0xFFFF));
#endif
    }
    CBRNG_DETAIL_OPS_AVX512 vec pack32(vec a, vec b) noexcept {
        // Even 32-bit words from a, odd ones from b << 32 (a masked blend).
        return reinterpret_cast<vec>(
            __builtin_shufflevector(reinterpret_cast<v16u32>(a), reinterpret_cast<v16u32>(b << 32),
                                    0, 17, 2, 19, 4, 21, 6, 23, 8, 25, 10, 27, 12, 29, 14, 31));
    }
    CBRNG_DETAIL_OPS_AVX512 void store_at(unsigned char* out, vec a) noexcept {
        __builtin_memcpy(out, &a, sizeof a);  // unaligned store
    }
    CBRNG_DETAIL_OPS_AVX512 void store1(void* out, vec a) noexcept {
        __builtin_memcpy(out, &a, sizeof a);  // unaligned store
    }
    /// Two-source 64-bit permutes (index 8 + i picks lane i of the second).
    CBRNG_DETAIL_OPS_AVX512 vec interleave_lo(vec a, vec b) noexcept {
        return __builtin_shufflevector(a, b, 0, 8, 1, 9, 2, 10, 3, 11);
    }
    CBRNG_DETAIL_OPS_AVX512 vec interleave_hi(vec a, vec b) noexcept {
        return __builtin_shufflevector(a, b, 4, 12, 5, 13, 6, 14, 7, 15);
    }
    CBRNG_DETAIL_OPS_AVX512 vec interleave_pairs_lo(vec a, vec b) noexcept {
        return __builtin_shufflevector(a, b, 0, 1, 8, 9, 2, 3, 10, 11);
    }
    CBRNG_DETAIL_OPS_AVX512 vec interleave_pairs_hi(vec a, vec b) noexcept {
        return __builtin_shufflevector(a, b, 4, 5, 12, 13, 6, 7, 14, 15);
    }
    CBRNG_DETAIL_OPS_AVX512 void store2(void* out, vec a, vec b) noexcept {
        auto* o = static_cast<unsigned char*>(out);
        store_at(o + 0 * sizeof(vec), interleave_lo(a, b));  // lanes 0..3
        store_at(o + 1 * sizeof(vec), interleave_hi(a, b));  // lanes 4..7
    }
    CBRNG_DETAIL_OPS_AVX512 void store4(void* out, vec a, vec b, vec c, vec d) noexcept {
        const vec lo01 = interleave_lo(a, b);  // a b of lanes 0..3
        const vec hi01 = interleave_hi(a, b);  // a b of lanes 4..7
        const vec lo23 = interleave_lo(c, d);
        const vec hi23 = interleave_hi(c, d);
        auto* o = static_cast<unsigned char*>(out);
        store_at(o + 0 * sizeof(vec), interleave_pairs_lo(lo01, lo23));  // lanes 0, 1
        store_at(o + 1 * sizeof(vec), interleave_pairs_hi(lo01, lo23));  // lanes 2, 3
        store_at(o + 2 * sizeof(vec), interleave_pairs_lo(hi01, hi23));  // lanes 4, 5
        store_at(o + 3 * sizeof(vec), interleave_pairs_hi(hi01, hi23));  // lanes 6, 7
    }
};

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#undef CBRNG_DETAIL_OPS_AVX512

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_OPS_AVX512_HPP
