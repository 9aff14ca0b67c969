// cbrng/detail/transform_avx512.hpp: the AVX-512 back end of the batch
// transforms (detail/transform.hpp).
//
// Every function here carries CBRNG_TARGET_AVX512 (AVX-512 F, DQ, BW, VL), so
// it is compiled into every x86-64 build whatever -march says and runs only
// when detail::active_isa() selects it. Same arithmetic as the scalar
// functions, and the same structure as the AVX2 back end (see there: K
// vectors in lockstep, the normal quantile's tail lanes packed into a second
// pass), on 8 double (or 16 float) lanes; AVX-512DQ converts 64-bit integers
// to double exactly, lane masks replace the AVX2 blends and a compress
// replaces its left-packing table. The float normal runs on 16 float lanes,
// its tail polynomial only for groups where some lane needs it. Every inexact product goes through
// mul(), whose empty asm barrier stops the compiler from contracting it into an FMA.
#ifndef CBRNG_DETAIL_TRANSFORM_AVX512_HPP
#define CBRNG_DETAIL_TRANSFORM_AVX512_HPP

#include "../config.hpp"

#if CBRNG_HAS_X86_SIMD

#include <immintrin.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fp.hpp"
#include "math.hpp"
#include "math_float.hpp"
#include "math_trig.hpp"
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

/// K vectors of 8 doubles computed in lockstep: each operation below is
/// issued for all K before the next, so K independent dependency chains are
/// in flight. Lanes never influence each other.
template <std::size_t K>
struct pd {
    __m512d v[K];
};

template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> add(const pd<K>& a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_add_pd(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> add(const pd<K>& a, double b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_add_pd(a.v[k], set(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> sub(const pd<K>& a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_sub_pd(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> sub(const pd<K>& a, double b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_sub_pd(a.v[k], set(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> sub(double a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_sub_pd(set(a), b.v[k]);
    return r;
}
/// Lane-wise products, each rounded on its own (the vector fp_mul).
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> mul(const pd<K>& a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = mul(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> mul(const pd<K>& a, double b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = mul(a.v[k], set(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> div(const pd<K>& a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_div_pd(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> div(const pd<K>& a, double b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_div_pd(a.v[k], set(b));
    return r;
}

/// detail::horner8, lane-wise: ((c7*x + c6)*x + ... )*x + c0.
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> horner8(const pd<K>& x, double c0, double c1, double c2,
                                                    double c3, double c4, double c5, double c6,
                                                    double c7) noexcept {
    pd<K> p = add(mul(x, c7), c6);
    p = add(mul(p, x), c5);
    p = add(mul(p, x), c4);
    p = add(mul(p, x), c3);
    p = add(mul(p, x), c2);
    p = add(mul(p, x), c1);
    return add(mul(p, x), c0);
}

/// detail::log for positive normal finite lanes (the only inputs the
/// distributions produce).
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> log_normal(const pd<K>& x) noexcept {
    using c = log_constants;
    pd<K> dk;
    pd<K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const __m512i u =
            _mm512_add_epi64(_mm512_castpd_si512(x.v[k]), set64(c::one_bits - c::sqrt_half_bits));
        dk.v[k] =
            _mm512_sub_pd(_mm512_cvtepi64_pd(_mm512_srli_epi64(u, 52)), set(1023.0));  // exact
        m.v[k] = _mm512_castsi512_pd(_mm512_add_epi64(_mm512_and_si512(u, set64(c::mantissa_mask)),
                                                      set64(c::sqrt_half_bits)));
    }
    const pd<K> f = sub(m, 1.0);
    const pd<K> hfsq = mul(mul(f, f), 0.5);
    const pd<K> s = div(f, add(f, 2.0));
    const pd<K> z = mul(s, s);
    const pd<K> w = mul(z, z);
    const pd<K> t1 = mul(w, add(mul(w, add(mul(w, c::lg6), c::lg4)), c::lg2));
    const pd<K> t2 = mul(z, add(mul(w, add(mul(w, add(mul(w, c::lg7), c::lg5)), c::lg3)), c::lg1));
    const pd<K> r = add(t2, t1);
    const pd<K> inner = add(mul(s, add(hfsq, r)), mul(dk, c::ln2_lo));
    return sub(mul(dk, c::ln2_hi), sub(sub(hfsq, inner), f));
}

/// The central branch of detail::normal_quantile (|q| <= 0.425) for
/// q = p - 1/2, lane-wise. Lanes outside it get a value nobody uses.
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> normal_central(const pd<K>& q) noexcept {
    using c = ppnd16_constants;
    const pd<K> r = sub(c::const1, mul(q, q));
    const pd<K> num = horner8(r, c::a0, c::a1, c::a2, c::a3, c::a4, c::a5, c::a6, c::a7);
    const pd<K> den = horner8(r, 1.0, c::b1, c::b2, c::b3, c::b4, c::b5, c::b6, c::b7);
    return div(mul(q, num), den);
}

/// The tail branch of detail::normal_quantile (|q| > 0.425), lane-wise, for
/// p, q = p - 1/2 and w = 1 - p: r = sqrt(-log(min(p, w))), then the rational
/// for r <= 5, and where any lane needs it (p below about 1e-11) the one for
/// r > 5.
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> normal_tail(const pd<K>& p, const pd<K>& q,
                                                        const pd<K>& w) noexcept {
    using c = ppnd16_constants;
    __mmask8 neg[K];
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) {
        neg[k] = _mm512_cmp_pd_mask(q.v[k], _mm512_setzero_pd(), _CMP_LT_OQ);
        r.v[k] = _mm512_mask_blend_pd(neg[k], w.v[k], p.v[k]);
    }
    r = sub(0.0, log_normal(r));
    __mmask8 near[K];
    unsigned near_lanes = 0xff;
    for (std::size_t k = 0; k < K; ++k) {
        r.v[k] = _mm512_sqrt_pd(r.v[k]);
        near[k] = _mm512_cmp_pd_mask(r.v[k], set(c::split2), _CMP_LE_OQ);
        near_lanes &= near[k];
    }
    const pd<K> t = sub(r, c::const2);
    pd<K> z = div(horner8(t, c::c0, c::c1, c::c2, c::c3, c::c4, c::c5, c::c6, c::c7),
                  horner8(t, 1.0, c::d1, c::d2, c::d3, c::d4, c::d5, c::d6, c::d7));
    if (CBRNG_UNLIKELY(near_lanes != 0xff)) {
        const pd<K> tf = sub(r, c::split2);
        const pd<K> zf = div(horner8(tf, c::e0, c::e1, c::e2, c::e3, c::e4, c::e5, c::e6, c::e7),
                             horner8(tf, 1.0, c::f1, c::f2, c::f3, c::f4, c::f5, c::f6, c::f7));
        for (std::size_t k = 0; k < K; ++k) z.v[k] = _mm512_mask_blend_pd(near[k], zf.v[k], z.v[k]);
    }
    for (std::size_t k = 0; k < K; ++k) {
        const __m512i flipped =
            _mm512_xor_si512(_mm512_castpd_si512(z.v[k]), set64(fp_format<double>::sign_mask));
        z.v[k] = _mm512_mask_blend_pd(neg[k], z.v[k], _mm512_castsi512_pd(flipped));
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

/// The random bits of variates i..i+7 as 52-bit fractions v such that
/// 1 + v * 2^-52 = 1 + u - ulp, as in the AVX2 back end. The top 12 bits of
/// v are zero.
template <class Word, class Param>
CBRNG_TARGET_AVX512 inline __m512i fraction_bits(const Word* words, std::size_t i,
                                                 const Param&) noexcept {
    if constexpr (sizeof(typename Param::distribution_type::result_type) == 8) {
        return _mm512_srli_epi64(load_bits64(words, i), 12);
    } else if constexpr (sizeof(Word) == 8) {
        return _mm512_srli_epi64(_mm512_slli_epi64(load_bits64(words, i), 32), 12);
    } else {
        return _mm512_slli_epi64(_mm512_cvtepu32_epi64(load_bits32x8(words, i)), 20);
    }
}
/// y = 1 + v * 2^-52 in [1, 2).
CBRNG_TARGET_AVX512 inline __m512d one_plus(__m512i v) noexcept {
    return _mm512_castsi512_pd(_mm512_or_si512(v, set64(log_constants::one_bits)));
}

CBRNG_TARGET_AVX512 inline void store8(double* out, __m512d v) noexcept {
    _mm512_storeu_pd(out, v);
}
CBRNG_TARGET_AVX512 inline void store8(float* out, __m512d v) noexcept {
    _mm256_storeu_ps(out, _mm512_cvtpd_ps(v));
}

/// The number of lanes set in m.
CBRNG_TARGET_AVX512 inline std::size_t lanes_in(__mmask8 m) noexcept {
    unsigned x = m;
    x = x - ((x >> 1) & 0x55u);
    x = (x & 0x33u) + ((x >> 2) & 0x33u);
    return (x + (x >> 4)) & 0x0fu;
}

/// normal_batch's block (at most 4096 variates: a variate's index in its
/// block rides in the top 12 bits of its packed fraction) and the number of
/// vectors its central and tail passes compute in lockstep (as many lanes as
/// the AVX2 back end's; not tuned on an AVX-512 machine).
inline constexpr std::size_t normal_block = 256;
inline constexpr std::size_t normal_central_k = 4;
inline constexpr std::size_t normal_tail_k = 2;

/// The central pass over K vectors from variate i, index j in its block:
/// writes every lane's central result, and appends the tail lanes'
/// fractions, tagged with their index in the block, to tail_bits. Returns
/// the new number of tail lanes. With y = 1 + v * 2^-52, u = y - (1 - ulp)
/// is exact (the true value is on the grid), and q = u - 1/2 as in the scalar
/// code.
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE std::size_t normal_central_pass(
    const Word* words, std::size_t i, std::size_t j, Real* out, const normal_param<Real>& p,
    std::uint64_t* tail_bits, std::size_t tails) noexcept {
    using c = ppnd16_constants;
    constexpr double ulp = sizeof(Real) == 8 ? 0x1p-53 : 0x1p-33;
    __m512i v[K];
    pd<K> q;
    for (std::size_t k = 0; k < K; ++k) {
        v[k] = fraction_bits(words, i + 8 * k, p);
        q.v[k] = _mm512_sub_pd(_mm512_sub_pd(one_plus(v[k]), set(1.0 - ulp)), set(0.5));
    }
    const pd<K> z =
        add(mul(normal_central(q), static_cast<double>(p.stddev())), static_cast<double>(p.mean()));
    for (std::size_t k = 0; k < K; ++k) {
        store8(out + i + 8 * k, z.v[k]);
        const __m512d aq = _mm512_castsi512_pd(
            _mm512_and_si512(_mm512_castpd_si512(q.v[k]), set64(~fp_format<double>::sign_mask)));
        const __mmask8 tail_lanes =
            static_cast<__mmask8>(~_mm512_cmp_pd_mask(aq, set(c::split1), _CMP_LE_OQ));
        const __m512i at =
            _mm512_add_epi64(_mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7), set64(j + 8 * k));
        const __m512i tagged = _mm512_or_si512(v[k], _mm512_slli_epi64(at, 52));
        _mm512_storeu_si512(tail_bits + tails, _mm512_maskz_compress_epi64(tail_lanes, tagged));
        tails += lanes_in(tail_lanes);
    }
    return tails;
}

/// The tail pass over K vectors of packed fractions: z[0 .. 8K) = their
/// results, from u = y - (1 - ulp) (exact) as in the central pass.
template <std::size_t K, class Real>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE void normal_tail_pass(const std::uint64_t* tail_bits,
                                                            double* z,
                                                            const normal_param<Real>& p) noexcept {
    constexpr double ulp = sizeof(Real) == 8 ? 0x1p-53 : 0x1p-33;
    pd<K> y;
    for (std::size_t k = 0; k < K; ++k) {
        const __m512i b = _mm512_load_si512(tail_bits + 8 * k);
        y.v[k] = one_plus(_mm512_and_si512(b, set64(log_constants::mantissa_mask)));
    }
    const pd<K> u = sub(y, 1.0 - ulp);
    const pd<K> t = normal_tail(u, sub(u, 0.5), sub(1.0, u));
    const pd<K> r = add(mul(t, static_cast<double>(p.stddev())), static_cast<double>(p.mean()));
    for (std::size_t k = 0; k < K; ++k) _mm512_store_pd(z + 8 * k, r.v[k]);
}

/// normal_from_bits for n variates, by blocks, as in the AVX2 back end.
template <class Word, class Real>
CBRNG_TARGET_AVX512 void normal_batch(const Word* words, Real* out, std::size_t n,
                                      const normal_param<Real>& p) noexcept {
    constexpr std::size_t kc = normal_central_k;
    constexpr std::size_t kt = normal_tail_k;
    constexpr std::size_t pad = 8 * kt;
    alignas(64) std::uint64_t tail_bits[normal_block + pad];
    alignas(64) double tail_z[normal_block + pad];
    std::size_t i = 0;
    while (i + 8 <= n) {
        const std::size_t base = i;
        const std::size_t end =
            i + (n - i < normal_block ? (n - i) & ~std::size_t{7} : normal_block);
        std::size_t tails = 0;
        for (; i + 8 * kc <= end; i += 8 * kc) {
            tails = normal_central_pass<kc>(words, i, i - base, out, p, tail_bits, tails);
        }
        for (; i < end; i += 8) {
            tails = normal_central_pass<1>(words, i, i - base, out, p, tail_bits, tails);
        }
        // The last tail vectors are completed with a harmless input (u near 0.008).
        for (std::size_t k = 0; k < pad; k += 8) {
            _mm512_storeu_si512(tail_bits + tails + k, set64(std::uint64_t{1} << 45));
        }
        for (std::size_t k = 0; k < tails; k += pad) {
            normal_tail_pass<kt>(tail_bits + k, tail_z + k, p);
        }
        for (std::size_t k = 0; k < tails; ++k) {
            const Real v = static_cast<Real>(tail_z[k]);
            std::memcpy(out + base + (tail_bits[k] >> 52), &v, sizeof v);
        }
    }
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// The inputs u of exponential_from_bits for variates i..i+7, each one exact
/// subtraction from y = 1 + v * 2^-52, as in the AVX2 back end.
template <class Word>
CBRNG_TARGET_AVX512 inline __m512d exponential_units(const Word* words, std::size_t i,
                                                     const exponential_param<double>& p) noexcept {
    const __mmask8 bit11 = _mm512_test_epi64_mask(load_bits64(words, i), set64(0x800u));
    const __m512d c = _mm512_mask_blend_pd(bit11, set(1.0 - 0x1p-53), set(1.0 - 0x1p-52));
    return _mm512_sub_pd(one_plus(fraction_bits(words, i, p)), c);
}
template <class Word>
CBRNG_TARGET_AVX512 inline __m512d exponential_units(const Word* words, std::size_t i,
                                                     const exponential_param<float>& p) noexcept {
    return _mm512_sub_pd(one_plus(fraction_bits(words, i, p)), set(1.0 - 0x1p-32));
}

/// Vectors exponential_batch computes in lockstep (as many lanes as the AVX2
/// back end's).
inline constexpr std::size_t exponential_k = 4;

/// exponential_from_bits for K vectors from variate i.
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE void exponential_group(
    const Word* words, std::size_t i, Real* out, const exponential_param<Real>& p) noexcept {
    pd<K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = exponential_units(words, i + 8 * k, p);
    const pd<K> r = div(sub(0.0, log_normal(u)), static_cast<double>(p.lambda()));
    for (std::size_t k = 0; k < K; ++k) store8(out + i + 8 * k, r.v[k]);
}

/// exponential_from_bits for n variates.
template <class Word, class Real>
CBRNG_TARGET_AVX512 void exponential_batch(const Word* words, Real* out, std::size_t n,
                                           const exponential_param<Real>& p) noexcept {
    constexpr std::size_t k = exponential_k;
    std::size_t i = 0;
    for (; i + 8 * k <= n; i += 8 * k) exponential_group<k>(words, i, out, p);
    for (; i + 8 <= n; i += 8) exponential_group<1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// K vectors of 16 floats computed in lockstep, as pd<K> for doubles.
template <std::size_t K>
struct ps {
    __m512 v[K];
};

template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE ps<K> add(const ps<K>& a, const ps<K>& b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_add_ps(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE ps<K> add(const ps<K>& a, float b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_add_ps(a.v[k], _mm512_set1_ps(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE ps<K> sub(const ps<K>& a, float b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_sub_ps(a.v[k], _mm512_set1_ps(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE ps<K> sub(float a, const ps<K>& b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm512_sub_ps(_mm512_set1_ps(a), b.v[k]);
    return r;
}
/// Lane-wise products, each rounded on its own (the vector fp_mul).
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE ps<K> mul(const ps<K>& a, const ps<K>& b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = mul(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE ps<K> mul(const ps<K>& a, float b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = mul(a.v[k], _mm512_set1_ps(b));
    return r;
}

/// detail::log_float for positive normal finite lanes (the only inputs the
/// float normal produces).
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE ps<K> log_float_normal(const ps<K>& x) noexcept {
    using c = log_float_constants;
    ps<K> dk;
    ps<K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const __m512i u =
            _mm512_add_epi32(_mm512_castps_si512(x.v[k]),
                             _mm512_set1_epi32(static_cast<int>(c::one_bits - c::sqrt_half_bits)));
        dk.v[k] =
            _mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_srli_epi32(u, 23), _mm512_set1_epi32(0x7f)));
        m.v[k] = _mm512_castsi512_ps(_mm512_add_epi32(
            _mm512_and_si512(u, _mm512_set1_epi32(static_cast<int>(c::mantissa_mask))),
            _mm512_set1_epi32(static_cast<int>(c::sqrt_half_bits))));
    }
    const ps<K> f = sub(m, 1.0f);
    const ps<K> f2 = mul(f, f);
    const ps<K> f4 = mul(f2, f2);
    const ps<K> lo = add(mul(f2, add(mul(f, c::q5), c::q6)), add(mul(f, c::q7), c::q8));
    const ps<K> hi = add(mul(f2, add(mul(f, c::q1), c::q2)), add(mul(f, c::q3), c::q4));
    const ps<K> q = add(mul(f4, add(mul(f4, c::q0), hi)), lo);
    const ps<K> r = mul(f2, q);
    return add(mul(dk, c::ln2_hi), add(f, add(r, mul(dk, c::ln2_lo))));
}

/// Vectors normal_float_batch computes in lockstep (as many lanes as the
/// AVX2 back end's).
inline constexpr std::size_t normal_float_k = 2;

/// detail::normal_from_bits for float, 16K variates from variate i: the
/// central polynomial for every lane, the tail one (a square root and a
/// second polynomial) only when some lane of the group needs it (w >= 5,
/// 0.34% of lanes), then blended, so each lane goes through exactly the
/// scalar operations of its own branch.
template <std::size_t K, class Word>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE void normal_float_group(
    const Word* words, std::size_t i, float* out, const normal_param<float>& p) noexcept {
    using c = normal_float_constants;
    const __m512i low31 = _mm512_set1_epi32(0x7fffffff);
    ps<K> at;
    ps<K> a;
    __m512i sign[K];
    for (std::size_t k = 0; k < K; ++k) {
        const __m512i x = load_bits32x16(words, i + 16 * k);
        // j = (x ^ ((x >> 31) - 1)) & 0x7fffffff, and the sign bit of -z.
        const __m512i flip = _mm512_xor_si512(_mm512_srai_epi32(x, 31), _mm512_set1_epi32(-1));
        const __m512i j = _mm512_and_si512(_mm512_xor_si512(x, flip), low31);
        sign[k] = _mm512_andnot_si512(low31, flip);
        // half_odd_unit: the scaling by 2^-31 is exact.
        at.v[k] = _mm512_add_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(j), _mm512_set1_ps(0x1p-31f)),
                                _mm512_set1_ps(0x1p-32f));
        a.v[k] = _mm512_add_ps(
            _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_xor_si512(j, low31)), _mm512_set1_ps(0x1p-31f)),
            _mm512_set1_ps(0x1p-32f));
    }
    const ps<K> w = sub(0.0f, log_float_normal(mul(a, sub(2.0f, a))));
    // normal_float_central: even and odd parts by Horner's rule.
    const ps<K> w2 = mul(w, w);
    ps<K> even = add(mul(w2, c::c1), c::c3);
    ps<K> odd = add(mul(w2, c::c0), c::c2);
    even = add(mul(even, w2), c::c5);
    odd = add(mul(odd, w2), c::c4);
    even = add(mul(even, w2), c::c7);
    odd = add(mul(odd, w2), c::c6);
    even = add(mul(even, w2), c::c9);
    odd = add(mul(odd, w2), c::c8);
    ps<K> poly = add(mul(odd, w), even);
    __mmask16 central[K];
    unsigned central_lanes = 0xffffu;
    for (std::size_t k = 0; k < K; ++k) {
        central[k] = _mm512_cmp_ps_mask(w.v[k], _mm512_set1_ps(c::split), _CMP_LT_OQ);
        central_lanes &= central[k];
    }
    if (CBRNG_UNLIKELY(central_lanes != 0xffffu)) {
        ps<K> s;
        for (std::size_t k = 0; k < K; ++k) s.v[k] = _mm512_sqrt_ps(w.v[k]);
        s = sub(s, c::tail_mid);
        ps<K> tail = add(mul(s, c::e0), c::e1);
        tail = add(mul(tail, s), c::e2);
        tail = add(mul(tail, s), c::e3);
        tail = add(mul(tail, s), c::e4);
        tail = add(mul(tail, s), c::e5);
        tail = add(mul(tail, s), c::e6);
        tail = add(mul(tail, s), c::e7);
        tail = add(mul(tail, s), c::e8);
        tail = add(mul(tail, s), c::e9);
        tail = add(mul(tail, s), c::e10);
        for (std::size_t k = 0; k < K; ++k)
            poly.v[k] = _mm512_mask_blend_ps(central[k], tail.v[k], poly.v[k]);
    }
    ps<K> z = mul(poly, at);
    for (std::size_t k = 0; k < K; ++k)
        z.v[k] = _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(z.v[k]), sign[k]));
    const ps<K> r = add(mul(z, p.stddev()), p.mean());
    for (std::size_t k = 0; k < K; ++k) _mm512_storeu_ps(out + i + 16 * k, r.v[k]);
}

/// detail::normal_from_bits for n float variates.
template <class Word>
CBRNG_TARGET_AVX512 void normal_float_batch(const Word* words, float* out, std::size_t n,
                                            const normal_param<float>& p) noexcept {
    constexpr std::size_t k = normal_float_k;
    std::size_t i = 0;
    for (; i + 16 * k <= n; i += 16 * k) normal_float_group<k>(words, i, out, p);
    for (; i + 16 <= n; i += 16) normal_float_group<1>(words, i, out, p);
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
    avx512::normal_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const normal_param<float>& p) noexcept {
    avx512::normal_float_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, double* out, std::size_t n,
                                          const exponential_param<double>& p) noexcept {
    avx512::exponential_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const exponential_param<float>& p) noexcept {
    avx512::exponential_batch(words, out, n, p);
}

// ---------------------------------------------------------------- inversion family
// extreme_value and lognormal, as in the AVX2 back end.

namespace avx512 {

/// The normal grid's u for variates i..i+7: u = y - (1 - ulp), exact.
template <class Word, class Param>
CBRNG_TARGET_AVX512 inline __m512d normal_grid_units(const Word* words, std::size_t i,
                                                     const Param& p) noexcept {
    constexpr double ulp =
        sizeof(typename Param::distribution_type::result_type) == 8 ? 0x1p-53 : 0x1p-33;
    return _mm512_sub_pd(one_plus(fraction_bits(words, i, p)), set(1.0 - ulp));
}

/// Vectors extreme_value_batch computes in lockstep.
inline constexpr std::size_t extreme_value_k = 4;

/// extreme_value_from_bits for K vectors from variate i.
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE void extreme_value_group(
    const Word* words, std::size_t i, Real* out, const extreme_value_param<Real>& p) noexcept {
    pd<K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = normal_grid_units(words, i + 8 * k, p);
    const pd<K> g = log_normal(sub(0.0, log_normal(u)));
    const pd<K> r = sub(static_cast<double>(p.a()), mul(g, static_cast<double>(p.b())));
    for (std::size_t k = 0; k < K; ++k) store8(out + i + 8 * k, r.v[k]);
}

/// extreme_value_from_bits for n variates.
template <class Word, class Real>
CBRNG_TARGET_AVX512 void extreme_value_batch(const Word* words, Real* out, std::size_t n,
                                             const extreme_value_param<Real>& p) noexcept {
    constexpr std::size_t k = extreme_value_k;
    std::size_t i = 0;
    for (; i + 8 * k <= n; i += 8 * k) extreme_value_group<k>(words, i, out, p);
    for (; i + 8 <= n; i += 8) extreme_value_group<1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// detail::exp, lane-wise, for lanes with -708 <= x <= 709 and |x| >= 2^-28
/// (see the AVX2 back end); `outside` gets the other lanes.
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> exp_main(const pd<K>& x,
                                                     __mmask8 (&outside)[K]) noexcept {
    using c = exp_constants;
    using l = log_constants;
    pd<K> dk;
    pd<K> scale;
    const __m512d sign = set(-0.0);
    for (std::size_t k = 0; k < K; ++k) {
        const __m512d ax = _mm512_andnot_pd(sign, x.v[k]);
        const __mmask8 ok = _mm512_cmp_pd_mask(x.v[k], set(-708.0), _CMP_GE_OQ) &
                            _mm512_cmp_pd_mask(x.v[k], set(709.0), _CMP_LE_OQ) &
                            _mm512_cmp_pd_mask(ax, set(0x1p-28), _CMP_GE_OQ);
        outside[k] = static_cast<__mmask8>(~ok);
        const __m512d half = _mm512_or_pd(set(0.5), _mm512_and_pd(sign, x.v[k]));
        const __m256i ki = _mm512_cvttpd_epi32(_mm512_add_pd(mul(x.v[k], set(c::invln2)), half));
        dk.v[k] = _mm512_cvtepi32_pd(ki);
        const __m512i e = _mm512_add_epi64(_mm512_cvtepi32_epi64(ki), set64(0x3ff));
        scale.v[k] = _mm512_castsi512_pd(_mm512_slli_epi64(e, 52));
    }
    const pd<K> hi = sub(x, mul(dk, l::ln2_hi));
    const pd<K> lo = mul(dk, l::ln2_lo);
    const pd<K> r = sub(hi, lo);
    const pd<K> t = mul(r, r);
    const pd<K> poly =
        sub(r, mul(t, add(mul(add(mul(add(mul(add(mul(t, c::p5), c::p4), t), c::p3), t), c::p2), t),
                          c::p1)));
    const pd<K> y = sub(1.0, sub(sub(lo, div(mul(r, poly), sub(2.0, poly))), hi));
    return mul(y, scale);
}

/// Vectors exp_group computes in lockstep.
inline constexpr std::size_t lognormal_k = 2;

/// out[0 .. 8K) = detail::exp(x[0 .. 8K)).
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE void exp_group(const double* x, double* out) noexcept {
    pd<K> v;
    for (std::size_t k = 0; k < K; ++k) v.v[k] = _mm512_loadu_pd(x + 8 * k);
    __mmask8 outside[K];
    const pd<K> r = exp_main(v, outside);
    for (std::size_t k = 0; k < K; ++k) {
        _mm512_storeu_pd(out + 8 * k, r.v[k]);
        if (CBRNG_UNLIKELY(outside[k] != 0)) {
            for (std::size_t lane = 0; lane < 8; ++lane) {
                if ((outside[k] >> lane) & 1) out[8 * k + lane] = detail::exp(x[8 * k + lane]);
            }
        }
    }
}

/// lognormal_from_bits for n double variates: exp of the normal batch with
/// mean m and stddev s, in place in out.
template <class Word>
CBRNG_TARGET_AVX512 void lognormal_batch(const Word* words, double* out, std::size_t n,
                                         const lognormal_param<double>& p) noexcept {
    constexpr std::size_t k = lognormal_k;
    normal_batch(words, out, n, normal_param<double>(p.m(), p.s()));
    std::size_t i = 0;
    for (; i + 8 * k <= n; i += 8 * k) exp_group<k>(out + i, out + i);
    for (; i + 8 <= n; i += 8) exp_group<1>(out + i, out + i);
    for (; i < n; ++i) out[i] = detail::exp(out[i]);
}

/// Vectors weibull_batch computes in lockstep.
inline constexpr std::size_t weibull_k = 2;

/// weibull_from_bits for K vectors from variate i: b * exp(g / a) with g
/// extreme_value's log(0 - log(u)); lanes outside exp_main's range go
/// through the scalar exp.
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE void weibull_group(const Word* words, std::size_t i,
                                                         Real* out,
                                                         const weibull_param<Real>& p) noexcept {
    const double b = static_cast<double>(p.b());
    pd<K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = normal_grid_units(words, i + 8 * k, p);
    const pd<K> x = div(log_normal(sub(0.0, log_normal(u))), static_cast<double>(p.a()));
    __mmask8 outside[K];
    const pd<K> r = mul(exp_main(x, outside), b);
    for (std::size_t k = 0; k < K; ++k) {
        store8(out + i + 8 * k, r.v[k]);
        if (CBRNG_UNLIKELY(outside[k] != 0)) {
            alignas(64) double xs[8];
            _mm512_storeu_pd(xs, x.v[k]);
            for (std::size_t lane = 0; lane < 8; ++lane) {
                if ((outside[k] >> lane) & 1) {
                    out[i + 8 * k + lane] = static_cast<Real>(fp_mul(b, detail::exp(xs[lane])));
                }
            }
        }
    }
}

/// weibull_from_bits for n variates.
template <class Word, class Real>
CBRNG_TARGET_AVX512 void weibull_batch(const Word* words, Real* out, std::size_t n,
                                       const weibull_param<Real>& p) noexcept {
    constexpr std::size_t k = weibull_k;
    std::size_t i = 0;
    for (; i + 8 * k <= n; i += 8 * k) weibull_group<k>(words, i, out, p);
    for (; i + 8 <= n; i += 8) weibull_group<1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// Vectors cauchy_batch computes in lockstep.
inline constexpr std::size_t cauchy_k = 2;

/// Lanes of x with their low 32 bits cleared (detail::high_word).
CBRNG_TARGET_AVX512 inline __m512d high_word(__m512d x) noexcept {
    return _mm512_and_pd(x, _mm512_castsi512_pd(set64(tan_constants::high_word_mask)));
}

/// detail::tan_pi for K vectors of t in (-1/2, 1/2), t != 0: both branches
/// of the reduction and of the kernel are computed for every lane and
/// selected lane by lane, so each lane goes through exactly the scalar
/// operations of its own branches.
template <std::size_t K>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE pd<K> tan_pi(const pd<K>& t) noexcept {
    using c = tan_constants;
    const __m512d sign = set(-0.0);
    __mmask8 neg[K];
    __mmask8 odd[K];
    __mmask8 big[K];
    pd<K> s;
    for (std::size_t k = 0; k < K; ++k) {
        neg[k] = _mm512_cmp_pd_mask(t.v[k], _mm512_setzero_pd(), _CMP_LT_OQ);
        const __m512d at = _mm512_andnot_pd(sign, t.v[k]);
        odd[k] = _mm512_cmp_pd_mask(at, set(0.25), _CMP_GT_OQ);
        s.v[k] = _mm512_mask_blend_pd(odd[k], at, _mm512_sub_pd(set(0.5), at));
    }
    const pd<K> hi = mul(s, c::pi_hi);
    const pd<K> sc = mul(s, c::splitter);
    const pd<K> s_hi = sub(sc, sub(sc, s));
    const pd<K> s_lo = sub(s, s_hi);
    pd<K> lo = add(
        add(add(sub(mul(s_hi, c::pi_hi_hi), hi), mul(s_lo, c::pi_hi_hi)), mul(s_hi, c::pi_hi_lo)),
        mul(s_lo, c::pi_hi_lo));
    lo = add(lo, mul(s, c::pi_lo));
    pd<K> x = add(hi, lo);
    pd<K> y = sub(lo, sub(x, hi));
    // tan_kernel(x, y, odd).
    for (std::size_t k = 0; k < K; ++k) {
        big[k] = _mm512_cmp_pd_mask(x.v[k], set(c::big), _CMP_GE_OQ);
        const __m512d xb = _mm512_add_pd(_mm512_sub_pd(set(c::pio4), x.v[k]),
                                         _mm512_sub_pd(set(c::pio4_lo), y.v[k]));
        x.v[k] = _mm512_mask_blend_pd(big[k], x.v[k], xb);
        y.v[k] = _mm512_mask_blend_pd(big[k], y.v[k], _mm512_setzero_pd());
    }
    const pd<K> z = mul(x, x);
    const pd<K> w = mul(z, z);
    pd<K> r = add(
        mul(w,
            add(mul(w, add(mul(w, add(mul(w, add(mul(w, c::t11), c::t9)), c::t7)), c::t5)), c::t3)),
        c::t1);
    const pd<K> v = mul(
        z,
        add(mul(w, add(mul(w, add(mul(w, add(mul(w, add(mul(w, c::t12), c::t10)), c::t8)), c::t6)),
                       c::t4)),
            c::t2));
    const pd<K> s3 = mul(z, x);
    r = add(y, mul(z, add(mul(s3, add(r, v)), y)));
    r = add(r, mul(s3, c::t0));
    const pd<K> sum = add(x, r);
    pd<K> one;
    for (std::size_t k = 0; k < K; ++k)
        one.v[k] = _mm512_mask_blend_pd(odd[k], set(1.0), set(-1.0));
    // Big lanes: one - 2 (x - (sum^2 / (sum + one) - r)).
    const pd<K> res_big = sub(one, mul(sub(x, sub(div(mul(sum, sum), add(sum, one)), r)), 2.0));
    // Odd lanes: the compensated -1 / (x + r).
    pd<K> zh;
    pd<K> a;
    for (std::size_t k = 0; k < K; ++k) {
        zh.v[k] = high_word(sum.v[k]);
        a.v[k] = _mm512_div_pd(set(-1.0), sum.v[k]);
    }
    const pd<K> vv = sub(r, sub(zh, x));
    pd<K> th;
    for (std::size_t k = 0; k < K; ++k) th.v[k] = high_word(a.v[k]);
    const pd<K> e = add(mul(th, zh), 1.0);
    const pd<K> res_odd = add(th, mul(a, add(e, mul(th, vv))));
    pd<K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const __m512d small = _mm512_mask_blend_pd(odd[k], sum.v[k], res_odd.v[k]);
        const __m512d kernel = _mm512_mask_blend_pd(big[k], small, res_big.v[k]);
        // tan(pi |t|) is -kernel on odd lanes; then t's sign.
        m.v[k] = _mm512_xor_pd(kernel,
                               _mm512_maskz_mov_pd(static_cast<__mmask8>(odd[k] ^ neg[k]), sign));
    }
    return m;
}

/// cauchy_from_bits for K vectors from variate i: a + b * tan_pi(u - 1/2).
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX512 CBRNG_FORCEINLINE void cauchy_group(const Word* words, std::size_t i, Real* out,
                                                        const cauchy_param<Real>& p) noexcept {
    pd<K> t;
    for (std::size_t k = 0; k < K; ++k)
        t.v[k] = _mm512_sub_pd(normal_grid_units(words, i + 8 * k, p), set(0.5));
    const pd<K> r = add(mul(tan_pi(t), static_cast<double>(p.b())), static_cast<double>(p.a()));
    for (std::size_t k = 0; k < K; ++k) store8(out + i + 8 * k, r.v[k]);
}

/// cauchy_from_bits for n variates.
template <class Word, class Real>
CBRNG_TARGET_AVX512 void cauchy_batch(const Word* words, Real* out, std::size_t n,
                                      const cauchy_param<Real>& p) noexcept {
    constexpr std::size_t k = cauchy_k;
    std::size_t i = 0;
    for (; i + 8 * k <= n; i += 8 * k) cauchy_group<k>(words, i, out, p);
    for (; i + 8 <= n; i += 8) cauchy_group<1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

}  // namespace avx512

template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, double* out, std::size_t n,
                                          const extreme_value_param<double>& p) noexcept {
    avx512::extreme_value_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const extreme_value_param<float>& p) noexcept {
    avx512::extreme_value_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, double* out, std::size_t n,
                                          const lognormal_param<double>& p) noexcept {
    avx512::lognormal_batch(words, out, n, p);
}
/// Float lognormal variates: the scalar reference (see the AVX2 back end).
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const lognormal_param<float>& p) noexcept {
    transform_scalar(words, out, n, p);
}

template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, double* out, std::size_t n,
                                          const weibull_param<double>& p) noexcept {
    avx512::weibull_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const weibull_param<float>& p) noexcept {
    avx512::weibull_batch(words, out, n, p);
}

template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, double* out, std::size_t n,
                                          const cauchy_param<double>& p) noexcept {
    avx512::cauchy_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX512 void transform_avx512(const Word* words, float* out, std::size_t n,
                                          const cauchy_param<float>& p) noexcept {
    avx512::cauchy_batch(words, out, n, p);
}

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_TRANSFORM_AVX512_HPP
