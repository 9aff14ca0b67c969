// cbrng/detail/simd/ops_real_avx512.hpp: the vector layer of the batch
// transforms (kernels/transform.inl) on AVX-512 (F, DQ, BW, VL): 8 double
// lanes, 16 float lanes per 512-bit register (the contract of
// ops_real_emu.hpp).
//
// Written with GCC/clang vector extensions, not <immintrin.h> (see
// ops_real_avx2.hpp). Masks are the lane bits of a k register (__mmask8 /
// __mmask16), as the compare builtins return them, so blends are masked
// moves and the left-packing of the normal's tail lanes is one compress.
// AVX-512DQ converts 64-bit integers to double exactly (vcvtuqq2pd). The
// builtins whose spelling differs between g++ and clang++ (blend, square
// root) are chosen by compiler. Every function carries CBRNG_TARGET_AVX512
// and is forced inline; nothing here runs unless detail/cpu.hpp's avx512
// tier was detected.
#ifndef CBRNG_DETAIL_SIMD_OPS_REAL_AVX512_HPP
#define CBRNG_DETAIL_SIMD_OPS_REAL_AVX512_HPP

#include "../../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <cstddef>
#include <cstdint>

#define CBRNG_DETAIL_OPS_REAL_AVX512 \
    CBRNG_TARGET_AVX512 __attribute__((always_inline)) static inline

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

struct ops_real_avx512 {
    static constexpr std::size_t dlanes = 8;
    static constexpr std::size_t flanes = 16;
    typedef double vd __attribute__((vector_size(64)));
    typedef std::uint64_t vq __attribute__((vector_size(64)));
    typedef long long v8i64 __attribute__((vector_size(64)));
    typedef unsigned char dmask;  // __mmask8
    typedef float vf __attribute__((vector_size(64)));
    typedef std::uint32_t vw __attribute__((vector_size(64)));
    typedef std::int32_t vfi __attribute__((vector_size(64)));
    typedef unsigned short fmask;                               // __mmask16
    typedef std::int32_t vdi __attribute__((vector_size(32)));  // one int32 per double lane
    typedef float vdf __attribute__((vector_size(32)));         // one float per double lane
    typedef std::uint32_t vdw __attribute__((vector_size(32)));
    // Unaligned, aliasing views for the real loads and stores under g++, so
    // that it keeps them in the floating-point domain (vmovupd, not vmovdqu);
    // clang++ picks the domain from a memcpy itself.
    typedef double vd_u __attribute__((vector_size(64), aligned(1), may_alias));
    typedef float vf_u __attribute__((vector_size(64), aligned(1), may_alias));
    typedef float vdf_u __attribute__((vector_size(32), aligned(1), may_alias));
    static constexpr dmask all_d = static_cast<dmask>(-1);
    static constexpr fmask all_f = static_cast<fmask>(-1);

    // Vectors of each kind the kernels compute in lockstep (K): as many lanes
    // in flight as the AVX2 layer's, not tuned on an AVX-512 machine.
    static constexpr std::size_t normal_central_k = 4;
    static constexpr std::size_t normal_tail_k = 2;
    static constexpr std::size_t exponential_k = 4;
    static constexpr std::size_t normal_float_k = 2;
    static constexpr std::size_t extreme_value_k = 4;
    static constexpr std::size_t lognormal_k = 2;
    static constexpr std::size_t weibull_k = 2;
    static constexpr std::size_t cauchy_k = 2;

    CBRNG_DETAIL_OPS_REAL_AVX512 vd set(double x) noexcept { return vd{x, x, x, x, x, x, x, x}; }
    CBRNG_DETAIL_OPS_REAL_AVX512 vf set(float x) noexcept {
        return vf{x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x};
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vq set64(std::uint64_t x) noexcept {
        return vq{x, x, x, x, x, x, x, x};
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vw set32(std::uint32_t x) noexcept {
        return vw{x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x};
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vq iota() noexcept { return vq{0, 1, 2, 3, 4, 5, 6, 7}; }

    /// Lane-wise a * b, never fused with a later add (the vector fp_mul).
    CBRNG_DETAIL_OPS_REAL_AVX512 vd mul(vd a, vd b) noexcept {
        vd r = a * b;
        __asm__("" : "+v"(r));
        return r;
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vf mul(vf a, vf b) noexcept {
        vf r = a * b;
        __asm__("" : "+v"(r));
        return r;
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vd sqrt(vd a) noexcept {
#if defined(__clang__)
        return __builtin_ia32_sqrtpd512(a, 4);  // 4: the current rounding mode
#else
        return __builtin_ia32_sqrtpd512_mask(a, a, static_cast<char>(-1), 4);
#endif
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vf sqrt(vf a) noexcept {
#if defined(__clang__)
        return __builtin_ia32_sqrtps512(a, 4);
#else
        return __builtin_ia32_sqrtps512_mask(a, a, static_cast<short>(-1), 4);
#endif
    }

    CBRNG_DETAIL_OPS_REAL_AVX512 vq bits(vd a) noexcept {
        return reinterpret_cast<vq>(a);
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vw bits(vf a) noexcept {
        return reinterpret_cast<vw>(a);
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vd from_bits(vq a) noexcept {
        return reinterpret_cast<vd>(a);
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vf from_bits(vw a) noexcept {
        return reinterpret_cast<vf>(a);
    }

    /// |x| (the sign bit cleared, exact).
    CBRNG_DETAIL_OPS_REAL_AVX512 vd abs(vd x) noexcept {
#if defined(__clang__)
        return from_bits(bits(x) & set64(0x7FFFFFFFFFFFFFFFu));
#else
        return __builtin_ia32_andnpd512_mask(set(-0.0), x, x, all_d);  // vandnpd
#endif
    }

    // Ordered, quiet compares (the _CMP_*_OQ predicates).
    CBRNG_DETAIL_OPS_REAL_AVX512 dmask lt(vd a, vd b) noexcept {
        return static_cast<dmask>(__builtin_ia32_cmppd512_mask(a, b, 0x11, all_d, 4));
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 dmask le(vd a, vd b) noexcept {
        return static_cast<dmask>(__builtin_ia32_cmppd512_mask(a, b, 0x12, all_d, 4));
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 dmask ge(vd a, vd b) noexcept {
        return static_cast<dmask>(__builtin_ia32_cmppd512_mask(a, b, 0x1D, all_d, 4));
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 dmask gt(vd a, vd b) noexcept {
        return static_cast<dmask>(__builtin_ia32_cmppd512_mask(a, b, 0x1E, all_d, 4));
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 fmask lt(vf a, vf b) noexcept {
        return static_cast<fmask>(__builtin_ia32_cmpps512_mask(a, b, 0x11, all_f, 4));
    }
    /// Lanes of x with every bit of `bit` set.
    CBRNG_DETAIL_OPS_REAL_AVX512 dmask test(vq x, std::uint64_t bit) noexcept {
        return static_cast<dmask>(__builtin_ia32_cmpq512_mask(
            reinterpret_cast<v8i64>(x & set64(bit)), reinterpret_cast<v8i64>(set64(bit)), 0,
            all_d));  // 0: equal
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 dmask mand(dmask a, dmask b) noexcept {
        return static_cast<dmask>(a & b);
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 dmask mxor(dmask a, dmask b) noexcept {
        return static_cast<dmask>(a ^ b);
    }
    /// -x where m, x elsewhere (a sign flip, exact).
    CBRNG_DETAIL_OPS_REAL_AVX512 vd negate_where(dmask m, vd x) noexcept {
        return select(m, from_bits(bits(x) ^ set64(0x8000000000000000u)), x);
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vd select(dmask m, vd t, vd f) noexcept {
#if defined(__clang__)
        return __builtin_ia32_selectpd_512(m, t, f);
#else
        return __builtin_ia32_blendmpd_512_mask(f, t, m);
#endif
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 vf select(fmask m, vf t, vf f) noexcept {
#if defined(__clang__)
        return __builtin_ia32_selectps_512(m, t, f);
#else
        return __builtin_ia32_blendmps_512_mask(f, t, m);
#endif
    }
    /// Bit i set where lane i of m is.
    CBRNG_DETAIL_OPS_REAL_AVX512 unsigned lanes_of(dmask m) noexcept {
        return m;
    }
    CBRNG_DETAIL_OPS_REAL_AVX512 unsigned lanes_of(fmask m) noexcept {
        return m;
    }

    /// detail::unit53: (x >> 11) * 2^-53, exact.
    CBRNG_DETAIL_OPS_REAL_AVX512 vd unit53(vq x) noexcept {
        return __builtin_convertvector(x >> 11, vd) * set(0x1p-53);
    }
    /// x - c as a double, exactly, for x < 2^52 and an integer 0 <= c < 2^52.
    CBRNG_DETAIL_OPS_REAL_AVX512 vd int_minus(vq x, double c) noexcept {
        return __builtin_convertvector(reinterpret_cast<v8i64>(x), vd) - set(c);
    }
    /// x as a float, for |x| < 2^24 (exact).
    CBRNG_DETAIL_OPS_REAL_AVX512 vf cvt_i32(vw x) noexcept {
        return __builtin_convertvector(reinterpret_cast<vfi>(x), vf);
    }
    /// Truncation toward zero, one int32 per lane (vcvttpd2dq).
    CBRNG_DETAIL_OPS_REAL_AVX512 vdi cvtt_i32(vd x) noexcept {
        return __builtin_convertvector(x, vdi);
    }
    // The widening conversions are builtins under g++, which splits a
    // __builtin_convertvector from 8 int32 into two halves (5% on weibull).
    CBRNG_DETAIL_OPS_REAL_AVX512 vd cvt(vdi x) noexcept {
#if defined(__clang__)
        return __builtin_convertvector(x, vd);
#else
        return __builtin_ia32_cvtdq2pd512_mask(x, vd{}, all_d);  // vcvtdq2pd
#endif
    }
    /// Sign-extended to 64 bits.
    CBRNG_DETAIL_OPS_REAL_AVX512 vq sext(vdi x) noexcept {
#if defined(__clang__)
        return reinterpret_cast<vq>(__builtin_convertvector(x, v8i64));
#else
        return reinterpret_cast<vq>(__builtin_ia32_pmovsxdq512_mask(x, v8i64{}, all_d));
#endif
    }

    // Loads and stores, any alignment: those written alike for every x86
    // layer (the words of one vector), then this layer's own.
#define CBRNG_DETAIL_OPS_REAL_FN CBRNG_DETAIL_OPS_REAL_AVX512
#include "ops_real_memory.inl"
#undef CBRNG_DETAIL_OPS_REAL_FN
    /// The 32-bit words p[0..8), zero-extended to one per double lane.
    CBRNG_DETAIL_OPS_REAL_AVX512 vq load32_wide(const std::uint32_t* p) noexcept {
        vdi r;
        __builtin_memcpy(&r, p, sizeof r);
#if defined(__clang__)
        return __builtin_convertvector(reinterpret_cast<vdw>(r), vq);
#else
        return reinterpret_cast<vq>(__builtin_ia32_pmovzxdq512_mask(r, v8i64{}, all_d));
#endif
    }
    /// The low halves of the 64-bit words p[0..16).
    CBRNG_DETAIL_OPS_REAL_AVX512 vw load32(const std::uint64_t* p) noexcept {
        vq a, b;
        __builtin_memcpy(&a, p, sizeof a);
        __builtin_memcpy(&b, p + 8, sizeof b);
        const vdw lo = __builtin_convertvector(a, vdw);  // vpmovqd
        const vdw hi = __builtin_convertvector(b, vdw);
        return __builtin_shufflevector(lo, hi, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                                       15);
    }
    /// Stores the lanes of x selected by m, in order, at p (writing all 8
    /// lanes' room) and returns how many there are.
    CBRNG_DETAIL_OPS_REAL_AVX512 std::size_t compress_store(std::uint64_t* p, vq x,
                                                            dmask m) noexcept {
        store(p, reinterpret_cast<vq>(
                     __builtin_ia32_compressdi512_mask(reinterpret_cast<v8i64>(x), v8i64{}, m)));
        unsigned c = m;  // popcount without the popcnt target
        c = c - ((c >> 1) & 0x55u);
        c = (c & 0x33u) + ((c >> 2) & 0x33u);
        return (c + (c >> 4)) & 0x0Fu;
    }
};

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#undef CBRNG_DETAIL_OPS_REAL_AVX512

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_SIMD_OPS_REAL_AVX512_HPP
