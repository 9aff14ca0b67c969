// cbrng/detail/transform_avx512.hpp: the AVX-512 back end of the batch
// transforms (detail/transform.hpp).
//
// Every function here carries CBRNG_TARGET_AVX512 (AVX-512 F, DQ, BW, VL), so
// it is compiled into every x86-64 build whatever -march says and runs only
// when detail::active_isa() selects it. Same arithmetic as the scalar
// functions and the AVX2 back end, on 8 double (or 16 float) lanes; AVX-512DQ
// converts 64-bit integers to double exactly, and lane masks replace the AVX2
// blends. Every inexact product goes through mul(), whose empty asm barrier
// stops the compiler from contracting it into an FMA.
#ifndef CBRNG_DETAIL_TRANSFORM_AVX512_HPP
#define CBRNG_DETAIL_TRANSFORM_AVX512_HPP

#include "../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

#include "fp.hpp"
#include "math.hpp"
#include "transform_scalar.hpp"

// GCC 12.2 and older warn that the "undefined" pass-through operand inside
// its own AVX-512 intrinsics may be used uninitialized (GCC PR 105593).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

CBRNG_NAMESPACE_BEGIN
namespace detail {
inline namespace CBRNG_SIMD_ABI {
namespace avx512 {

CBRNG_TARGET_AVX512 inline __m512d opaque(__m512d v) noexcept {
    __asm__("" : "+v"(v));
    return v;
}
CBRNG_TARGET_AVX512 inline __m512 opaque(__m512 v) noexcept {
    __asm__("" : "+v"(v));
    return v;
}
/// Lane-wise a * b, never fused with a later add (the vector fp_mul).
CBRNG_TARGET_AVX512 inline __m512d mul(__m512d a, __m512d b) noexcept {
    return opaque(_mm512_mul_pd(a, b));
}
CBRNG_TARGET_AVX512 inline __m512 mul(__m512 a, __m512 b) noexcept {
    return opaque(_mm512_mul_ps(a, b));
}
CBRNG_TARGET_AVX512 inline __m512d set(double x) noexcept {
    return _mm512_set1_pd(x);
}
CBRNG_TARGET_AVX512 inline __m512i set64(std::uint64_t x) noexcept {
    return _mm512_set1_epi64(static_cast<long long>(x));
}

/// detail::horner8, lane-wise.
CBRNG_TARGET_AVX512 inline __m512d horner8(__m512d x, double c0, double c1, double c2, double c3,
                                           double c4, double c5, double c6, double c7) noexcept {
    __m512d p = _mm512_add_pd(mul(set(c7), x), set(c6));
    p = _mm512_add_pd(mul(p, x), set(c5));
    p = _mm512_add_pd(mul(p, x), set(c4));
    p = _mm512_add_pd(mul(p, x), set(c3));
    p = _mm512_add_pd(mul(p, x), set(c2));
    p = _mm512_add_pd(mul(p, x), set(c1));
    return _mm512_add_pd(mul(p, x), set(c0));
}

/// detail::log for positive normal finite lanes.
CBRNG_TARGET_AVX512 inline __m512d log_normal(__m512d x) noexcept {
    using c = log_constants;
    const __m512i u =
        _mm512_add_epi64(_mm512_castpd_si512(x), set64(c::one_bits - c::sqrt_half_bits));
    const __m512i e = _mm512_srli_epi64(u, 52);
    const __m512d dk = _mm512_sub_pd(_mm512_cvtepi64_pd(e), set(1023.0));  // exact
    const __m512d m = _mm512_castsi512_pd(
        _mm512_add_epi64(_mm512_and_si512(u, set64(c::mantissa_mask)), set64(c::sqrt_half_bits)));
    const __m512d f = _mm512_sub_pd(m, set(1.0));
    const __m512d hfsq = mul(mul(f, f), set(0.5));
    const __m512d s = _mm512_div_pd(f, _mm512_add_pd(set(2.0), f));
    const __m512d z = mul(s, s);
    const __m512d w = mul(z, z);
    const __m512d t1 =
        mul(w, _mm512_add_pd(set(c::lg2), mul(w, _mm512_add_pd(set(c::lg4), mul(w, set(c::lg6))))));
    const __m512d t2 =
        mul(z, _mm512_add_pd(
                   set(c::lg1),
                   mul(w, _mm512_add_pd(set(c::lg3),
                                        mul(w, _mm512_add_pd(set(c::lg5), mul(w, set(c::lg7))))))));
    const __m512d r = _mm512_add_pd(t2, t1);
    const __m512d inner = _mm512_add_pd(mul(s, _mm512_add_pd(hfsq, r)), mul(dk, set(c::ln2_lo)));
    return _mm512_sub_pd(mul(dk, set(c::ln2_hi)), _mm512_sub_pd(_mm512_sub_pd(hfsq, inner), f));
}

/// detail::normal_quantile, lane-wise.
CBRNG_TARGET_AVX512 inline __m512d normal_quantile(__m512d p) noexcept {
    using c = ppnd16_constants;
    const __m512d zero = _mm512_setzero_pd();
    const __m512d q = _mm512_sub_pd(p, set(0.5));
    const __m512d aq =
        _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(q), set64(0x7fffffffffffffffu)));
    const __mmask8 central = _mm512_cmp_pd_mask(aq, set(c::split1), _CMP_LE_OQ);
    __m512d z = zero;
    if (central != 0) {
        const __m512d r = _mm512_sub_pd(set(c::const1), mul(q, q));
        const __m512d num = horner8(r, c::a0, c::a1, c::a2, c::a3, c::a4, c::a5, c::a6, c::a7);
        const __m512d den = horner8(r, 1.0, c::b1, c::b2, c::b3, c::b4, c::b5, c::b6, c::b7);
        z = _mm512_div_pd(mul(q, num), den);
    }
    if (central != 0xff) {
        const __mmask8 neg = _mm512_cmp_pd_mask(q, zero, _CMP_LT_OQ);
        __m512d r = _mm512_mask_blend_pd(neg, _mm512_sub_pd(set(1.0), p), p);
        r = _mm512_sqrt_pd(_mm512_sub_pd(zero, log_normal(r)));
        const __mmask8 tail = static_cast<__mmask8>(~central);
        const __mmask8 near = _mm512_cmp_pd_mask(r, set(c::split2), _CMP_LE_OQ);
        __m512d zt = zero;
        if ((near & tail) != 0) {
            const __m512d t = _mm512_sub_pd(r, set(c::const2));
            zt = _mm512_div_pd(horner8(t, c::c0, c::c1, c::c2, c::c3, c::c4, c::c5, c::c6, c::c7),
                               horner8(t, 1.0, c::d1, c::d2, c::d3, c::d4, c::d5, c::d6, c::d7));
        }
        if ((near & tail) != tail) {
            const __m512d t = _mm512_sub_pd(r, set(c::split2));
            const __m512d zf =
                _mm512_div_pd(horner8(t, c::e0, c::e1, c::e2, c::e3, c::e4, c::e5, c::e6, c::e7),
                              horner8(t, 1.0, c::f1, c::f2, c::f3, c::f4, c::f5, c::f6, c::f7));
            zt = _mm512_mask_blend_pd(near, zf, zt);
        }
        const __m512d negated = _mm512_castsi512_pd(
            _mm512_xor_si512(_mm512_castpd_si512(zt), set64(0x8000000000000000u)));
        zt = _mm512_mask_blend_pd(neg, zt, negated);
        z = _mm512_mask_blend_pd(central, zt, z);
    }
    return z;
}

/// 8 variates' worth of 64 bits: 8 words, or 16 32-bit words (low word first,
/// which on little-endian x86 is one 64-bit load).
CBRNG_TARGET_AVX512 inline __m512i load_bits64(const std::uint64_t* words, std::size_t i) noexcept {
    return _mm512_loadu_si512(words + i);
}
CBRNG_TARGET_AVX512 inline __m512i load_bits64(const std::uint32_t* words, std::size_t i) noexcept {
    return _mm512_loadu_si512(words + 2 * i);
}
/// 8 variates' worth of 32 bits: 8 words, or the low halves of 8 64-bit words.
CBRNG_TARGET_AVX512 inline __m256i load_bits32x8(const std::uint32_t* words,
                                                 std::size_t i) noexcept {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(words + i));
}
CBRNG_TARGET_AVX512 inline __m256i load_bits32x8(const std::uint64_t* words,
                                                 std::size_t i) noexcept {
    return _mm512_cvtepi64_epi32(_mm512_loadu_si512(words + i));
}
/// 16 variates' worth of 32 bits.
CBRNG_TARGET_AVX512 inline __m512i load_bits32x16(const std::uint32_t* words,
                                                  std::size_t i) noexcept {
    return _mm512_loadu_si512(words + i);
}
CBRNG_TARGET_AVX512 inline __m512i load_bits32x16(const std::uint64_t* words,
                                                  std::size_t i) noexcept {
    return _mm512_inserti64x4(_mm512_castsi256_si512(load_bits32x8(words, i)),
                              load_bits32x8(words, i + 8), 1);
}

/// detail::unit53: (x >> 11) * 2^-53, exact.
CBRNG_TARGET_AVX512 inline __m512d unit53(__m512i x) noexcept {
    return _mm512_mul_pd(_mm512_cvtepu64_pd(_mm512_srli_epi64(x, 11)), set(0x1p-53));
}

template <class Word>
CBRNG_TARGET_AVX512 void uniform_double(const Word* words, double* out, std::size_t n,
                                        const uniform_real_param<double>& p) noexcept {
    const double a = p.a();
    const double b = p.b();
    const double span = b - a;
    std::size_t i = 0;
    if (is_finite(span)) {  // else: the rare halved formula, left to the scalar path
        const double alt = a < b ? next_below(b) : a;
        const __m512d va = set(a), vb = set(b), vspan = set(span), valt = set(alt);
        for (; i + 8 <= n; i += 8) {
            const __m512d r = _mm512_add_pd(va, mul(vspan, unit53(load_bits64(words, i))));
            const __mmask8 below = _mm512_cmp_pd_mask(r, vb, _CMP_LT_OQ);
            _mm512_storeu_pd(out + i, _mm512_mask_blend_pd(below, valt, r));
        }
    }
    transform_scalar(words + i * batch_words_per_variate<double, Word>, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX512 void uniform_float(const Word* words, float* out, std::size_t n,
                                       const uniform_real_param<float>& p) noexcept {
    const float a = p.a();
    const float b = p.b();
    const float span = b - a;
    std::size_t i = 0;
    if (is_finite(span)) {
        const float alt = a < b ? next_below(b) : a;
        const __m512 va = _mm512_set1_ps(a), vb = _mm512_set1_ps(b), vspan = _mm512_set1_ps(span),
                     valt = _mm512_set1_ps(alt);
        const __m512 scale = _mm512_set1_ps(0x1p-24f);
        for (; i + 16 <= n; i += 16) {
            const __m512i w = _mm512_srli_epi32(load_bits32x16(words, i), 8);
            const __m512 u = _mm512_mul_ps(_mm512_cvtepi32_ps(w), scale);  // exact
            const __m512 r = _mm512_add_ps(va, mul(vspan, u));
            const __mmask16 below = _mm512_cmp_ps_mask(r, vb, _CMP_LT_OQ);
            _mm512_storeu_ps(out + i, _mm512_mask_blend_ps(below, valt, r));
        }
    }
    transform_scalar(words + i, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX512 void normal_double(const Word* words, double* out, std::size_t n,
                                       const normal_param<double>& p) noexcept {
    const __m512d mean = set(p.mean()), stddev = set(p.stddev());
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        // (2 * (x >> 12) + 1) * 2^-53, exact.
        const __m512i k = _mm512_or_si512(
            _mm512_slli_epi64(_mm512_srli_epi64(load_bits64(words, i), 12), 1), set64(1u));
        const __m512d u = _mm512_mul_pd(_mm512_cvtepu64_pd(k), set(0x1p-53));
        _mm512_storeu_pd(out + i, _mm512_add_pd(mean, mul(stddev, normal_quantile(u))));
    }
    transform_scalar(words + i * batch_words_per_variate<double, Word>, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX512 void normal_float(const Word* words, float* out, std::size_t n,
                                      const normal_param<float>& p) noexcept {
    const __m512d mean = set(static_cast<double>(p.mean()));
    const __m512d stddev = set(static_cast<double>(p.stddev()));
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m512d d = _mm512_cvtepu32_pd(load_bits32x8(words, i));
        const __m512d u = _mm512_add_pd(_mm512_mul_pd(d, set(0x1p-32)), set(0x1p-33));  // exact
        const __m512d r = _mm512_add_pd(mean, mul(stddev, normal_quantile(u)));
        _mm256_storeu_ps(out + i, _mm512_cvtpd_ps(r));
    }
    transform_scalar(words + i, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX512 void exponential_double(const Word* words, double* out, std::size_t n,
                                            const exponential_param<double>& p) noexcept {
    const __m512d lambda = set(p.lambda());
    const __m512d zero = _mm512_setzero_pd();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        // ((x >> 11) + 1) * 2^-53, exact.
        const __m512i k = _mm512_add_epi64(_mm512_srli_epi64(load_bits64(words, i), 11), set64(1u));
        const __m512d u = _mm512_mul_pd(_mm512_cvtepu64_pd(k), set(0x1p-53));
        _mm512_storeu_pd(out + i, _mm512_div_pd(_mm512_sub_pd(zero, log_normal(u)), lambda));
    }
    transform_scalar(words + i * batch_words_per_variate<double, Word>, out + i, n - i, p);
}

template <class Word>
CBRNG_TARGET_AVX512 void exponential_float(const Word* words, float* out, std::size_t n,
                                           const exponential_param<float>& p) noexcept {
    const __m512d lambda = set(static_cast<double>(p.lambda()));
    const __m512d zero = _mm512_setzero_pd();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m512d d = _mm512_cvtepu32_pd(load_bits32x8(words, i));
        const __m512d u = _mm512_add_pd(_mm512_mul_pd(d, set(0x1p-32)), set(0x1p-32));  // exact
        const __m512d r = _mm512_div_pd(_mm512_sub_pd(zero, log_normal(u)), lambda);
        _mm256_storeu_ps(out + i, _mm512_cvtpd_ps(r));
    }
    transform_scalar(words + i, out + i, n - i, p);
}

}  // namespace avx512

/// AVX-512 batch transforms (see detail::transform for the contract).
/// Callers must have checked that the CPU supports isa::avx512.
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, double* out, std::size_t n,
                                          const uniform_real_param<double>& p) noexcept {
    avx512::uniform_double(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const uniform_real_param<float>& p) noexcept {
    avx512::uniform_float(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, double* out, std::size_t n,
                                          const normal_param<double>& p) noexcept {
    avx512::normal_double(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const normal_param<float>& p) noexcept {
    avx512::normal_float(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, double* out, std::size_t n,
                                          const exponential_param<double>& p) noexcept {
    avx512::exponential_double(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const exponential_param<float>& p) noexcept {
    avx512::exponential_float(words, out, n, p);
}

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_TRANSFORM_AVX512_HPP
