// cbrng/detail/simd/avx512.hpp: AVX-512 block kernels for Philox4x32-10 and
// Threefry4x64-20, the same contract as detail/simd/scalar.hpp.
//
// The same design as avx2.hpp at twice the width: one counter word of eight
// consecutive blocks per vector, one block per 64-bit lane; Philox multiplies
// with _mm512_mul_epu32 (hi and lo of a round in one instruction), Threefry
// rotates with the native _mm512_rol_epi64. Each function carries
// CBRNG_TARGET_AVX512 (AVX-512 F, DQ, BW, VL plus AVX2, FMA) and its own
// name, so a default build contains it and fill() calls it only after cpuid
// says the CPU has those extensions (detail/cpu.hpp's avx512 tier).
#ifndef CBRNG_DETAIL_SIMD_AVX512_HPP
#define CBRNG_DETAIL_SIMD_AVX512_HPP

#include "../../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <immintrin.h>

#include <cstddef>
#include <cstdint>
#include <utility>

#include "../../threefry.hpp"
#include "scalar.hpp"

// Helpers are forced inline so the kernels keep their state in registers at
// every optimisation level; config.hpp's CBRNG_TARGET_AVX512 is the target.
#define CBRNG_DETAIL_AVX512_INLINE CBRNG_TARGET_AVX512 __attribute__((always_inline)) inline

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
namespace avx512 {

CBRNG_DETAIL_AVX512_INLINE __m512i set1(std::uint64_t x) noexcept {
    return _mm512_set1_epi64(static_cast<long long>(x));
}

CBRNG_DETAIL_AVX512_INLINE void store(void* p, __m512i v) noexcept {
    _mm512_storeu_si512(p, v);
}

/// 0, 1, ..., 7: the block offset of each 64-bit lane.
CBRNG_DETAIL_AVX512_INLINE __m512i lane_index() noexcept {
    return _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
}

/// Two-source 64-bit permutes (an index of 8 + i picks lane i of the second
/// source): interleave the low or high halves of two vectors lane by lane,
/// and interleave pairs of lanes.
CBRNG_DETAIL_AVX512_INLINE __m512i interleave_lo(__m512i a, __m512i b) noexcept {
    return _mm512_permutex2var_epi64(a, _mm512_set_epi64(11, 3, 10, 2, 9, 1, 8, 0), b);
}
CBRNG_DETAIL_AVX512_INLINE __m512i interleave_hi(__m512i a, __m512i b) noexcept {
    return _mm512_permutex2var_epi64(a, _mm512_set_epi64(15, 7, 14, 6, 13, 5, 12, 4), b);
}
CBRNG_DETAIL_AVX512_INLINE __m512i interleave_pairs_lo(__m512i a, __m512i b) noexcept {
    return _mm512_permutex2var_epi64(a, _mm512_set_epi64(11, 10, 3, 2, 9, 8, 1, 0), b);
}
CBRNG_DETAIL_AVX512_INLINE __m512i interleave_pairs_hi(__m512i a, __m512i b) noexcept {
    return _mm512_permutex2var_epi64(a, _mm512_set_epi64(15, 14, 7, 6, 13, 12, 5, 4), b);
}

struct philox_keys {
    __m512i k[10][2];
};

CBRNG_DETAIL_AVX512_INLINE philox_keys philox_schedule(const philox4x32_key& key) noexcept {
    philox_keys s;
    std::uint32_t k0 = key[0], k1 = key[1];
    for (unsigned r = 0; r < 10; ++r) {
        s.k[r][0] = set1(k0);
        s.k[r][1] = set1(k1);
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
    return s;
}

template <unsigned R, std::size_t G>
CBRNG_DETAIL_AVX512_INLINE void philox_round(__m512i (&x)[4][G], const philox_keys& ks) noexcept {
    const __m512i m0 = set1(0xD2511F53u), m1 = set1(0xCD9E8D57u);
    for (std::size_t g = 0; g < G; ++g) {
        const __m512i p0 = _mm512_mul_epu32(x[0][g], m0);
        const __m512i p1 = _mm512_mul_epu32(x[2][g], m1);
        // x1 ^ k and x3 ^ k need not wait for the multiplies: the critical
        // path of a round is multiply, shift, xor.
        x[0][g] =
            _mm512_xor_si512(_mm512_srli_epi64(p1, 32), _mm512_xor_si512(x[1][g], ks.k[R][0]));
        x[2][g] =
            _mm512_xor_si512(_mm512_srli_epi64(p0, 32), _mm512_xor_si512(x[3][g], ks.k[R][1]));
        x[1][g] = p1;
        x[3][g] = p0;
    }
}

template <std::size_t G, unsigned... R>
CBRNG_DETAIL_AVX512_INLINE void philox_rounds(__m512i (&x)[4][G], const philox_keys& ks,
                                              std::integer_sequence<unsigned, R...>) noexcept {
    (philox_round<R>(x, ks), ...);
}

/// G groups of eight blocks, counters {c0 + i, c[1], c[2], c[3]} for i < 8G
/// (word 0 mod 2^32), stored in scalar order at out.
template <std::size_t G>
CBRNG_DETAIL_AVX512_INLINE void philox_groups(std::uint32_t* out, std::uint64_t c0,
                                              const philox4x32_ctr& c,
                                              const philox_keys& ks) noexcept {
    const __m512i lane = lane_index();
    __m512i x[4][G];
    for (std::size_t g = 0; g < G; ++g) {
        x[0][g] = _mm512_add_epi64(set1(c0 + 8 * g), lane);
        x[1][g] = set1(c[1]);
        x[2][g] = set1(c[2]);
        x[3][g] = set1(c[3]);
    }
    philox_rounds(x, ks, std::make_integer_sequence<unsigned, 10>{});
    for (std::size_t g = 0; g < G; ++g) {
        // Per 64-bit lane (one block): a = words 0,1 and b = words 2,3.
        const __m512i a = _mm512_mask_blend_epi32(0xAAAA, x[0][g], _mm512_slli_epi64(x[1][g], 32));
        const __m512i b = _mm512_mask_blend_epi32(0xAAAA, x[2][g], _mm512_slli_epi64(x[3][g], 32));
        store(out + 32 * g, interleave_lo(a, b));       // blocks 0..3
        store(out + 32 * g + 16, interleave_hi(a, b));  // blocks 4..7
    }
}

struct threefry_keys {
    __m512i inj[6][4];
};

CBRNG_DETAIL_AVX512_INLINE threefry_keys threefry_schedule(const threefry4x64_key& key) noexcept {
    std::uint64_t ks[5] = {key[0], key[1], key[2], key[3], threefry_parity<std::uint64_t>};
    for (std::size_t i = 0; i < 4; ++i) ks[4] ^= key[i];
    threefry_keys t;
    for (std::size_t s = 0; s < 6; ++s) {
        for (std::size_t i = 0; i < 4; ++i) {
            t.inj[s][i] = set1(ks[(s + i) % 5] + (i == 3 ? s : 0));
        }
    }
    return t;
}

template <unsigned R, std::size_t G>
CBRNG_DETAIL_AVX512_INLINE void threefry_round(__m512i (&x)[4][G],
                                               const threefry_keys& ks) noexcept {
    using rot = threefry_rotations<4, 64>;
    constexpr int ra = static_cast<int>(rot::get(R, 0)), rb = static_cast<int>(rot::get(R, 1));
    constexpr std::size_t a = R % 2 == 0 ? 1 : 3, b = R % 2 == 0 ? 3 : 1;
    for (std::size_t g = 0; g < G; ++g) {
        x[0][g] = _mm512_add_epi64(x[0][g], x[a][g]);
        x[a][g] = _mm512_xor_si512(_mm512_rol_epi64(x[a][g], ra), x[0][g]);
        x[2][g] = _mm512_add_epi64(x[2][g], x[b][g]);
        x[b][g] = _mm512_xor_si512(_mm512_rol_epi64(x[b][g], rb), x[2][g]);
    }
    if constexpr (R % 4 == 3) {
        constexpr std::size_t s = (R + 1) / 4;
        for (std::size_t g = 0; g < G; ++g) {
            for (std::size_t i = 0; i < 4; ++i) x[i][g] = _mm512_add_epi64(x[i][g], ks.inj[s][i]);
        }
    }
}

template <std::size_t G, unsigned... R>
CBRNG_DETAIL_AVX512_INLINE void threefry_rounds(__m512i (&x)[4][G], const threefry_keys& ks,
                                                std::integer_sequence<unsigned, R...>) noexcept {
    (threefry_round<R>(x, ks), ...);
}

/// G groups of eight blocks, counters {c0 + i, c[1], c[2], c[3]} for i < 8G
/// (word 0 mod 2^64), stored in scalar order at out.
template <std::size_t G>
CBRNG_DETAIL_AVX512_INLINE void threefry_groups(std::uint64_t* out, std::uint64_t c0,
                                                const threefry4x64_ctr& c,
                                                const threefry_keys& ks) noexcept {
    const __m512i lane = lane_index();
    __m512i x[4][G];
    for (std::size_t g = 0; g < G; ++g) {
        x[0][g] = _mm512_add_epi64(_mm512_add_epi64(set1(c0 + 8 * g), lane), ks.inj[0][0]);
        x[1][g] = _mm512_add_epi64(set1(c[1]), ks.inj[0][1]);
        x[2][g] = _mm512_add_epi64(set1(c[2]), ks.inj[0][2]);
        x[3][g] = _mm512_add_epi64(set1(c[3]), ks.inj[0][3]);
    }
    threefry_rounds(x, ks, std::make_integer_sequence<unsigned, 20>{});
    for (std::size_t g = 0; g < G; ++g) {
        const __m512i lo01 = interleave_lo(x[0][g], x[1][g]);  // w0 w1 of blocks 0..3
        const __m512i hi01 = interleave_hi(x[0][g], x[1][g]);  // w0 w1 of blocks 4..7
        const __m512i lo23 = interleave_lo(x[2][g], x[3][g]);  // w2 w3 of blocks 0..3
        const __m512i hi23 = interleave_hi(x[2][g], x[3][g]);  // w2 w3 of blocks 4..7
        std::uint64_t* o = out + 32 * g;
        store(o, interleave_pairs_lo(lo01, lo23));       // blocks 0, 1
        store(o + 8, interleave_pairs_hi(lo01, lo23));   // blocks 2, 3
        store(o + 16, interleave_pairs_lo(hi01, hi23));  // blocks 4, 5
        store(o + 24, interleave_pairs_hi(hi01, hi23));  // blocks 6, 7
    }
}

}  // namespace avx512

/// AVX-512 Philox4x32-10: same contract as philox4x32_10_scalar. Requires
/// AVX-512 F, DQ, VL and BW.
CBRNG_TARGET_AVX512 inline void philox4x32_10_avx512(std::uint32_t* out, std::size_t nblocks,
                                                     const philox4x32_ctr& c,
                                                     const philox4x32_key& k) noexcept {
    constexpr std::size_t G = 4;  // groups of 8 blocks in flight
    const avx512::philox_keys ks = avx512::philox_schedule(k);
    std::size_t b = 0;
    for (; b + 8 * G <= nblocks; b += 8 * G) {
        avx512::philox_groups<G>(out + 4 * b, c[0] + b, c, ks);
    }
    for (; b + 8 <= nblocks; b += 8) avx512::philox_groups<1>(out + 4 * b, c[0] + b, c, ks);
    if (b < nblocks) {
        std::uint32_t tmp[32];
        avx512::philox_groups<1>(tmp, c[0] + b, c, ks);
        for (std::size_t i = 0; i < 4 * (nblocks - b); ++i) out[4 * b + i] = tmp[i];
    }
}

/// AVX-512 Threefry4x64-20: same contract as threefry4x64_20_scalar. Requires
/// AVX-512 F, DQ, VL and BW.
CBRNG_TARGET_AVX512 inline void threefry4x64_20_avx512(std::uint64_t* out, std::size_t nblocks,
                                                       const threefry4x64_ctr& c,
                                                       const threefry4x64_key& k) noexcept {
    constexpr std::size_t G = 3;
    const avx512::threefry_keys ks = avx512::threefry_schedule(k);
    std::size_t b = 0;
    for (; b + 8 * G <= nblocks; b += 8 * G) {
        avx512::threefry_groups<G>(out + 4 * b, c[0] + b, c, ks);
    }
    for (; b + 8 <= nblocks; b += 8) avx512::threefry_groups<1>(out + 4 * b, c[0] + b, c, ks);
    if (b < nblocks) {
        std::uint64_t tmp[32];
        avx512::threefry_groups<1>(tmp, c[0] + b, c, ks);
        for (std::size_t i = 0; i < 4 * (nblocks - b); ++i) out[4 * b + i] = tmp[i];
    }
}

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#undef CBRNG_DETAIL_AVX512_INLINE

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_AVX512_HPP
