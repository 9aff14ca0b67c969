// cbrng/detail/simd/avx2.hpp: AVX2 block kernels for Philox4x32-10 and
// Threefry4x64-20, the same contract as detail/simd/scalar.hpp.
//
// Every function here carries CBRNG_TARGET_AVX2 (target("avx2,fma")) and its own
// name, so a default build (no -march) contains it and fill() can call it when
// cpuid says AVX2 is there; no function is compiled with different flags in
// different translation units. Nothing here is used unless the caller checked
// the CPU first (detail/cpu.hpp).
//
// Layout: a vector holds one counter word of four consecutive blocks, one
// block per 64-bit lane, so the lanes never talk to each other until the final
// transpose back to scalar order. For Philox that lets _mm256_mul_epu32 (which
// multiplies the low 32 bits of each 64-bit lane into a full 64-bit product)
// produce hi and lo of a round in one instruction: lo stays in the low half,
// where the next round reads it, and hi is one shift away; the high halves
// carry junk that no instruction ever reads. Several independent groups of
// four blocks are interleaved to cover the multiply and add latencies.
#ifndef CBRNG_DETAIL_SIMD_AVX2_HPP
#define CBRNG_DETAIL_SIMD_AVX2_HPP

#include "../../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <immintrin.h>

#include <cstddef>
#include <cstdint>
#include <utility>

#include "../../threefry.hpp"
#include "scalar.hpp"

// Helpers are forced inline so the kernels keep their state in registers at
// every optimisation level; config.hpp's CBRNG_TARGET_AVX2 is the target.
#define CBRNG_DETAIL_AVX2_INLINE CBRNG_TARGET_AVX2 __attribute__((always_inline)) inline

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {
namespace avx2 {

CBRNG_DETAIL_AVX2_INLINE __m256i set1(std::uint64_t x) noexcept {
    return _mm256_set1_epi64x(static_cast<long long>(x));
}

CBRNG_DETAIL_AVX2_INLINE void store(void* p, __m256i v) noexcept {
    _mm256_storeu_si256(static_cast<__m256i*>(p), v);
}

/// Philox4x32-10 round keys, one broadcast pair per round.
struct philox_keys {
    __m256i k[10][2];
};

CBRNG_DETAIL_AVX2_INLINE philox_keys philox_schedule(const philox4x32_key& key) noexcept {
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
CBRNG_DETAIL_AVX2_INLINE void philox_round(__m256i (&x)[4][G], const philox_keys& ks) noexcept {
    const __m256i m0 = set1(0xD2511F53u), m1 = set1(0xCD9E8D57u);
    for (std::size_t g = 0; g < G; ++g) {
        const __m256i p0 = _mm256_mul_epu32(x[0][g], m0);
        const __m256i p1 = _mm256_mul_epu32(x[2][g], m1);
        // x1 ^ k and x3 ^ k need not wait for the multiplies: the critical
        // path of a round is multiply, shift, xor.
        x[0][g] =
            _mm256_xor_si256(_mm256_srli_epi64(p1, 32), _mm256_xor_si256(x[1][g], ks.k[R][0]));
        x[2][g] =
            _mm256_xor_si256(_mm256_srli_epi64(p0, 32), _mm256_xor_si256(x[3][g], ks.k[R][1]));
        x[1][g] = p1;
        x[3][g] = p0;
    }
}

template <std::size_t G, unsigned... R>
CBRNG_DETAIL_AVX2_INLINE void philox_rounds(__m256i (&x)[4][G], const philox_keys& ks,
                                            std::integer_sequence<unsigned, R...>) noexcept {
    (philox_round<R>(x, ks), ...);
}

/// G groups of four blocks, counters {c0 + i, c[1], c[2], c[3]} for i <
/// 4G (word 0 taken mod 2^32), stored in scalar order at out.
template <std::size_t G>
CBRNG_DETAIL_AVX2_INLINE void philox_groups(std::uint32_t* out, std::uint64_t c0,
                                            const philox4x32_ctr& c,
                                            const philox_keys& ks) noexcept {
    const __m256i lane = _mm256_setr_epi64x(0, 1, 2, 3);
    __m256i x[4][G];
    for (std::size_t g = 0; g < G; ++g) {
        x[0][g] = _mm256_add_epi64(set1(c0 + 4 * g), lane);
        x[1][g] = set1(c[1]);
        x[2][g] = set1(c[2]);
        x[3][g] = set1(c[3]);
    }
    philox_rounds(x, ks, std::make_integer_sequence<unsigned, 10>{});
    for (std::size_t g = 0; g < G; ++g) {
        // Per 64-bit lane (one block): a = words 0,1 and b = words 2,3.
        const __m256i a = _mm256_blend_epi32(x[0][g], _mm256_slli_epi64(x[1][g], 32), 0xAA);
        const __m256i b = _mm256_blend_epi32(x[2][g], _mm256_slli_epi64(x[3][g], 32), 0xAA);
        const __m256i even = _mm256_unpacklo_epi64(a, b);  // blocks 0 | 2
        const __m256i odd = _mm256_unpackhi_epi64(a, b);   // blocks 1 | 3
        store(out + 16 * g, _mm256_permute2x128_si256(even, odd, 0x20));
        store(out + 16 * g + 8, _mm256_permute2x128_si256(even, odd, 0x31));
    }
}

/// rotl of every 64-bit lane by L bits; whole-byte rotations are one shuffle.
template <int L>
CBRNG_DETAIL_AVX2_INLINE __m256i rotl(__m256i x) noexcept {
    static_assert(L > 0 && L < 64, "rotation count");
    if constexpr (L == 32) {
        return _mm256_shuffle_epi32(x, 0xB1);
    } else if constexpr (L % 8 == 0) {
        constexpr int s = L / 8;  // result byte i is source byte (i - s) mod 8
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
        return _mm256_or_si256(_mm256_slli_epi64(x, L), _mm256_srli_epi64(x, 64 - L));
    }
}

/// Threefry4x64 key schedule: inj[s][i] is added to word i after round 4s
/// (s = 1..5), the "+ s" of word 3 folded in; inj[0] is the initial key.
/// sinj is the same for the scalar blocks.
struct threefry_keys {
    __m256i inj[6][4];
    std::uint64_t sinj[6][4];
};

CBRNG_DETAIL_AVX2_INLINE threefry_keys threefry_schedule(const threefry4x64_key& key) noexcept {
    std::uint64_t ks[5] = {key[0], key[1], key[2], key[3], threefry_parity<std::uint64_t>};
    for (std::size_t i = 0; i < 4; ++i) ks[4] ^= key[i];
    threefry_keys t;
    for (std::size_t s = 0; s < 6; ++s) {
        for (std::size_t i = 0; i < 4; ++i) {
            t.sinj[s][i] = ks[(s + i) % 5] + (i == 3 ? s : 0);
            t.inj[s][i] = set1(t.sinj[s][i]);
        }
    }
    return t;
}

/// The state of G vector groups of four blocks and S blocks in scalar
/// registers. Threefry is adds, rotates and xors, which the integer ALUs run
/// as well as the vector units; AVX2 has no vector rotate (three
/// instructions), so computing a few blocks on the otherwise idle integer
/// side, interleaved round by round, adds throughput for free.
template <std::size_t G, std::size_t S>
struct threefry_state {
    __m256i x[4][G];
    std::uint64_t y[4][S == 0 ? 1 : S];
};

template <unsigned R, std::size_t G, std::size_t S>
CBRNG_DETAIL_AVX2_INLINE void threefry_round(threefry_state<G, S>& st,
                                             const threefry_keys& ks) noexcept {
    using rot = threefry_rotations<4, 64>;
    constexpr int ra = static_cast<int>(rot::get(R, 0)), rb = static_cast<int>(rot::get(R, 1));
    constexpr std::size_t a = R % 2 == 0 ? 1 : 3, b = R % 2 == 0 ? 3 : 1;
    auto& x = st.x;
    auto& y = st.y;
    for (std::size_t g = 0; g < G; ++g) {
        x[0][g] = _mm256_add_epi64(x[0][g], x[a][g]);
        x[a][g] = _mm256_xor_si256(rotl<ra>(x[a][g]), x[0][g]);
        x[2][g] = _mm256_add_epi64(x[2][g], x[b][g]);
        x[b][g] = _mm256_xor_si256(rotl<rb>(x[b][g]), x[2][g]);
    }
    for (std::size_t j = 0; j < S; ++j) {
        y[0][j] += y[a][j];
        y[a][j] = ((y[a][j] << ra) | (y[a][j] >> (64 - ra))) ^ y[0][j];
        y[2][j] += y[b][j];
        y[b][j] = ((y[b][j] << rb) | (y[b][j] >> (64 - rb))) ^ y[2][j];
    }
    if constexpr (R % 4 == 3) {
        constexpr std::size_t s = (R + 1) / 4;
        for (std::size_t g = 0; g < G; ++g) {
            for (std::size_t i = 0; i < 4; ++i) x[i][g] = _mm256_add_epi64(x[i][g], ks.inj[s][i]);
        }
        for (std::size_t j = 0; j < S; ++j) {
            for (std::size_t i = 0; i < 4; ++i) y[i][j] += ks.sinj[s][i];
        }
    }
}

template <std::size_t G, std::size_t S, unsigned... R>
CBRNG_DETAIL_AVX2_INLINE void threefry_rounds(threefry_state<G, S>& st, const threefry_keys& ks,
                                              std::integer_sequence<unsigned, R...>) noexcept {
    (threefry_round<R>(st, ks), ...);
}

/// G groups of four blocks and then S single blocks, counters {c0 + i, c[1],
/// c[2], c[3]} for i < 4G + S (word 0 mod 2^64), stored in scalar order at out.
template <std::size_t G, std::size_t S = 0>
CBRNG_DETAIL_AVX2_INLINE void threefry_groups(std::uint64_t* out, std::uint64_t c0,
                                              const threefry4x64_ctr& c,
                                              const threefry_keys& ks) noexcept {
    const __m256i lane = _mm256_setr_epi64x(0, 1, 2, 3);
    threefry_state<G, S> st;
    for (std::size_t g = 0; g < G; ++g) {
        st.x[0][g] = _mm256_add_epi64(_mm256_add_epi64(set1(c0 + 4 * g), lane), ks.inj[0][0]);
        st.x[1][g] = _mm256_add_epi64(set1(c[1]), ks.inj[0][1]);
        st.x[2][g] = _mm256_add_epi64(set1(c[2]), ks.inj[0][2]);
        st.x[3][g] = _mm256_add_epi64(set1(c[3]), ks.inj[0][3]);
    }
    for (std::size_t j = 0; j < S; ++j) {
        st.y[0][j] = c0 + 4 * G + j + ks.sinj[0][0];
        for (std::size_t i = 1; i < 4; ++i) st.y[i][j] = c[i] + ks.sinj[0][i];
    }
    threefry_rounds(st, ks, std::make_integer_sequence<unsigned, 20>{});
    for (std::size_t g = 0; g < G; ++g) {
        const auto& x = st.x;
        const __m256i t0 = _mm256_unpacklo_epi64(x[0][g], x[1][g]);  // b0 w0 w1 | b2 w0 w1
        const __m256i t1 = _mm256_unpackhi_epi64(x[0][g], x[1][g]);  // b1 w0 w1 | b3 w0 w1
        const __m256i t2 = _mm256_unpacklo_epi64(x[2][g], x[3][g]);  // b0 w2 w3 | b2 w2 w3
        const __m256i t3 = _mm256_unpackhi_epi64(x[2][g], x[3][g]);  // b1 w2 w3 | b3 w2 w3
        std::uint64_t* o = out + 16 * g;
        store(o, _mm256_permute2x128_si256(t0, t2, 0x20));
        store(o + 4, _mm256_permute2x128_si256(t1, t3, 0x20));
        store(o + 8, _mm256_permute2x128_si256(t0, t2, 0x31));
        store(o + 12, _mm256_permute2x128_si256(t1, t3, 0x31));
    }
    for (std::size_t j = 0; j < S; ++j) {
        for (std::size_t i = 0; i < 4; ++i) out[16 * G + 4 * j + i] = st.y[i][j];
    }
}

}  // namespace avx2

/// AVX2 Philox4x32-10: same contract as philox4x32_10_scalar. Requires AVX2.
CBRNG_TARGET_AVX2 inline void philox4x32_10_avx2(std::uint32_t* out, std::size_t nblocks,
                                                 const philox4x32_ctr& c,
                                                 const philox4x32_key& k) noexcept {
    constexpr std::size_t G = 4;  // groups of 4 blocks in flight
    const avx2::philox_keys ks = avx2::philox_schedule(k);
    std::size_t b = 0;
    for (; b + 4 * G <= nblocks; b += 4 * G) avx2::philox_groups<G>(out + 4 * b, c[0] + b, c, ks);
    for (; b + 4 <= nblocks; b += 4) avx2::philox_groups<1>(out + 4 * b, c[0] + b, c, ks);
    if (b < nblocks) {
        std::uint32_t tmp[16];
        avx2::philox_groups<1>(tmp, c[0] + b, c, ks);
        for (std::size_t i = 0; i < 4 * (nblocks - b); ++i) out[4 * b + i] = tmp[i];
    }
}

/// AVX2 Threefry4x64-20: same contract as threefry4x64_20_scalar. Requires AVX2.
CBRNG_TARGET_AVX2 inline void threefry4x64_20_avx2(std::uint64_t* out, std::size_t nblocks,
                                                   const threefry4x64_ctr& c,
                                                   const threefry4x64_key& k) noexcept {
    // Vector groups of 4 blocks and scalar blocks per step (threefry_state).
    // GCC keeps two scalar blocks in registers beside two groups (+15% on Zen
    // 3); Clang spills them, so it runs three vector groups alone.
    constexpr std::size_t G = CBRNG_CLANG ? 3 : 2, S = CBRNG_CLANG ? 0 : 2;
    const avx2::threefry_keys ks = avx2::threefry_schedule(k);
    std::size_t b = 0;
    for (; b + 4 * G + S <= nblocks; b += 4 * G + S) {
        avx2::threefry_groups<G, S>(out + 4 * b, c[0] + b, c, ks);
    }
    for (; b + 4 <= nblocks; b += 4) avx2::threefry_groups<1>(out + 4 * b, c[0] + b, c, ks);
    if (b < nblocks) {
        std::uint64_t tmp[16];
        avx2::threefry_groups<1>(tmp, c[0] + b, c, ks);
        for (std::size_t i = 0; i < 4 * (nblocks - b); ++i) out[4 * b + i] = tmp[i];
    }
}

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#undef CBRNG_DETAIL_AVX2_INLINE

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_AVX2_HPP
