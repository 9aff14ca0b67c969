// Tests for include/cbrng/detail/simd/avx512.hpp on any x86-64 CPU: the
// AVX-512 kernels' lane and shuffle logic, run on a scalar model of the
// intrinsics they use, equals the portable kernels.
//
// fill_test runs the real AVX-512 path only where the CPU has AVX-512; this
// test keeps the logic covered everywhere else. It compiles avx512.hpp
// against plain C++ definitions of __m512i and of each _mm512_* intrinsic the
// header uses (written from Intel's documented semantics), with the target
// attribute and <immintrin.h> switched off, so the same source runs as
// ordinary code. That redefinition is why this translation unit includes
// nothing else of the SIMD machinery and is its own executable: the kernels
// here must never meet the real ones at link time. What it cannot check is
// the real instructions' behaviour, which fill_test does on AVX-512 machines.
#include <catch2/catch.hpp>

#include <cbrng/config.hpp>

#if CBRNG_HAS_X86_SIMD

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

// Compile the kernels as ordinary functions and keep the real intrinsics out.
#undef CBRNG_TARGET_AVX512
#define CBRNG_TARGET_AVX512
#define _IMMINTRIN_H_INCLUDED  // GCC's include guard of <immintrin.h>
#define __IMMINTRIN_H          // Clang's

// The model: 8 x 64-bit lanes, lane 0 first; 32-bit element i is the low
// (i even) or high (i odd) half of lane i / 2.
struct __m512i {
    std::uint64_t q[8];
};

namespace model {
inline std::uint32_t dword(const __m512i& v, int i) {
    const std::uint64_t q = v.q[i / 2];
    return static_cast<std::uint32_t>(i % 2 == 0 ? q : q >> 32);
}
inline void set_dword(__m512i& v, int i, std::uint32_t x) {
    std::uint64_t& q = v.q[i / 2];
    q = i % 2 == 0 ? (q & 0xffffffff00000000u) | x : (q & 0xffffffffu) | (std::uint64_t{x} << 32);
}
}  // namespace model

// Out of line: GCC 12.2 at -O3 vectorizes a loop of inlined broadcasts like
// philox_schedule's into wrong code (stores one key word's value into both),
// a compiler bug with this plain-C++ model that the real intrinsic, one
// instruction, does not meet.
__attribute__((noinline)) inline __m512i _mm512_set1_epi64(long long x) {
    __m512i r;
    for (auto& q : r.q) q = static_cast<std::uint64_t>(x);
    return r;
}
// Arguments from the highest lane (7) down to lane 0, as Intel's _mm512_set_epi64.
inline __m512i _mm512_set_epi64(long long e7, long long e6, long long e5, long long e4,
                                long long e3, long long e2, long long e1, long long e0) {
    const long long e[8] = {e0, e1, e2, e3, e4, e5, e6, e7};
    __m512i r;
    for (int i = 0; i < 8; ++i) r.q[i] = static_cast<std::uint64_t>(e[i]);
    return r;
}
inline void _mm512_storeu_si512(void* p, __m512i v) {
    std::memcpy(p, v.q, sizeof v.q);
}
inline __m512i _mm512_add_epi64(__m512i a, __m512i b) {
    for (int i = 0; i < 8; ++i) a.q[i] += b.q[i];
    return a;
}
inline __m512i _mm512_xor_si512(__m512i a, __m512i b) {
    for (int i = 0; i < 8; ++i) a.q[i] ^= b.q[i];
    return a;
}
// Low 32 bits of each lane times low 32 bits of each lane, full 64-bit product.
inline __m512i _mm512_mul_epu32(__m512i a, __m512i b) {
    for (int i = 0; i < 8; ++i) a.q[i] = (a.q[i] & 0xffffffffu) * (b.q[i] & 0xffffffffu);
    return a;
}
inline __m512i _mm512_srli_epi64(__m512i a, unsigned s) {
    for (auto& q : a.q) q = s > 63 ? 0 : q >> s;
    return a;
}
inline __m512i _mm512_slli_epi64(__m512i a, unsigned s) {
    for (auto& q : a.q) q = s > 63 ? 0 : q << s;
    return a;
}
inline __m512i _mm512_rol_epi64(__m512i a, int s) {
    const unsigned r = static_cast<unsigned>(s) % 64;
    for (auto& q : a.q) q = r == 0 ? q : (q << r) | (q >> (64 - r));
    return a;
}
// Element i from b where mask bit i is set, else from a.
inline __m512i _mm512_mask_blend_epi32(std::uint16_t k, __m512i a, __m512i b) {
    __m512i r = a;
    for (int i = 0; i < 16; ++i) {
        model::set_dword(r, i, (k >> i) & 1 ? model::dword(b, i) : model::dword(a, i));
    }
    return r;
}
// Lane i = (idx[i] bit 3 ? b : a)[idx[i] & 7].
inline __m512i _mm512_permutex2var_epi64(__m512i a, __m512i idx, __m512i b) {
    __m512i r;
    for (int i = 0; i < 8; ++i) {
        const std::uint64_t j = idx.q[i] & 15;
        r.q[i] = j < 8 ? a.q[j] : b.q[j - 8];
    }
    return r;
}

#include <cbrng/detail/simd/avx512.hpp>

TEST_CASE("AVX-512 kernels on a scalar model of the intrinsics equal the portable kernels",
          "[simd][avx512]") {
    namespace simd = cbrng::detail::simd;
    std::mt19937_64 rng(7);
    for (std::size_t n = 0; n <= 100; ++n) {
        for (int trial = 0; trial < 3; ++trial) {
            simd::philox4x32_ctr c{};
            simd::philox4x32_key k{};
            for (auto& w : c) w = static_cast<std::uint32_t>(rng());
            for (auto& w : k) w = static_cast<std::uint32_t>(rng());
            if (trial == 0) c[0] = static_cast<std::uint32_t>(0u - n);  // ends at the carry
            std::vector<std::uint32_t> got(4 * n + 1, 7u), want(4 * n + 1, 7u);
            simd::philox4x32_10_avx512(got.data(), n, c, k);
            simd::philox4x32_10_scalar(want.data(), n, c, k);
            CHECK((got == want));

            simd::threefry4x64_ctr d{};
            simd::threefry4x64_key e{};
            for (auto& w : d) w = rng();
            for (auto& w : e) w = rng();
            if (trial == 0) d[0] = std::uint64_t{0} - n;
            std::vector<std::uint64_t> got64(4 * n + 1, 7u), want64(4 * n + 1, 7u);
            simd::threefry4x64_20_avx512(got64.data(), n, d, e);
            simd::threefry4x64_20_scalar(want64.data(), n, d, e);
            CHECK((got64 == want64));
        }
    }
}

#else

TEST_CASE("AVX-512 kernels on a scalar model of the intrinsics (x86-64 only)", "[simd][avx512]") {
    WARN("not an x86-64 GCC/Clang build: the AVX-512 kernels do not exist here");
}

#endif
