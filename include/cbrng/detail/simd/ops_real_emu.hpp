// cbrng/detail/simd/ops_real_emu.hpp: the vector layer of the batch
// transforms (kernels/transform.inl) in portable GCC/clang vector
// extensions, L = 2 double lanes (and 4 float lanes) per vector, for any CPU.
//
// The contract every layer meets, lane by lane (ops_real_avx2.hpp and
// ops_real_avx512.hpp meet it with the ISA's instructions):
//  - vd / vf: double / float vectors with the usual operators (+ - /, and *
//    where the product is exact); mul(a, b) is the product the compiler may
//    not contract into an FMA; sqrt; set(double) / set(float) broadcast.
//  - vq / vw: uint64 / uint32 vectors of the same size; bits / from_bits
//    reinterpret; set64, set32, iota.
//  - dmask / fmask: what lt, le, ge, gt (ordered, quiet) and test return;
//    mand and mxor combine them, select(m, t, f) picks t where m,
//    negate_where(m, x) flips the sign where m, lanes_of(m) has bit i set
//    where lane i is.
//  - unit53(x) = (x >> 11) * 2^-53, int_minus(x, c) = x - c for x < 2^52, cvt_i32(x)
//    = (float)(int32)x for |x| < 2^24, all exact; cvtt_i32 truncates to one
//    int32 per double lane (vdi), cvt and sext widen it back.
//  - load64 / load32 / load32_wide / load / store (any alignment) and
//    compress_store(p, x, m): the lanes of x selected by m, in order, at p
//    (room for dlanes written), returning how many.
//  - the K of each kernel: how many vectors it computes in lockstep.
// Only the tests instantiate this layer (simd_transforms_emulated_test,
// simd_kernels_odr_test): the kernels run here on any CPU, at a lane count
// and lockstep counts of their own.
#ifndef CBRNG_DETAIL_SIMD_OPS_REAL_EMU_HPP
#define CBRNG_DETAIL_SIMD_OPS_REAL_EMU_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../../config.hpp"

#if defined(__GNUC__) || defined(__clang__)
#define CBRNG_HAS_REAL_EMU 1
#else
#define CBRNG_HAS_REAL_EMU 0
#endif

#if CBRNG_HAS_REAL_EMU

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace simd {

/// The vector type of N bytes of T (a specialisation per size: g++ ignores
/// vector_size on a typedef whose size depends on a template parameter).
template <class T, std::size_t N>
struct emu_vector;
#define CBRNG_DETAIL_EMU_VECTOR(T, N)                   \
    template <>                                         \
    struct emu_vector<T, N> {                           \
        typedef T type __attribute__((vector_size(N))); \
    };
#define CBRNG_DETAIL_EMU_VECTORS(T) \
    CBRNG_DETAIL_EMU_VECTOR(T, 8)   \
    CBRNG_DETAIL_EMU_VECTOR(T, 16)  \
    CBRNG_DETAIL_EMU_VECTOR(T, 32)
CBRNG_DETAIL_EMU_VECTORS(double)
CBRNG_DETAIL_EMU_VECTORS(float)
CBRNG_DETAIL_EMU_VECTORS(std::uint64_t)
CBRNG_DETAIL_EMU_VECTORS(long long)
CBRNG_DETAIL_EMU_VECTORS(std::uint32_t)
CBRNG_DETAIL_EMU_VECTORS(std::int32_t)
#undef CBRNG_DETAIL_EMU_VECTORS
#undef CBRNG_DETAIL_EMU_VECTOR

template <std::size_t L>
struct ops_real_emu {
    // 16-byte vectors, the baseline of every x86-64 and AArch64 CPU: wider
    // ones would change the ABI of code built without AVX (g++ -Wpsabi).
    static_assert(L == 2, "ops_real_emu: 2 double lanes");
    static constexpr std::size_t dlanes = L;
    static constexpr std::size_t flanes = 2 * L;
    typedef typename emu_vector<double, 8 * L>::type vd;
    typedef typename emu_vector<std::uint64_t, 8 * L>::type vq;
    typedef typename emu_vector<long long, 8 * L>::type dmask;
    typedef typename emu_vector<float, 8 * L>::type vf;
    typedef typename emu_vector<std::uint32_t, 8 * L>::type vw;
    typedef typename emu_vector<std::int32_t, 8 * L>::type vfi;
    typedef typename emu_vector<std::int32_t, 8 * L>::type fmask;
    typedef typename emu_vector<std::int32_t, 4 * L>::type vdi;
    typedef typename emu_vector<float, 4 * L>::type vdf;
    typedef typename emu_vector<std::uint32_t, 4 * L>::type vdw;

    // Small K, so that the tests reach the lockstep groups and the one-vector
    // remainders at short lengths.
    static constexpr std::size_t normal_central_k = 3;
    static constexpr std::size_t normal_tail_k = 2;
    static constexpr std::size_t exponential_k = 2;
    static constexpr std::size_t normal_float_k = 2;
    static constexpr std::size_t extreme_value_k = 2;
    static constexpr std::size_t lognormal_k = 2;
    static constexpr std::size_t weibull_k = 2;
    static constexpr std::size_t cauchy_k = 3;

    template <class V, class S>
    CBRNG_FORCEINLINE static V splat(S x) noexcept {
        V r{};
        for (std::size_t i = 0; i < sizeof(V) / sizeof(S); ++i) r[i] = x;
        return r;
    }
    CBRNG_FORCEINLINE static vd set(double x) noexcept { return splat<vd>(x); }
    CBRNG_FORCEINLINE static vf set(float x) noexcept { return splat<vf>(x); }
    CBRNG_FORCEINLINE static vq set64(std::uint64_t x) noexcept { return splat<vq>(x); }
    CBRNG_FORCEINLINE static vw set32(std::uint32_t x) noexcept { return splat<vw>(x); }
    CBRNG_FORCEINLINE static vq iota() noexcept {
        vq r{};
        for (std::size_t i = 0; i < L; ++i) r[i] = i;
        return r;
    }

    template <class V>
    CBRNG_FORCEINLINE static V opaque(V v) noexcept {
#if CBRNG_ARCH_X86_64
        __asm__("" : "+x"(v));
#elif CBRNG_ARCH_AARCH64
        __asm__("" : "+w"(v));
#else
        __asm__("" : "+m"(v));
#endif
        return v;
    }
    /// Lane-wise a * b, never fused with a later add (the vector fp_mul).
    CBRNG_FORCEINLINE static vd mul(vd a, vd b) noexcept {
        return opaque(a * b);
    }
    CBRNG_FORCEINLINE static vf mul(vf a, vf b) noexcept {
        return opaque(a * b);
    }
    CBRNG_FORCEINLINE static vd sqrt(vd a) noexcept {
        for (std::size_t i = 0; i < L; ++i) a[i] = __builtin_sqrt(a[i]);
        return a;
    }
    CBRNG_FORCEINLINE static vf sqrt(vf a) noexcept {
        for (std::size_t i = 0; i < 2 * L; ++i) a[i] = __builtin_sqrtf(a[i]);
        return a;
    }

    CBRNG_FORCEINLINE static vq bits(vd a) noexcept {
        return reinterpret_cast<vq>(a);
    }
    CBRNG_FORCEINLINE static vw bits(vf a) noexcept {
        return reinterpret_cast<vw>(a);
    }
    CBRNG_FORCEINLINE static vd from_bits(vq a) noexcept {
        return reinterpret_cast<vd>(a);
    }
    CBRNG_FORCEINLINE static vf from_bits(vw a) noexcept {
        return reinterpret_cast<vf>(a);
    }

    CBRNG_FORCEINLINE static vd abs(vd x) noexcept {
        return from_bits(bits(x) & set64(0x7FFFFFFFFFFFFFFFu));
    }
    CBRNG_FORCEINLINE static dmask lt(vd a, vd b) noexcept {
        return a < b;
    }
    CBRNG_FORCEINLINE static dmask le(vd a, vd b) noexcept {
        return a <= b;
    }
    CBRNG_FORCEINLINE static dmask ge(vd a, vd b) noexcept {
        return a >= b;
    }
    CBRNG_FORCEINLINE static dmask gt(vd a, vd b) noexcept {
        return a > b;
    }
    CBRNG_FORCEINLINE static fmask lt(vf a, vf b) noexcept {
        return a < b;
    }
    CBRNG_FORCEINLINE static dmask test(vq x, std::uint64_t bit) noexcept {
        return reinterpret_cast<dmask>((x & set64(bit)) == set64(bit));
    }
    CBRNG_FORCEINLINE static dmask mand(dmask a, dmask b) noexcept {
        return a & b;
    }
    CBRNG_FORCEINLINE static dmask mxor(dmask a, dmask b) noexcept {
        return a ^ b;
    }
    CBRNG_FORCEINLINE static vd negate_where(dmask m, vd x) noexcept {
        return from_bits(bits(x) ^ (reinterpret_cast<vq>(m) & set64(0x8000000000000000u)));
    }
    CBRNG_FORCEINLINE static vd select(dmask m, vd t, vd f) noexcept {
        for (std::size_t i = 0; i < L; ++i) t[i] = m[i] != 0 ? t[i] : f[i];
        return t;
    }
    CBRNG_FORCEINLINE static vf select(fmask m, vf t, vf f) noexcept {
        for (std::size_t i = 0; i < 2 * L; ++i) t[i] = m[i] != 0 ? t[i] : f[i];
        return t;
    }
    CBRNG_FORCEINLINE static unsigned lanes_of(dmask m) noexcept {
        unsigned r = 0;
        for (std::size_t i = 0; i < L; ++i) r |= (m[i] != 0 ? 1u : 0u) << i;
        return r;
    }
    CBRNG_FORCEINLINE static unsigned lanes_of(fmask m) noexcept {
        unsigned r = 0;
        for (std::size_t i = 0; i < 2 * L; ++i) r |= (m[i] != 0 ? 1u : 0u) << i;
        return r;
    }

    CBRNG_FORCEINLINE static vd unit53(vq x) noexcept {
        return __builtin_convertvector(x >> 11, vd) * set(0x1p-53);
    }
    CBRNG_FORCEINLINE static vd int_minus(vq x, double c) noexcept {
        return __builtin_convertvector(x, vd) - set(c);
    }
    CBRNG_FORCEINLINE static vf cvt_i32(vw x) noexcept {
        return __builtin_convertvector(reinterpret_cast<vfi>(x), vf);
    }
    CBRNG_FORCEINLINE static vdi cvtt_i32(vd x) noexcept {
        return __builtin_convertvector(x, vdi);
    }
    CBRNG_FORCEINLINE static vd cvt(vdi x) noexcept {
        return __builtin_convertvector(x, vd);
    }
    CBRNG_FORCEINLINE static vq sext(vdi x) noexcept {
        return reinterpret_cast<vq>(__builtin_convertvector(x, dmask));
    }

    CBRNG_FORCEINLINE static vd load(const double* p) noexcept {
        vd r;
        std::memcpy(&r, p, sizeof r);
        return r;
    }
    CBRNG_FORCEINLINE static vq load64(const std::uint64_t* p) noexcept {
        vq r;
        std::memcpy(&r, p, sizeof r);
        return r;
    }
    /// 32-bit words p[0 .. 2L) paired low word first.
    CBRNG_FORCEINLINE static vq load64(const std::uint32_t* p) noexcept {
        vq r{};
        for (std::size_t i = 0; i < L; ++i) {
            r[i] = p[2 * i] | (std::uint64_t{p[2 * i + 1]} << 32);
        }
        return r;
    }
    CBRNG_FORCEINLINE static vq load32_wide(const std::uint32_t* p) noexcept {
        vq r{};
        for (std::size_t i = 0; i < L; ++i) r[i] = p[i];
        return r;
    }
    CBRNG_FORCEINLINE static vw load32(const std::uint32_t* p) noexcept {
        vw r;
        std::memcpy(&r, p, sizeof r);
        return r;
    }
    CBRNG_FORCEINLINE static vw load32(const std::uint64_t* p) noexcept {
        vw r{};
        for (std::size_t i = 0; i < 2 * L; ++i) r[i] = static_cast<std::uint32_t>(p[i]);
        return r;
    }
    CBRNG_FORCEINLINE static void store(double* p, vd a) noexcept {
        std::memcpy(p, &a, sizeof a);
    }
    CBRNG_FORCEINLINE static void store(float* p, vd a) noexcept {
        for (std::size_t i = 0; i < L; ++i) p[i] = static_cast<float>(a[i]);
    }
    CBRNG_FORCEINLINE static void store(float* p, vf a) noexcept {
        std::memcpy(p, &a, sizeof a);
    }
    CBRNG_FORCEINLINE static void store(std::uint64_t* p, vq a) noexcept {
        std::memcpy(p, &a, sizeof a);
    }
    CBRNG_FORCEINLINE static std::size_t compress_store(std::uint64_t* p, vq x, dmask m) noexcept {
        std::uint64_t t[L] = {};
        std::size_t n = 0;
        for (std::size_t i = 0; i < L; ++i) {
            if (m[i] != 0) t[n++] = x[i];
        }
        std::memcpy(p, t, sizeof t);
        return n;
    }
};

}  // namespace simd
}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_HAS_REAL_EMU

#endif  // CBRNG_DETAIL_SIMD_OPS_REAL_EMU_HPP
