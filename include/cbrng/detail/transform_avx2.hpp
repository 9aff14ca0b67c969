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
// exact bit tricks where AVX2 has no instruction; where the vector code forms
// an input differently from the scalar code (the unit value u of the normal
// and exponential transforms), the true value is representable, so both get
// it exactly. Leftover elements (n not a multiple of the vector width) go
// through the scalar reference.
//
// Speed (docs/performance-fill.md): the logarithm and the rationals of the
// normal quantile are long chains of dependent operations, and one chain per
// loop iteration leaves the core mostly waiting. The normal and exponential
// transforms therefore work on K vectors in lockstep (pd<K>: each operation
// issued for all K before the next), and the normal quantile takes its two
// branches in two passes: the central one for every lane, then the tail one
// only for the lanes that need it (about 15%), packed into full vectors.
// The float normal (detail/math_float.hpp) is float work on 8 float lanes:
// its central polynomial for every lane, the tail one only for groups where
// some lane needs it (0.34% of lanes), blended.
#ifndef CBRNG_DETAIL_TRANSFORM_AVX2_HPP
#define CBRNG_DETAIL_TRANSFORM_AVX2_HPP

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

/// K vectors of 4 doubles computed in lockstep: each operation below is
/// issued for all K before the next, so K independent dependency chains are
/// in flight. Lanes never influence each other.
template <std::size_t K>
struct pd {
    __m256d v[K];
};

template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> add(const pd<K>& a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_add_pd(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> add(const pd<K>& a, double b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_add_pd(a.v[k], set(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> sub(const pd<K>& a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_sub_pd(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> sub(const pd<K>& a, double b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_sub_pd(a.v[k], set(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> sub(double a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_sub_pd(set(a), b.v[k]);
    return r;
}
/// Lane-wise products, each rounded on its own (the vector fp_mul).
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> mul(const pd<K>& a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = mul(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> mul(const pd<K>& a, double b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = mul(a.v[k], set(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> div(const pd<K>& a, const pd<K>& b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_div_pd(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> div(const pd<K>& a, double b) noexcept {
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_div_pd(a.v[k], set(b));
    return r;
}

/// detail::horner8, lane-wise: ((c7*x + c6)*x + ... )*x + c0.
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> horner8(const pd<K>& x, double c0, double c1, double c2,
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
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> log_normal(const pd<K>& x) noexcept {
    using c = log_constants;
    pd<K> dk;
    pd<K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const __m256i u =
            _mm256_add_epi64(_mm256_castpd_si256(x.v[k]), set64(c::one_bits - c::sqrt_half_bits));
        // k = (u >> 52) - 1023 as an exact double: (2^52 + e) - (2^52 + 1023).
        const __m256i e = _mm256_or_si256(_mm256_srli_epi64(u, 52), set64(0x4330000000000000u));
        dk.v[k] = _mm256_sub_pd(_mm256_castsi256_pd(e), set(0x1p52 + 1023.0));
        m.v[k] = _mm256_castsi256_pd(_mm256_add_epi64(_mm256_and_si256(u, set64(c::mantissa_mask)),
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
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> normal_central(const pd<K>& q) noexcept {
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
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> normal_tail(const pd<K>& p, const pd<K>& q,
                                                      const pd<K>& w) noexcept {
    using c = ppnd16_constants;
    pd<K> neg;
    pd<K> r;
    for (std::size_t k = 0; k < K; ++k) {
        neg.v[k] = _mm256_cmp_pd(q.v[k], _mm256_setzero_pd(), _CMP_LT_OQ);
        r.v[k] = _mm256_blendv_pd(w.v[k], p.v[k], neg.v[k]);
    }
    r = sub(0.0, log_normal(r));
    pd<K> near;
    int near_lanes = 0xf;
    for (std::size_t k = 0; k < K; ++k) {
        r.v[k] = _mm256_sqrt_pd(r.v[k]);
        near.v[k] = _mm256_cmp_pd(r.v[k], set(c::split2), _CMP_LE_OQ);
        near_lanes &= _mm256_movemask_pd(near.v[k]);
    }
    const pd<K> t = sub(r, c::const2);
    pd<K> z = div(horner8(t, c::c0, c::c1, c::c2, c::c3, c::c4, c::c5, c::c6, c::c7),
                  horner8(t, 1.0, c::d1, c::d2, c::d3, c::d4, c::d5, c::d6, c::d7));
    if (CBRNG_UNLIKELY(near_lanes != 0xf)) {
        const pd<K> tf = sub(r, c::split2);
        const pd<K> zf = div(horner8(tf, c::e0, c::e1, c::e2, c::e3, c::e4, c::e5, c::e6, c::e7),
                             horner8(tf, 1.0, c::f1, c::f2, c::f3, c::f4, c::f5, c::f6, c::f7));
        for (std::size_t k = 0; k < K; ++k) z.v[k] = _mm256_blendv_pd(zf.v[k], z.v[k], near.v[k]);
    }
    for (std::size_t k = 0; k < K; ++k)
        z.v[k] = _mm256_xor_pd(z.v[k], _mm256_and_pd(neg.v[k], set(-0.0)));
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

/// Left-packing of 64-bit lanes: for each 4-bit lane mask, the
/// _mm256_permutevar8x32 indices that move the selected lanes, in order, to
/// the bottom, and how many there are.
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

/// The random bits of variates i..i+3 as 52-bit fractions v such that
/// 1 + v * 2^-52 = 1 + u - ulp, for the distribution's u on its grid of step
/// ulp: v = x >> 12 for 64 bits x (normal double, ulp = 2^-53), v = x << 20
/// for 32 bits x (float, ulp = 2^-33; exponential: x = u * 2^32 - 1). The top
/// 12 bits of v are zero.
template <class Word, class Param>
CBRNG_TARGET_AVX2 inline __m256i fraction_bits(const Word* words, std::size_t i,
                                               const Param&) noexcept {
    if constexpr (sizeof(typename Param::distribution_type::result_type) == 8) {
        return _mm256_srli_epi64(load_bits64(words, i), 12);
    } else if constexpr (sizeof(Word) == 8) {
        return _mm256_srli_epi64(_mm256_slli_epi64(load_bits64(words, i), 32), 12);
    } else {
        return _mm256_slli_epi64(_mm256_cvtepu32_epi64(load_bits32x4(words, i)), 20);
    }
}
/// y = 1 + v * 2^-52 in [1, 2).
CBRNG_TARGET_AVX2 inline __m256d one_plus(__m256i v) noexcept {
    return _mm256_castsi256_pd(_mm256_or_si256(v, set64(log_constants::one_bits)));
}

CBRNG_TARGET_AVX2 inline void store4(double* out, __m256d v) noexcept {
    _mm256_storeu_pd(out, v);
}
CBRNG_TARGET_AVX2 inline void store4(float* out, __m256d v) noexcept {
    _mm_storeu_ps(out, _mm256_cvtpd_ps(v));
}

/// normal_batch's block (at most 4096 variates: a variate's index in its
/// block rides in the top 12 bits of its packed fraction) and the number of
/// vectors its central and tail passes compute in lockstep.
inline constexpr std::size_t normal_block = 256;
inline constexpr std::size_t normal_central_k = 8;
inline constexpr std::size_t normal_tail_k = 4;

/// The central pass over K vectors from variate i, index j in its block:
/// writes every lane's central result, and appends the tail lanes'
/// fractions, tagged with their index in the block, to tail_bits. Returns
/// the new number of tail lanes. With y = 1 + v * 2^-52, u = y - (1 - ulp)
/// is exact (the true value is on the grid), and q = u - 1/2 as in the scalar
/// code.
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE std::size_t normal_central_pass(
    const Word* words, std::size_t i, std::size_t j, Real* out, const normal_param<Real>& p,
    std::uint64_t* tail_bits, std::size_t tails) noexcept {
    using c = ppnd16_constants;
    constexpr double ulp = sizeof(Real) == 8 ? 0x1p-53 : 0x1p-33;
    __m256i v[K];
    pd<K> q;
    for (std::size_t k = 0; k < K; ++k) {
        v[k] = fraction_bits(words, i + 4 * k, p);
        q.v[k] = _mm256_sub_pd(_mm256_sub_pd(one_plus(v[k]), set(1.0 - ulp)), set(0.5));
    }
    const pd<K> z =
        add(mul(normal_central(q), static_cast<double>(p.stddev())), static_cast<double>(p.mean()));
    const __m256d abs_mask = _mm256_castsi256_pd(set64(~fp_format<double>::sign_mask));
    for (std::size_t k = 0; k < K; ++k) {
        store4(out + i + 4 * k, z.v[k]);
        const __m256d aq = _mm256_and_pd(q.v[k], abs_mask);
        const int tail_lanes =
            ~_mm256_movemask_pd(_mm256_cmp_pd(aq, set(c::split1), _CMP_LE_OQ)) & 0xf;
        const __m256i at = _mm256_add_epi64(_mm256_setr_epi64x(0, 1, 2, 3), set64(j + 4 * k));
        const __m256i tagged = _mm256_or_si256(v[k], _mm256_slli_epi64(at, 52));
        const __m256i perm =
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(left_pack.index[tail_lanes]));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(tail_bits + tails),
                            _mm256_permutevar8x32_epi32(tagged, perm));
        tails += left_pack.count[tail_lanes];
    }
    return tails;
}

/// The tail pass over K vectors of packed fractions: z[0 .. 4K) = their
/// results, from u = y - (1 - ulp) (exact) as in the central pass.
template <std::size_t K, class Real>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE void normal_tail_pass(const std::uint64_t* tail_bits, double* z,
                                                          const normal_param<Real>& p) noexcept {
    constexpr double ulp = sizeof(Real) == 8 ? 0x1p-53 : 0x1p-33;
    pd<K> y;
    for (std::size_t k = 0; k < K; ++k) {
        const __m256i b = _mm256_load_si256(reinterpret_cast<const __m256i*>(tail_bits + 4 * k));
        y.v[k] = one_plus(_mm256_and_si256(b, set64(log_constants::mantissa_mask)));
    }
    const pd<K> u = sub(y, 1.0 - ulp);
    const pd<K> t = normal_tail(u, sub(u, 0.5), sub(1.0, u));
    const pd<K> r = add(mul(t, static_cast<double>(p.stddev())), static_cast<double>(p.mean()));
    for (std::size_t k = 0; k < K; ++k) _mm256_store_pd(z + 4 * k, r.v[k]);
}

/// normal_from_bits for n variates, by blocks: a first pass computes the
/// central branch for every lane and packs the tail lanes aside, tagged with
/// their index; a second computes the tail branch on full vectors of those
/// and puts the results in place. Each lane goes through exactly the scalar
/// operations of its own branch, so the results are the scalar ones; only
/// which lanes share a vector changes. No branch depends on the data but the
/// far tail's (p below about 1e-11).
template <class Word, class Real>
CBRNG_TARGET_AVX2 void normal_batch(const Word* words, Real* out, std::size_t n,
                                    const normal_param<Real>& p) noexcept {
    constexpr std::size_t kc = normal_central_k;
    constexpr std::size_t kt = normal_tail_k;
    constexpr std::size_t pad = 4 * kt;
    alignas(32) std::uint64_t tail_bits[normal_block + pad];
    alignas(32) double tail_z[normal_block + pad];
    std::size_t i = 0;
    while (i + 4 <= n) {
        const std::size_t base = i;
        const std::size_t end =
            i + (n - i < normal_block ? (n - i) & ~std::size_t{3} : normal_block);
        std::size_t tails = 0;
        for (; i + 4 * kc <= end; i += 4 * kc) {
            tails = normal_central_pass<kc>(words, i, i - base, out, p, tail_bits, tails);
        }
        for (; i < end; i += 4) {
            tails = normal_central_pass<1>(words, i, i - base, out, p, tail_bits, tails);
        }
        // The last tail vectors are completed with a harmless input (u near 0.008).
        for (std::size_t k = 0; k < pad; k += 4) {
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(tail_bits + tails + k),
                                set64(std::uint64_t{1} << 45));
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

/// The inputs u of exponential_from_bits for variates i..i+3 from
/// y = 1 + v * 2^-52 (fraction_bits), each one exact subtraction, the true
/// value being on the grid: for 64 bits x, u = ((x >> 11) + 1) * 2^-53 =
/// y - (1 - 2^-53), or y - (1 - 2^-52) where bit 11 of x is set; for 32 bits
/// x, u = (x + 1) * 2^-32 = y - (1 - 2^-32).
template <class Word>
CBRNG_TARGET_AVX2 inline __m256d exponential_units(const Word* words, std::size_t i,
                                                   const exponential_param<double>& p) noexcept {
    const __m256i x = load_bits64(words, i);
    const __m256d bit11 = _mm256_castsi256_pd(_mm256_slli_epi64(x, 52));  // as the sign
    const __m256d c = _mm256_blendv_pd(set(1.0 - 0x1p-53), set(1.0 - 0x1p-52), bit11);
    return _mm256_sub_pd(one_plus(fraction_bits(words, i, p)), c);
}
template <class Word>
CBRNG_TARGET_AVX2 inline __m256d exponential_units(const Word* words, std::size_t i,
                                                   const exponential_param<float>& p) noexcept {
    return _mm256_sub_pd(one_plus(fraction_bits(words, i, p)), set(1.0 - 0x1p-32));
}

/// Vectors exponential_batch computes in lockstep.
inline constexpr std::size_t exponential_k = 8;

/// exponential_from_bits for K vectors from variate i.
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE void exponential_group(
    const Word* words, std::size_t i, Real* out, const exponential_param<Real>& p) noexcept {
    pd<K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = exponential_units(words, i + 4 * k, p);
    const pd<K> r = div(sub(0.0, log_normal(u)), static_cast<double>(p.lambda()));
    for (std::size_t k = 0; k < K; ++k) store4(out + i + 4 * k, r.v[k]);
}

/// exponential_from_bits for n variates.
template <class Word, class Real>
CBRNG_TARGET_AVX2 void exponential_batch(const Word* words, Real* out, std::size_t n,
                                         const exponential_param<Real>& p) noexcept {
    constexpr std::size_t k = exponential_k;
    std::size_t i = 0;
    for (; i + 4 * k <= n; i += 4 * k) exponential_group<k>(words, i, out, p);
    for (; i + 4 <= n; i += 4) exponential_group<1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// K vectors of 8 floats computed in lockstep, as pd<K> for doubles.
template <std::size_t K>
struct ps {
    __m256 v[K];
};

template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE ps<K> add(const ps<K>& a, const ps<K>& b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_add_ps(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE ps<K> add(const ps<K>& a, float b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_add_ps(a.v[k], _mm256_set1_ps(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE ps<K> sub(const ps<K>& a, float b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_sub_ps(a.v[k], _mm256_set1_ps(b));
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE ps<K> sub(float a, const ps<K>& b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = _mm256_sub_ps(_mm256_set1_ps(a), b.v[k]);
    return r;
}
/// Lane-wise products, each rounded on its own (the vector fp_mul).
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE ps<K> mul(const ps<K>& a, const ps<K>& b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = mul(a.v[k], b.v[k]);
    return r;
}
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE ps<K> mul(const ps<K>& a, float b) noexcept {
    ps<K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = mul(a.v[k], _mm256_set1_ps(b));
    return r;
}

/// detail::log_float for positive normal finite lanes (the only inputs the
/// float normal produces).
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE ps<K> log_float_normal(const ps<K>& x) noexcept {
    using c = log_float_constants;
    ps<K> dk;
    ps<K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const __m256i u =
            _mm256_add_epi32(_mm256_castps_si256(x.v[k]),
                             _mm256_set1_epi32(static_cast<int>(c::one_bits - c::sqrt_half_bits)));
        dk.v[k] =
            _mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_srli_epi32(u, 23), _mm256_set1_epi32(0x7f)));
        m.v[k] = _mm256_castsi256_ps(_mm256_add_epi32(
            _mm256_and_si256(u, _mm256_set1_epi32(static_cast<int>(c::mantissa_mask))),
            _mm256_set1_epi32(static_cast<int>(c::sqrt_half_bits))));
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

/// Vectors normal_float_batch computes in lockstep.
inline constexpr std::size_t normal_float_k = 4;

/// detail::normal_from_bits for float, 8K variates from variate i: the
/// central polynomial for every lane, the tail one (a square root and a
/// second polynomial) only when some lane of the group needs it (w >= 5,
/// 0.34% of lanes), then blended, so each lane goes through exactly the
/// scalar operations of its own branch.
template <std::size_t K, class Word>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE void normal_float_group(const Word* words, std::size_t i,
                                                            float* out,
                                                            const normal_param<float>& p) noexcept {
    using c = normal_float_constants;
    const __m256i low31 = _mm256_set1_epi32(0x7fffffff);
    ps<K> at;
    ps<K> a;
    __m256 sign[K];
    for (std::size_t k = 0; k < K; ++k) {
        const __m256i x = load_bits32x8(words, i + 8 * k);
        // j = (x ^ ((x >> 31) - 1)) & 0x7fffffff, and the sign bit of -z.
        const __m256i flip = _mm256_xor_si256(_mm256_srai_epi32(x, 31), _mm256_set1_epi32(-1));
        const __m256i j = _mm256_and_si256(_mm256_xor_si256(x, flip), low31);
        sign[k] = _mm256_castsi256_ps(_mm256_andnot_si256(low31, flip));
        // half_odd_unit: the scaling by 2^-31 is exact.
        at.v[k] = _mm256_add_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(j), _mm256_set1_ps(0x1p-31f)),
                                _mm256_set1_ps(0x1p-32f));
        a.v[k] = _mm256_add_ps(
            _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_xor_si256(j, low31)), _mm256_set1_ps(0x1p-31f)),
            _mm256_set1_ps(0x1p-32f));
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
    __m256 central[K];
    int central_lanes = 0xff;
    for (std::size_t k = 0; k < K; ++k) {
        central[k] = _mm256_cmp_ps(w.v[k], _mm256_set1_ps(c::split), _CMP_LT_OQ);
        central_lanes &= _mm256_movemask_ps(central[k]);
    }
    if (CBRNG_UNLIKELY(central_lanes != 0xff)) {
        ps<K> s;
        for (std::size_t k = 0; k < K; ++k) s.v[k] = _mm256_sqrt_ps(w.v[k]);
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
            poly.v[k] = _mm256_blendv_ps(tail.v[k], poly.v[k], central[k]);
    }
    ps<K> z = mul(poly, at);
    for (std::size_t k = 0; k < K; ++k) z.v[k] = _mm256_xor_ps(z.v[k], sign[k]);
    const ps<K> r = add(mul(z, p.stddev()), p.mean());
    for (std::size_t k = 0; k < K; ++k) _mm256_storeu_ps(out + i + 8 * k, r.v[k]);
}

/// detail::normal_from_bits for n float variates.
template <class Word>
CBRNG_TARGET_AVX2 void normal_float_batch(const Word* words, float* out, std::size_t n,
                                          const normal_param<float>& p) noexcept {
    constexpr std::size_t k = normal_float_k;
    std::size_t i = 0;
    for (; i + 8 * k <= n; i += 8 * k) normal_float_group<k>(words, i, out, p);
    for (; i + 8 <= n; i += 8) normal_float_group<1>(words, i, out, p);
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
    avx2::normal_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const normal_param<float>& p) noexcept {
    avx2::normal_float_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, double* out, std::size_t n,
                                      const exponential_param<double>& p) noexcept {
    avx2::exponential_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const exponential_param<float>& p) noexcept {
    avx2::exponential_batch(words, out, n, p);
}

// ---------------------------------------------------------------- inversion family
// extreme_value and lognormal: the same lockstep style.

namespace avx2 {

/// The normal grid's u for variates i..i+3 (normal_unit): with
/// y = 1 + v * 2^-52 (fraction_bits), u = y - (1 - ulp), exact (the true
/// value is on the grid), ulp = 2^-53 for double, 2^-33 for float.
template <class Word, class Param>
CBRNG_TARGET_AVX2 inline __m256d normal_grid_units(const Word* words, std::size_t i,
                                                   const Param& p) noexcept {
    constexpr double ulp =
        sizeof(typename Param::distribution_type::result_type) == 8 ? 0x1p-53 : 0x1p-33;
    return _mm256_sub_pd(one_plus(fraction_bits(words, i, p)), set(1.0 - ulp));
}

/// Vectors extreme_value_batch computes in lockstep.
inline constexpr std::size_t extreme_value_k = 8;

/// extreme_value_from_bits for K vectors from variate i:
/// a - b * log(0 - log(u)), both logarithms of positive normal values.
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE void extreme_value_group(
    const Word* words, std::size_t i, Real* out, const extreme_value_param<Real>& p) noexcept {
    pd<K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = normal_grid_units(words, i + 4 * k, p);
    const pd<K> g = log_normal(sub(0.0, log_normal(u)));
    const pd<K> r = sub(static_cast<double>(p.a()), mul(g, static_cast<double>(p.b())));
    for (std::size_t k = 0; k < K; ++k) store4(out + i + 4 * k, r.v[k]);
}

/// extreme_value_from_bits for n variates.
template <class Word, class Real>
CBRNG_TARGET_AVX2 void extreme_value_batch(const Word* words, Real* out, std::size_t n,
                                           const extreme_value_param<Real>& p) noexcept {
    constexpr std::size_t k = extreme_value_k;
    std::size_t i = 0;
    for (; i + 4 * k <= n; i += 4 * k) extreme_value_group<k>(words, i, out, p);
    for (; i + 4 <= n; i += 4) extreme_value_group<1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// detail::exp, lane-wise, for lanes with -708 <= x <= 709 and |x| >= 2^-28
/// (there k is in [-1021, 1023], so scale2 is one exact product and no
/// special case applies). `outside` gets the lanes that are not, which the
/// caller recomputes with the scalar function.
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> exp_main(const pd<K>& x, int (&outside)[K]) noexcept {
    using c = exp_constants;
    using l = log_constants;
    pd<K> dk;
    pd<K> scale;
    const __m256d sign = set(-0.0);
    for (std::size_t k = 0; k < K; ++k) {
        const __m256d ax = _mm256_andnot_pd(sign, x.v[k]);
        const __m256d ok =
            _mm256_and_pd(_mm256_and_pd(_mm256_cmp_pd(x.v[k], set(-708.0), _CMP_GE_OQ),
                                        _mm256_cmp_pd(x.v[k], set(709.0), _CMP_LE_OQ)),
                          _mm256_cmp_pd(ax, set(0x1p-28), _CMP_GE_OQ));
        outside[k] = ~_mm256_movemask_pd(ok) & 0xf;
        // k = (int)(x * invln2 +- 0.5), truncating as the scalar cast does.
        const __m256d half = _mm256_or_pd(set(0.5), _mm256_and_pd(sign, x.v[k]));
        const __m128i ki = _mm256_cvttpd_epi32(_mm256_add_pd(mul(x.v[k], set(c::invln2)), half));
        dk.v[k] = _mm256_cvtepi32_pd(ki);
        // 2^k from its encoding ((k + 1023) << 52); garbage in outside lanes.
        const __m256i e = _mm256_add_epi64(_mm256_cvtepi32_epi64(ki), set64(0x3ff));
        scale.v[k] = _mm256_castsi256_pd(_mm256_slli_epi64(e, 52));
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

/// Vectors lognormal_exp computes in lockstep.
inline constexpr std::size_t lognormal_k = 4;

/// out[0 .. 4K) = detail::exp(x[0 .. 4K)).
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE void exp_group(const double* x, double* out) noexcept {
    pd<K> v;
    for (std::size_t k = 0; k < K; ++k) v.v[k] = _mm256_loadu_pd(x + 4 * k);
    int outside[K];
    const pd<K> r = exp_main(v, outside);
    for (std::size_t k = 0; k < K; ++k) {
        _mm256_storeu_pd(out + 4 * k, r.v[k]);
        if (CBRNG_UNLIKELY(outside[k] != 0)) {
            for (std::size_t lane = 0; lane < 4; ++lane) {
                if ((outside[k] >> lane) & 1) out[4 * k + lane] = detail::exp(x[4 * k + lane]);
            }
        }
    }
}

/// lognormal_from_bits for n double variates: exp of the normal batch with
/// mean m and stddev s, which is m + s * z for the same bits exactly as the
/// scalar code forms it, computed in place in out.
template <class Word>
CBRNG_TARGET_AVX2 void lognormal_batch(const Word* words, double* out, std::size_t n,
                                       const lognormal_param<double>& p) noexcept {
    constexpr std::size_t k = lognormal_k;
    normal_batch(words, out, n, normal_param<double>(p.m(), p.s()));
    std::size_t i = 0;
    for (; i + 4 * k <= n; i += 4 * k) exp_group<k>(out + i, out + i);
    for (; i + 4 <= n; i += 4) exp_group<1>(out + i, out + i);
    for (; i < n; ++i) out[i] = detail::exp(out[i]);
}

/// Vectors weibull_batch computes in lockstep.
inline constexpr std::size_t weibull_k = 4;

/// weibull_from_bits for K vectors from variate i: b * exp(g / a) with g
/// extreme_value's log(0 - log(u)); lanes outside exp_main's range go
/// through the scalar exp.
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE void weibull_group(const Word* words, std::size_t i, Real* out,
                                                       const weibull_param<Real>& p) noexcept {
    const double b = static_cast<double>(p.b());
    pd<K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = normal_grid_units(words, i + 4 * k, p);
    const pd<K> x = div(log_normal(sub(0.0, log_normal(u))), static_cast<double>(p.a()));
    int outside[K];
    const pd<K> r = mul(exp_main(x, outside), b);
    for (std::size_t k = 0; k < K; ++k) {
        store4(out + i + 4 * k, r.v[k]);
        if (CBRNG_UNLIKELY(outside[k] != 0)) {
            alignas(64) double xs[4];
            _mm256_storeu_pd(xs, x.v[k]);
            for (std::size_t lane = 0; lane < 4; ++lane) {
                if ((outside[k] >> lane) & 1) {
                    out[i + 4 * k + lane] = static_cast<Real>(fp_mul(b, detail::exp(xs[lane])));
                }
            }
        }
    }
}

/// weibull_from_bits for n variates.
template <class Word, class Real>
CBRNG_TARGET_AVX2 void weibull_batch(const Word* words, Real* out, std::size_t n,
                                     const weibull_param<Real>& p) noexcept {
    constexpr std::size_t k = weibull_k;
    std::size_t i = 0;
    for (; i + 4 * k <= n; i += 4 * k) weibull_group<k>(words, i, out, p);
    for (; i + 4 <= n; i += 4) weibull_group<1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// Vectors cauchy_batch computes in lockstep.
inline constexpr std::size_t cauchy_k = 4;

/// Lanes of x with their low 32 bits cleared (detail::high_word).
CBRNG_TARGET_AVX2 inline __m256d high_word(__m256d x) noexcept {
    return _mm256_and_pd(x, _mm256_castsi256_pd(set64(tan_constants::high_word_mask)));
}

/// detail::tan_pi for K vectors of t in (-1/2, 1/2), t != 0: both branches
/// of the reduction and of the kernel are computed for every lane and
/// selected lane by lane, so each lane goes through exactly the scalar
/// operations of its own branches.
template <std::size_t K>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE pd<K> tan_pi(const pd<K>& t) noexcept {
    using c = tan_constants;
    const __m256d sign = set(-0.0);
    __m256d neg[K];
    __m256d odd[K];
    __m256d big[K];
    pd<K> s;
    for (std::size_t k = 0; k < K; ++k) {
        neg[k] = _mm256_cmp_pd(t.v[k], _mm256_setzero_pd(), _CMP_LT_OQ);
        const __m256d at = _mm256_andnot_pd(sign, t.v[k]);
        odd[k] = _mm256_cmp_pd(at, set(0.25), _CMP_GT_OQ);
        s.v[k] = _mm256_blendv_pd(at, _mm256_sub_pd(set(0.5), at), odd[k]);
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
        big[k] = _mm256_cmp_pd(x.v[k], set(c::big), _CMP_GE_OQ);
        const __m256d xb = _mm256_add_pd(_mm256_sub_pd(set(c::pio4), x.v[k]),
                                         _mm256_sub_pd(set(c::pio4_lo), y.v[k]));
        x.v[k] = _mm256_blendv_pd(x.v[k], xb, big[k]);
        y.v[k] = _mm256_blendv_pd(y.v[k], _mm256_setzero_pd(), big[k]);
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
    for (std::size_t k = 0; k < K; ++k) one.v[k] = _mm256_blendv_pd(set(1.0), set(-1.0), odd[k]);
    // Big lanes: one - 2 (x - (sum^2 / (sum + one) - r)).
    const pd<K> res_big = sub(one, mul(sub(x, sub(div(mul(sum, sum), add(sum, one)), r)), 2.0));
    // Odd lanes: the compensated -1 / (x + r).
    pd<K> zh;
    pd<K> a;
    for (std::size_t k = 0; k < K; ++k) {
        zh.v[k] = high_word(sum.v[k]);
        a.v[k] = _mm256_div_pd(set(-1.0), sum.v[k]);
    }
    const pd<K> vv = sub(r, sub(zh, x));
    pd<K> th;
    for (std::size_t k = 0; k < K; ++k) th.v[k] = high_word(a.v[k]);
    const pd<K> e = add(mul(th, zh), 1.0);
    const pd<K> res_odd = add(th, mul(a, add(e, mul(th, vv))));
    pd<K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const __m256d small = _mm256_blendv_pd(sum.v[k], res_odd.v[k], odd[k]);
        const __m256d kernel = _mm256_blendv_pd(small, res_big.v[k], big[k]);
        // tan(pi |t|) is -kernel on odd lanes; then t's sign.
        m.v[k] = _mm256_xor_pd(kernel, _mm256_and_pd(_mm256_xor_pd(odd[k], neg[k]), sign));
    }
    return m;
}

/// cauchy_from_bits for K vectors from variate i: a + b * tan_pi(u - 1/2).
template <std::size_t K, class Word, class Real>
CBRNG_TARGET_AVX2 CBRNG_FORCEINLINE void cauchy_group(const Word* words, std::size_t i, Real* out,
                                                      const cauchy_param<Real>& p) noexcept {
    pd<K> t;
    for (std::size_t k = 0; k < K; ++k)
        t.v[k] = _mm256_sub_pd(normal_grid_units(words, i + 4 * k, p), set(0.5));
    const pd<K> r = add(mul(tan_pi(t), static_cast<double>(p.b())), static_cast<double>(p.a()));
    for (std::size_t k = 0; k < K; ++k) store4(out + i + 4 * k, r.v[k]);
}

/// cauchy_from_bits for n variates.
template <class Word, class Real>
CBRNG_TARGET_AVX2 void cauchy_batch(const Word* words, Real* out, std::size_t n,
                                    const cauchy_param<Real>& p) noexcept {
    constexpr std::size_t k = cauchy_k;
    std::size_t i = 0;
    for (; i + 4 * k <= n; i += 4 * k) cauchy_group<k>(words, i, out, p);
    for (; i + 4 <= n; i += 4) cauchy_group<1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

}  // namespace avx2

template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, double* out, std::size_t n,
                                      const extreme_value_param<double>& p) noexcept {
    avx2::extreme_value_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const extreme_value_param<float>& p) noexcept {
    avx2::extreme_value_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, double* out, std::size_t n,
                                      const lognormal_param<double>& p) noexcept {
    avx2::lognormal_batch(words, out, n, p);
}
/// Float lognormal variates: the scalar reference (their z comes from the
/// 32-bit grid, which the normal batch only produces rounded to float).
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const lognormal_param<float>& p) noexcept {
    transform_scalar(words, out, n, p);
}

template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, double* out, std::size_t n,
                                      const weibull_param<double>& p) noexcept {
    avx2::weibull_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const weibull_param<float>& p) noexcept {
    avx2::weibull_batch(words, out, n, p);
}

template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, double* out, std::size_t n,
                                      const cauchy_param<double>& p) noexcept {
    avx2::cauchy_batch(words, out, n, p);
}
template <class Word>
CBRNG_TARGET_AVX2 void transform_avx2(const Word* words, float* out, std::size_t n,
                                      const cauchy_param<float>& p) noexcept {
    avx2::cauchy_batch(words, out, n, p);
}

}  // namespace CBRNG_SIMD_ABI
}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_HAS_X86_SIMD

#endif  // CBRNG_DETAIL_TRANSFORM_AVX2_HPP
