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

#include <cstddef>
#include <cstdint>

#define CBRNG_DETAIL_OPS_AVX2 CBRNG_TARGET_AVX2 __attribute__((always_inline)) static inline

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

// Written with GCC/clang vector extensions, not <immintrin.h> (which costs
// more compile time than all of <random>): the compiler picks the same
// instructions under the AVX2 target; pmuludq is the one builtin, spelled
// alike by g++ and clang++.
struct ops_avx2 {
    static constexpr std::size_t lanes = 4;
    typedef std::uint64_t vec __attribute__((vector_size(32)));
    typedef std::uint32_t v8u32 __attribute__((vector_size(32)));
    typedef int v8i32 __attribute__((vector_size(32)));
    typedef long long v4i64 __attribute__((vector_size(32)));
    typedef unsigned char v32u8 __attribute__((vector_size(32)));

    CBRNG_DETAIL_OPS_AVX2 vec set1(std::uint64_t x) noexcept { return vec{x, x, x, x}; }
    CBRNG_DETAIL_OPS_AVX2 vec iota() noexcept { return vec{0, 1, 2, 3}; }
    CBRNG_DETAIL_OPS_AVX2 vec add64(vec a, vec b) noexcept { return a + b; }
    CBRNG_DETAIL_OPS_AVX2 vec add32(vec a, vec b) noexcept {
        return reinterpret_cast<vec>(reinterpret_cast<v8u32>(a) + reinterpret_cast<v8u32>(b));
    }
    CBRNG_DETAIL_OPS_AVX2 vec bxor(vec a, vec b) noexcept { return a ^ b; }
    CBRNG_DETAIL_OPS_AVX2 vec mul_even_u32(vec a, vec b) noexcept {
        return reinterpret_cast<vec>(
            __builtin_ia32_pmuludq256(reinterpret_cast<v8i32>(a), reinterpret_cast<v8i32>(b)));
    }
    /// 64x64 -> 128 from four 32x32 -> 64 products (schoolbook, carries in
    /// 32-bit pieces so no sum overflows).
    CBRNG_DETAIL_OPS_AVX2 void mulhilo64(vec a, vec b, vec& hi, vec& lo) noexcept {
        const vec ah = a >> 32, bh = b >> 32;
        const vec ll = mul_even_u32(a, b), lh = mul_even_u32(a, bh);
        const vec hl = mul_even_u32(ah, b), hh = mul_even_u32(ah, bh);
        const vec mask = set1(0xFFFFFFFF);
        // mid = hi32(ll) + lo32(lh) + lo32(hl) < 3 * 2^32: no overflow.
        const vec mid = (ll >> 32) + (lh & mask) + (hl & mask);
        hi = (hh + (mid >> 32)) + ((lh >> 32) + (hl >> 32));
        lo = (ll & mask) | (mid << 32);
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX2 vec srl64(vec a) noexcept {
        return a >> S;
    }
    /// Whole-byte rotations are one shuffle, 32 one dword swap.
    template <int S>
    CBRNG_DETAIL_OPS_AVX2 vec rotl64(vec x) noexcept {
        static_assert(S > 0 && S < 64, "rotation count");
        if constexpr (S == 32) {
            const v8u32 w = reinterpret_cast<v8u32>(x);
            return reinterpret_cast<vec>(__builtin_shufflevector(w, w, 1, 0, 3, 2, 5, 4, 7, 6));
        } else if constexpr (S % 8 == 0) {
            constexpr int s = S / 8;  // result byte i is source byte (i - s) mod 8
            const v32u8 b = reinterpret_cast<v32u8>(x);
            return reinterpret_cast<vec>(__builtin_shufflevector(
                b, b, (0 - s) & 7, (1 - s) & 7, (2 - s) & 7, (3 - s) & 7, (4 - s) & 7, (5 - s) & 7,
                (6 - s) & 7, (7 - s) & 7, 8 + ((0 - s) & 7), 8 + ((1 - s) & 7), 8 + ((2 - s) & 7),
                8 + ((3 - s) & 7), 8 + ((4 - s) & 7), 8 + ((5 - s) & 7), 8 + ((6 - s) & 7),
                8 + ((7 - s) & 7), 16 + ((0 - s) & 7), 16 + ((1 - s) & 7), 16 + ((2 - s) & 7),
                16 + ((3 - s) & 7), 16 + ((4 - s) & 7), 16 + ((5 - s) & 7), 16 + ((6 - s) & 7),
                16 + ((7 - s) & 7), 24 + ((0 - s) & 7), 24 + ((1 - s) & 7), 24 + ((2 - s) & 7),
                24 + ((3 - s) & 7), 24 + ((4 - s) & 7), 24 + ((5 - s) & 7), 24 + ((6 - s) & 7),
                24 + ((7 - s) & 7)));
        } else {
            return (x << S) | (x >> (64 - S));
        }
    }
    template <int S>
    CBRNG_DETAIL_OPS_AVX2 vec rotl32(vec x) noexcept {
        static_assert(S > 0 && S < 32, "rotation count");
        const v8u32 w = reinterpret_cast<v8u32>(x);
        return reinterpret_cast<vec>((w << S) | (w >> (32 - S)));
    }
    CBRNG_DETAIL_OPS_AVX2 vec pack32(vec a, vec b) noexcept {
        // Even 32-bit words from a, odd ones from b << 32 (a blend).
        return reinterpret_cast<vec>(__builtin_shufflevector(reinterpret_cast<v8u32>(a),
                                                             reinterpret_cast<v8u32>(b << 32), 0, 9,
                                                             2, 11, 4, 13, 6, 15));
    }
    CBRNG_DETAIL_OPS_AVX2 void store_at(unsigned char* out, vec a) noexcept {
        __builtin_memcpy(out, &a, sizeof a);  // unaligned store
    }
    CBRNG_DETAIL_OPS_AVX2 void store1(void* out, vec a) noexcept {
        __builtin_memcpy(out, &a, sizeof a);  // unaligned store
    }
    CBRNG_DETAIL_OPS_AVX2 void store2(void* out, vec a, vec b) noexcept {
        const vec even = __builtin_shufflevector(a, b, 0, 4, 2, 6);  // lanes 0 | 2
        const vec odd = __builtin_shufflevector(a, b, 1, 5, 3, 7);   // lanes 1 | 3
        auto* o = static_cast<unsigned char*>(out);
        store_at(o + 0 * sizeof(vec), __builtin_shufflevector(even, odd, 0, 1, 4, 5));
        store_at(o + 1 * sizeof(vec), __builtin_shufflevector(even, odd, 2, 3, 6, 7));
    }
    CBRNG_DETAIL_OPS_AVX2 void store4(void* out, vec a, vec b, vec c, vec d) noexcept {
        const vec t0 = __builtin_shufflevector(a, b, 0, 4, 2, 6);  // lane 0: a b | lane 2: a b
        const vec t1 = __builtin_shufflevector(a, b, 1, 5, 3, 7);  // lane 1 | lane 3
        const vec t2 = __builtin_shufflevector(c, d, 0, 4, 2, 6);
        const vec t3 = __builtin_shufflevector(c, d, 1, 5, 3, 7);
        auto* o = static_cast<unsigned char*>(out);
        store_at(o + 0 * sizeof(vec), __builtin_shufflevector(t0, t2, 0, 1, 4, 5));
        store_at(o + 1 * sizeof(vec), __builtin_shufflevector(t1, t3, 0, 1, 4, 5));
        store_at(o + 2 * sizeof(vec), __builtin_shufflevector(t0, t2, 2, 3, 6, 7));
        store_at(o + 3 * sizeof(vec), __builtin_shufflevector(t1, t3, 2, 3, 6, 7));
    }
};

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#undef CBRNG_DETAIL_OPS_AVX2

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_OPS_AVX2_HPP
