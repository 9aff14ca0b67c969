// cbrng/detail/simd/ops_real_avx2.hpp: the vector layer of the batch
// transforms (kernels/transform.inl) on AVX2 + FMA: 4 double lanes, 8 float
// lanes per 256-bit register (the contract of ops_real_emu.hpp).
//
// Written with GCC/clang vector extensions, not <immintrin.h>: operators,
// __builtin_shufflevector, __builtin_convertvector and vector ?: select give
// the compiler the same instructions; a few builtins (square roots, movemask,
// the variable dword permute), spelled alike by g++ and clang++, do the rest.
// Masks are vectors of all-ones / zero lanes, as the compares return them.
// AVX2 has no exact 64-bit integer to double conversion: unit53 and cvt_u52
// use bit tricks that give the exact value (the true value is representable).
// Every function carries CBRNG_TARGET_AVX2 and is forced inline; nothing
// here runs unless the caller checked the CPU (detail/cpu.hpp).
#ifndef CBRNG_DETAIL_SIMD_OPS_REAL_AVX2_HPP
#define CBRNG_DETAIL_SIMD_OPS_REAL_AVX2_HPP

#include "../../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <cstddef>
#include <cstdint>

#define CBRNG_DETAIL_OPS_REAL_AVX2 CBRNG_TARGET_AVX2 __attribute__((always_inline)) static inline

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

/// Left-packing of 64-bit lanes: for each 4-bit lane mask, the dword
/// permutation indices that move the selected lanes, in order, to the
/// bottom, and how many there are.
struct left_pack_table {
    std::int32_t index[16][8];
    std::uint8_t count[16];
};
constexpr left_pack_table make_left_pack_table() noexcept {
    left_pack_table t{};
    for (int mask = 0; mask < 16; ++mask) {
        int k = 0;
        for (int lane = 0; lane < 4; ++lane) {
            if ((mask >> lane) & 1) {
                t.index[mask][2 * k] = 2 * lane;
                t.index[mask][2 * k + 1] = 2 * lane + 1;
                ++k;
            }
        }
        t.count[mask] = static_cast<std::uint8_t>(k);
        for (; k < 4; ++k) {
            t.index[mask][2 * k] = 0;
            t.index[mask][2 * k + 1] = 1;
        }
    }
    return t;
}
inline constexpr left_pack_table left_pack = make_left_pack_table();

struct ops_real_avx2 {
    static constexpr std::size_t dlanes = 4;
    static constexpr std::size_t flanes = 8;
    typedef double vd __attribute__((vector_size(32)));
    typedef std::uint64_t vq __attribute__((vector_size(32)));
    typedef long long dmask __attribute__((vector_size(32)));
    typedef float vf __attribute__((vector_size(32)));
    typedef std::uint32_t vw __attribute__((vector_size(32)));
    typedef std::int32_t vfi __attribute__((vector_size(32)));
    typedef std::int32_t fmask __attribute__((vector_size(32)));
    typedef std::int32_t vdi __attribute__((vector_size(16)));  // one int32 per double lane
    typedef float vdf __attribute__((vector_size(16)));         // one float per double lane
    typedef std::uint32_t vdw __attribute__((vector_size(16)));
    // Unaligned, aliasing views for the real loads and stores under g++, so
    // that it keeps them in the floating-point domain (vmovupd, not vmovdqu);
    // clang++ picks the domain from a memcpy itself.
    typedef double vd_u __attribute__((vector_size(32), aligned(1), may_alias));
    typedef float vf_u __attribute__((vector_size(32), aligned(1), may_alias));
    typedef float vdf_u __attribute__((vector_size(16), aligned(1), may_alias));

    // Vectors of each kind the kernels compute in lockstep (K): the
    // logarithm and the rationals are long chains of dependent operations,
    // and one chain per iteration leaves the core mostly waiting.
    static constexpr std::size_t normal_central_k = 8;
    static constexpr std::size_t normal_tail_k = 4;
    static constexpr std::size_t exponential_k = 8;
    static constexpr std::size_t normal_float_k = 4;
    static constexpr std::size_t extreme_value_k = 8;
    static constexpr std::size_t lognormal_k = 4;
    static constexpr std::size_t weibull_k = 4;
    static constexpr std::size_t cauchy_k = 4;

    CBRNG_DETAIL_OPS_REAL_AVX2 vd set(double x) noexcept { return vd{x, x, x, x}; }
    CBRNG_DETAIL_OPS_REAL_AVX2 vf set(float x) noexcept { return vf{x, x, x, x, x, x, x, x}; }
    CBRNG_DETAIL_OPS_REAL_AVX2 vq set64(std::uint64_t x) noexcept { return vq{x, x, x, x}; }
    CBRNG_DETAIL_OPS_REAL_AVX2 vw set32(std::uint32_t x) noexcept {
        return vw{x, x, x, x, x, x, x, x};
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 vq iota() noexcept { return vq{0, 1, 2, 3}; }

    /// Lane-wise a * b, never fused with a later add (the vector fp_mul):
    /// the empty asm stops the "fma" target from contracting it.
    CBRNG_DETAIL_OPS_REAL_AVX2 vd mul(vd a, vd b) noexcept {
        vd r = a * b;
        __asm__("" : "+x"(r));
        return r;
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 vf mul(vf a, vf b) noexcept {
        vf r = a * b;
        __asm__("" : "+x"(r));
        return r;
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 vd sqrt(vd a) noexcept { return __builtin_ia32_sqrtpd256(a); }
    CBRNG_DETAIL_OPS_REAL_AVX2 vf sqrt(vf a) noexcept { return __builtin_ia32_sqrtps256(a); }

    CBRNG_DETAIL_OPS_REAL_AVX2 vq bits(vd a) noexcept { return reinterpret_cast<vq>(a); }
    CBRNG_DETAIL_OPS_REAL_AVX2 vw bits(vf a) noexcept { return reinterpret_cast<vw>(a); }
    CBRNG_DETAIL_OPS_REAL_AVX2 vd from_bits(vq a) noexcept { return reinterpret_cast<vd>(a); }
    CBRNG_DETAIL_OPS_REAL_AVX2 vf from_bits(vw a) noexcept { return reinterpret_cast<vf>(a); }

    /// |x| (the sign bit cleared, exact).
    CBRNG_DETAIL_OPS_REAL_AVX2 vd abs(vd x) noexcept {
#if defined(__clang__)
        return from_bits(bits(x) & set64(0x7FFFFFFFFFFFFFFFu));
#else
        return __builtin_ia32_andnpd256(set(-0.0), x);  // vandnpd, as <immintrin.h> spells it
#endif
    }

    // Ordered, quiet compares.
    CBRNG_DETAIL_OPS_REAL_AVX2 dmask lt(vd a, vd b) noexcept {
        return a < b;
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 dmask le(vd a, vd b) noexcept {
        return a <= b;
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 dmask ge(vd a, vd b) noexcept {
        return a >= b;
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 dmask gt(vd a, vd b) noexcept {
        return a > b;
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 fmask lt(vf a, vf b) noexcept {
        return a < b;
    }
    /// Lanes of x with every bit of `bit` set.
    CBRNG_DETAIL_OPS_REAL_AVX2 dmask test(vq x, std::uint64_t bit) noexcept {
        return reinterpret_cast<dmask>((x & set64(bit)) == set64(bit));
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 dmask mand(dmask a, dmask b) noexcept {
        return a & b;
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 dmask mxor(dmask a, dmask b) noexcept {
        return a ^ b;
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 vd select(dmask m, vd t, vd f) noexcept {
        return m ? t : f;
    }
    /// -x where m, x elsewhere (a sign flip, exact).
    CBRNG_DETAIL_OPS_REAL_AVX2 vd negate_where(dmask m, vd x) noexcept {
        return from_bits(bits(x) ^ (reinterpret_cast<vq>(m) & set64(0x8000000000000000u)));
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 vf select(fmask m, vf t, vf f) noexcept {
        return m ? t : f;
    }
    /// Bit i set where lane i of m is.
    CBRNG_DETAIL_OPS_REAL_AVX2 unsigned lanes_of(dmask m) noexcept {
        return static_cast<unsigned>(__builtin_ia32_movmskpd256(reinterpret_cast<vd>(m)));
    }
    CBRNG_DETAIL_OPS_REAL_AVX2 unsigned lanes_of(fmask m) noexcept {
        return static_cast<unsigned>(__builtin_ia32_movmskps256(reinterpret_cast<vf>(m)));
    }

    /// (x >> 12) * 2^-52, exact: the 52 high bits as the fraction of 1.f, minus 1.
    CBRNG_DETAIL_OPS_REAL_AVX2 vd unit52(vq x) noexcept {
        return from_bits((x >> 12) | set64(0x3FF0000000000000u)) - set(1.0);
    }
    /// detail::unit53: (x >> 11) * 2^-53 = unit52 + bit 11 * 2^-53, exact.
    CBRNG_DETAIL_OPS_REAL_AVX2 vd unit53(vq x) noexcept {
        const vd has = reinterpret_cast<vd>(test(x, 0x800u));
#if defined(__clang__)
        return unit52(x) + from_bits(bits(has) & bits(set(0x1p-53)));
#else
        // vandpd: an integer and here (vpand) would cross into the floating-
        // point domain before the add.
        return unit52(x) + __builtin_ia32_andpd256(has, set(0x1p-53));
#endif
    }
    /// x - c as a double, exactly, for x < 2^52 and an integer 0 <= c < 2^52:
    /// (2^52 + x) - (2^52 + c), one subtraction.
    CBRNG_DETAIL_OPS_REAL_AVX2 vd int_minus(vq x, double c) noexcept {
        return from_bits(x | set64(0x4330000000000000u)) - set(0x1p52 + c);
    }
    /// x as a float, for |x| < 2^24 (exact).
    CBRNG_DETAIL_OPS_REAL_AVX2 vf cvt_i32(vw x) noexcept {
        return __builtin_convertvector(reinterpret_cast<vfi>(x), vf);
    }
    /// Truncation toward zero, one int32 per lane (cvttpd2dq).
    CBRNG_DETAIL_OPS_REAL_AVX2 vdi cvtt_i32(vd x) noexcept {
        return __builtin_convertvector(x, vdi);
    }
    // The widening conversions are builtins under g++, which splits a
    // __builtin_convertvector from 4 int32 into two halves (5% on weibull).
    CBRNG_DETAIL_OPS_REAL_AVX2 vd cvt(vdi x) noexcept {
#if defined(__clang__)
        return __builtin_convertvector(x, vd);
#else
        return __builtin_ia32_cvtdq2pd256(x);                        // vcvtdq2pd
#endif
    }
    /// Sign-extended to 64 bits.
    CBRNG_DETAIL_OPS_REAL_AVX2 vq sext(vdi x) noexcept {
#if defined(__clang__)
        return reinterpret_cast<vq>(__builtin_convertvector(x, dmask));
#else
        return reinterpret_cast<vq>(__builtin_ia32_pmovsxdq256(x));  // vpmovsxdq
#endif
    }

    // Loads and stores, any alignment: those written alike for every x86
    // layer (the words of one vector), then this layer's own.
#define CBRNG_DETAIL_OPS_REAL_FN CBRNG_DETAIL_OPS_REAL_AVX2
#include "ops_real_memory.inl"
#undef CBRNG_DETAIL_OPS_REAL_FN
    /// The 32-bit words p[0..4), zero-extended to one per double lane.
    CBRNG_DETAIL_OPS_REAL_AVX2 vq load32_wide(const std::uint32_t* p) noexcept {
        vdi r;
        __builtin_memcpy(&r, p, sizeof r);
#if defined(__clang__)
        return __builtin_convertvector(reinterpret_cast<vdw>(r), vq);
#else
        return reinterpret_cast<vq>(__builtin_ia32_pmovzxdq256(r));  // vpmovzxdq
#endif
    }
    /// The low halves of the 64-bit words p[0..8).
    CBRNG_DETAIL_OPS_REAL_AVX2 vw load32(const std::uint64_t* p) noexcept {
        vw a, b;
        __builtin_memcpy(&a, p, sizeof a);
        __builtin_memcpy(&b, p + 4, sizeof b);
        return __builtin_shufflevector(a, b, 0, 2, 4, 6, 8, 10, 12, 14);
    }
    /// Stores the lanes of x selected by m, in order, at p (writing all 4
    /// lanes' room) and returns how many there are.
    CBRNG_DETAIL_OPS_REAL_AVX2 std::size_t compress_store(std::uint64_t* p, vq x,
                                                          dmask m) noexcept {
        const unsigned sel = lanes_of(m);
        vfi perm;
        __builtin_memcpy(&perm, left_pack.index[sel], sizeof perm);
        store(p, reinterpret_cast<vq>(__builtin_ia32_permvarsi256(reinterpret_cast<vfi>(x), perm)));
        return left_pack.count[sel];
    }
};

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#undef CBRNG_DETAIL_OPS_REAL_AVX2

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_OPS_REAL_AVX2_HPP
