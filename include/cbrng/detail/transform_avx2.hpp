// cbrng/detail/transform_avx2.hpp: the AVX2 + FMA back end of the batch
// transforms (detail/transform.hpp).
//
// Every function here carries CBRNG_TARGET_AVX2 (target "avx2,fma"), so it is
// compiled into every x86-64 build whatever -march says and runs only when
// detail::active_isa() selects it. The arithmetic replays the scalar
// functions (detail/math.hpp, distributions/*.hpp) operation for operation on
// 4 double (or 8 float) lanes; every inexact product goes through mul(), whose
// empty asm barrier stops GCC from contracting it into an FMA (the "fma"
// target would otherwise let it). Integer-to-float conversions are done with
// exact bit tricks where AVX2 has no instruction. Branches of the normal
// quantile are evaluated for a vector when any of its lanes needs them and
// merged by lane masks; lanes never influence each other. Leftover elements
// (n not a multiple of the vector width) go through the scalar reference.
#ifndef CBRNG_DETAIL_TRANSFORM_AVX2_HPP
#define CBRNG_DETAIL_TRANSFORM_AVX2_HPP

#include "../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

#include "fp.hpp"
#include "math.hpp"
#include "transform_scalar.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace avx2 {

CBRNG_TARGET_AVX2 inline __m256d opaque(__m256d v) noexcept {
    __asm__("" : "+x"(v));
    return v;
}
CBRNG_TARGET_AVX2 inline __m256 opaque(__m256 v) noexcept {
    __asm__("" : "+x"(v));
    return v;
}
/// Lane-wise a * b, never fused with a later add (the vector fp_mul).
CBRNG_TARGET_AVX2 inline __m256d mul(__m256d a, __m256d b) noexcept {
    return opaque(_mm256_mul_pd(a, b));
}
CBRNG_TARGET_AVX2 inline __m256 mul(__m256 a, __m256 b) noexcept {
    return opaque(_mm256_mul_ps(a, b));
}
CBRNG_TARGET_AVX2 inline __m256d set(double x) noexcept {
    return _mm256_set1_pd(x);
}
CBRNG_TARGET_AVX2 inline __m256i set64(std::uint64_t x) noexcept {
    return _mm256_set1_epi64x(static_cast<long long>(x));
}

/// detail::horner8, lane-wise.
CBRNG_TARGET_AVX2 inline __m256d horner8(__m256d x, double c0, double c1, double c2, double c3,
                                         double c4, double c5, double c6, double c7) noexcept {
    __m256d p = _mm256_add_pd(mul(set(c7), x), set(c6));
    p = _mm256_add_pd(mul(p, x), set(c5));
    p = _mm256_add_pd(mul(p, x), set(c4));
    p = _mm256_add_pd(mul(p, x), set(c3));
    p = _mm256_add_pd(mul(p, x), set(c2));
    p = _mm256_add_pd(mul(p, x), set(c1));
    return _mm256_add_pd(mul(p, x), set(c0));
}

/// detail::log for positive normal finite lanes (the only inputs the
/// distributions produce).
CBRNG_TARGET_AVX2 inline __m256d log_normal(__m256d x) noexcept {
    using c = log_constants;
    const __m256i u =
        _mm256_add_epi64(_mm256_castpd_si256(x), set64(c::one_bits - c::sqrt_half_bits));
    // k = (u >> 52) - 1023 as an exact double: (2^52 + e) - (2^52 + 1023).
    const __m256i e = _mm256_srli_epi64(u, 52);
    const __m256d dk = _mm256_sub_pd(
        _mm256_castsi256_pd(_mm256_or_si256(e, set64(0x4330000000000000u))), set(0x1p52 + 1023.0));
    const __m256d m = _mm256_castsi256_pd(
        _mm256_add_epi64(_mm256_and_si256(u, set64(c::mantissa_mask)), set64(c::sqrt_half_bits)));
    const __m256d f = _mm256_sub_pd(m, set(1.0));
    const __m256d hfsq = mul(mul(f, f), set(0.5));
    const __m256d s = _mm256_div_pd(f, _mm256_add_pd(set(2.0), f));
    const __m256d z = mul(s, s);
    const __m256d w = mul(z, z);
    const __m256d t1 =
        mul(w, _mm256_add_pd(set(c::lg2), mul(w, _mm256_add_pd(set(c::lg4), mul(w, set(c::lg6))))));
    const __m256d t2 =
        mul(z, _mm256_add_pd(
                   set(c::lg1),
                   mul(w, _mm256_add_pd(set(c::lg3),
                                        mul(w, _mm256_add_pd(set(c::lg5), mul(w, set(c::lg7))))))));
    const __m256d r = _mm256_add_pd(t2, t1);
    const __m256d inner = _mm256_add_pd(mul(s, _mm256_add_pd(hfsq, r)), mul(dk, set(c::ln2_lo)));
    return _mm256_sub_pd(mul(dk, set(c::ln2_hi)), _mm256_sub_pd(_mm256_sub_pd(hfsq, inner), f));
}

/// detail::normal_quantile, lane-wise.
CBRNG_TARGET_AVX2 inline __m256d normal_quantile(__m256d p) noexcept {
    using c = ppnd16_constants;
    const __m256d sign = set(-0.0);
    const __m256d zero = _mm256_setzero_pd();
    const __m256d q = _mm256_sub_pd(p, set(0.5));
    const __m256d central = _mm256_cmp_pd(_mm256_andnot_pd(sign, q), set(c::split1), _CMP_LE_OQ);
    const int central_lanes = _mm256_movemask_pd(central);
    __m256d z = zero;
    if (central_lanes != 0) {
        const __m256d r = _mm256_sub_pd(set(c::const1), mul(q, q));
        const __m256d num = horner8(r, c::a0, c::a1, c::a2, c::a3, c::a4, c::a5, c::a6, c::a7);
        const __m256d den = horner8(r, 1.0, c::b1, c::b2, c::b3, c::b4, c::b5, c::b6, c::b7);
        z = _mm256_div_pd(mul(q, num), den);
    }
    if (central_lanes != 0xf) {
        const __m256d neg = _mm256_cmp_pd(q, zero, _CMP_LT_OQ);
        __m256d r = _mm256_blendv_pd(_mm256_sub_pd(set(1.0), p), p, neg);
        r = _mm256_sqrt_pd(_mm256_sub_pd(zero, log_normal(r)));
        const __m256d near = _mm256_cmp_pd(r, set(c::split2), _CMP_LE_OQ);
        const int tail_lanes = ~central_lanes & 0xf;
        const int near_lanes = _mm256_movemask_pd(near) & tail_lanes;
        __m256d zt = zero;
        if (near_lanes != 0) {
            const __m256d t = _mm256_sub_pd(r, set(c::const2));
            zt = _mm256_div_pd(horner8(t, c::c0, c::c1, c::c2, c::c3, c::c4, c::c5, c::c6, c::c7),
                               horner8(t, 1.0, c::d1, c::d2, c::d3, c::d4, c::d5, c::d6, c::d7));
        }
        if (near_lanes != tail_lanes) {
            const __m256d t = _mm256_sub_pd(r, set(c::split2));
            const __m256d zf =
                _mm256_div_pd(horner8(t, c::e0, c::e1, c::e2, c::e3, c::e4, c::e5, c::e6, c::e7),
                              horner8(t, 1.0, c::f1, c::f2, c::f3, c::f4, c::f5, c::f6, c::f7));
            zt = _mm256_blendv_pd(zf, zt, near);
        }
        zt = _mm256_xor_pd(zt, _mm256_and_pd(neg, sign));
        z = _mm256_blendv_pd(zt, z, central);
    }
    return z;
}

/// (x >> 12) * 2^-52, exact: the 52 high bits as the fraction of 1.f, minus 1.
CBRNG_TARGET_AVX2 inline __m256d unit52(__m256i x) noexcept {
    const __m256i one = set64(log_constants::one_bits);
    return _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(x, 12), one)),
                         set(1.0));
}
/// detail::unit53: (x >> 11) * 2^-53 = unit52 + bit 11 * 2^-53, exact.
CBRNG_TARGET_AVX2 inline __m256d unit53(__m256i x) noexcept {
    const __m256i bit = set64(0x800u);
    const __m256i has = _mm256_cmpeq_epi64(_mm256_and_si256(x, bit), bit);
    return _mm256_add_pd(unit52(x), _mm256_and_pd(_mm256_castsi256_pd(has), set(0x1p-53)));
}
/// 4 unsigned 32-bit integers as exact doubles.
CBRNG_TARGET_AVX2 inline __m256d u32_to_pd(__m128i w) noexcept {
    const __m128i flip = _mm_set1_epi32(static_cast<int>(0x80000000u));
    return _mm256_add_pd(_mm256_cvtepi32_pd(_mm_xor_si128(w, flip)), set(2147483648.0));
}

/// 4 variates' worth of 64 bits: 4 words, or 8 32-bit words (low word first,
/// which on little-endian x86 is one 64-bit load).
CBRNG_TARGET_AVX2 inline __m256i load_bits64(const std::uint64_t* words, std::size_t i) noexcept {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(words + i));
}
CBRNG_TARGET_AVX2 inline __m256i load_bits64(const std::uint32_t* words, std::size_t i) noexcept {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(words + 2 * i));
}
/// 4 variates' worth of 32 bits: 4 words, or the low halves of 4 64-bit words.
CBRNG_TARGET_AVX2 inline __m128i load_bits32x4(const std::uint32_t* words, std::size_t i) noexcept {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(words + i));
}
CBRNG_TARGET_AVX2 inline __m128i load_bits32x4(const std::uint64_t* words, std::size_t i) noexcept {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(words + i));
    const __m256i idx = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
    return _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(v, idx));
}
/// 8 variates' worth of 32 bits.
CBRNG_TARGET_AVX2 inline __m256i load_bits32x8(const std::uint32_t* words, std::size_t i) noexcept {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(words + i));
}
CBRNG_TARGET_AVX2 inline __m256i load_bits32x8(const std::uint64_t* words, std::size_t i) noexcept {
    return _mm256_inserti128_si256(_mm256_castsi128_si256(load_bits32x4(words, i)),
                                   load_bits32x4(words, i + 4), 1);
}

template <class Word>
CBRNG_TARGET_AVX2 void uniform_double(const Word* words, double* out, std::size_t n,
                                      const uniform_real_param<double>& p) noexcept {
    const double a = p.a();
    const double b = p.b();
    const double span = b - a;
    std::size_t i = 0;
    if (is_finite(span)) {  // else: the rare halved formula, left to the scalar path
        const double alt = a < b ? next_below(b) : a;
        const __m256d va = set(a), vb = set(b), vspan = set(span), valt = set(alt);
        for (; i + 4 <= n; i += 4) {
            const __m256d r = _mm256_add_pd(va, mul(vspan, unit53(load_bits64(words, i))));
            const __m256d below = _mm256_cmp_pd(r, vb, _CMP_LT_OQ);
            _mm256_storeu_pd(out + i, _mm256_blendv_pd(valt, r, below));
        }
    }
    transform_scalar(words + i * batch_words_per_variate<double, Word>, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX2 void uniform_float(const Word* words, float* out, std::size_t n,
                                     const uniform_real_param<float>& p) noexcept {
    const float a = p.a();
    const float b = p.b();
    const float span = b - a;
    std::size_t i = 0;
    if (is_finite(span)) {
        const float alt = a < b ? next_below(b) : a;
        const __m256 va = _mm256_set1_ps(a), vb = _mm256_set1_ps(b), vspan = _mm256_set1_ps(span),
                     valt = _mm256_set1_ps(alt);
        const __m256 scale = _mm256_set1_ps(0x1p-24f);
        for (; i + 8 <= n; i += 8) {
            const __m256i w = _mm256_srli_epi32(load_bits32x8(words, i), 8);
            const __m256 u = _mm256_mul_ps(_mm256_cvtepi32_ps(w), scale);  // exact
            const __m256 r = _mm256_add_ps(va, mul(vspan, u));
            const __m256 below = _mm256_cmp_ps(r, vb, _CMP_LT_OQ);
            _mm256_storeu_ps(out + i, _mm256_blendv_ps(valt, r, below));
        }
    }
    transform_scalar(words + i, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX2 void normal_double(const Word* words, double* out, std::size_t n,
                                     const normal_param<double>& p) noexcept {
    const __m256d mean = set(p.mean()), stddev = set(p.stddev());
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d u = _mm256_add_pd(unit52(load_bits64(words, i)), set(0x1p-53));  // exact
        _mm256_storeu_pd(out + i, _mm256_add_pd(mean, mul(stddev, normal_quantile(u))));
    }
    transform_scalar(words + i * batch_words_per_variate<double, Word>, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX2 void normal_float(const Word* words, float* out, std::size_t n,
                                    const normal_param<float>& p) noexcept {
    const __m256d mean = set(static_cast<double>(p.mean()));
    const __m256d stddev = set(static_cast<double>(p.stddev()));
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d d = u32_to_pd(load_bits32x4(words, i));
        const __m256d u = _mm256_add_pd(_mm256_mul_pd(d, set(0x1p-32)), set(0x1p-33));  // exact
        const __m256d r = _mm256_add_pd(mean, mul(stddev, normal_quantile(u)));
        _mm_storeu_ps(out + i, _mm256_cvtpd_ps(r));
    }
    transform_scalar(words + i, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX2 void exponential_double(const Word* words, double* out, std::size_t n,
                                          const exponential_param<double>& p) noexcept {
    const __m256d lambda = set(p.lambda());
    const __m256d zero = _mm256_setzero_pd();
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d u = _mm256_add_pd(unit53(load_bits64(words, i)), set(0x1p-53));  // exact
        _mm256_storeu_pd(out + i, _mm256_div_pd(_mm256_sub_pd(zero, log_normal(u)), lambda));
    }
    transform_scalar(words + i * batch_words_per_variate<double, Word>, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX2 void exponential_float(const Word* words, float* out, std::size_t n,
                                         const exponential_param<float>& p) noexcept {
    const __m256d lambda = set(static_cast<double>(p.lambda()));
    const __m256d zero = _mm256_setzero_pd();
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d d = u32_to_pd(load_bits32x4(words, i));
        const __m256d u = _mm256_add_pd(_mm256_mul_pd(d, set(0x1p-32)), set(0x1p-32));  // exact
        const __m256d r = _mm256_div_pd(_mm256_sub_pd(zero, log_normal(u)), lambda);
        _mm_storeu_ps(out + i, _mm256_cvtpd_ps(r));
    }
    transform_scalar(words + i, out + i, n - i, p);
}

}  // namespace avx2

/// AVX2 batch transforms (see detail::transform for the contract). Callers
/// must have checked that the CPU supports isa::avx2.
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, double* out, std::size_t n,
                                      const uniform_real_param<double>& p) noexcept {
    avx2::uniform_double(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const uniform_real_param<float>& p) noexcept {
    avx2::uniform_float(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, double* out, std::size_t n,
                                      const normal_param<double>& p) noexcept {
    avx2::normal_double(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const normal_param<float>& p) noexcept {
    avx2::normal_float(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, double* out, std::size_t n,
                                      const exponential_param<double>& p) noexcept {
    avx2::exponential_double(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const exponential_param<float>& p) noexcept {
    avx2::exponential_float(words, out, n, p);
}

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_TRANSFORM_AVX2_HPP
