// cbrng/detail/simd/kernels/transform.inl: the batch transforms from raw
// generator words to uniform_real, normal, exponential, extreme_value,
// lognormal, weibull and cauchy variates (detail/transform.hpp), written once
// over a vector layer O (ops_real_emu.hpp, ops_real_avx2.hpp,
// ops_real_avx512.hpp). Included only by ../transforms.hpp, inside a per-ISA
// namespace with CBRNG_SIMD_FN and CBRNG_SIMD_ENTRY defined; see the rules at
// the top of ../kernels.hpp. No #include here.
//
// The arithmetic replays the scalar functions (detail/math.hpp,
// math_float.hpp, math_trig.hpp, distributions/*.hpp) operation for
// operation on O::dlanes double (or O::flanes float) lanes, so every path
// returns the scalar bits; every inexact product goes through O::mul, whose
// empty asm barrier stops the compiler from contracting it into an FMA.
// Where the vector code forms an input differently from the scalar code (the
// unit value u of the normal and exponential transforms), the true value is
// representable, so both get it exactly. Leftover elements (n not a multiple
// of the vector width) go through the scalar reference.
//
// Speed (docs/performance-fill.md): the logarithm and the rationals of the
// normal quantile are long chains of dependent operations, and one chain per
// loop iteration leaves the core mostly waiting. The kernels therefore work
// on K vectors in lockstep (pack<K>: each operation issued for all K before
// the next; K is a constant of the layer), and the normal quantile takes its
// two branches in two passes: the central one for every lane, then the tail
// one only for the lanes that need it (about 15%), packed into full vectors
// (O::compress_store: a compress on AVX-512, a permutation table on AVX2).
// The float normal (detail/math_float.hpp) is float work on float lanes: its
// central polynomial for every lane, the tail one only for groups where some
// lane needs it (0.34% of lanes), blended.

/// K vectors of type V computed in lockstep: each operation below is issued
/// for all K before the next, so K independent dependency chains are in
/// flight. Lanes never influence each other.
template <class O, class V, std::size_t K>
struct pack {
    V v[K];
};
template <class O, std::size_t K>
using pd = pack<O, typename O::vd, K>;
template <class O, std::size_t K>
using ps = pack<O, typename O::vf, K>;

template <class O, class V, std::size_t K>
CBRNG_SIMD_FN pack<O, V, K> add(const pack<O, V, K>& a, const pack<O, V, K>& b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = a.v[k] + b.v[k];
    return r;
}
template <class O, class V, std::size_t K, class S>
CBRNG_SIMD_FN pack<O, V, K> add(const pack<O, V, K>& a, S b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = a.v[k] + O::set(b);
    return r;
}
template <class O, class V, std::size_t K>
CBRNG_SIMD_FN pack<O, V, K> sub(const pack<O, V, K>& a, const pack<O, V, K>& b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = a.v[k] - b.v[k];
    return r;
}
template <class O, class V, std::size_t K, class S>
CBRNG_SIMD_FN pack<O, V, K> sub(const pack<O, V, K>& a, S b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = a.v[k] - O::set(b);
    return r;
}
template <class O, class V, std::size_t K, class S>
CBRNG_SIMD_FN pack<O, V, K> sub(S a, const pack<O, V, K>& b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = O::set(a) - b.v[k];
    return r;
}
/// Lane-wise products, each rounded on its own (the vector fp_mul).
template <class O, class V, std::size_t K>
CBRNG_SIMD_FN pack<O, V, K> mul(const pack<O, V, K>& a, const pack<O, V, K>& b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = O::mul(a.v[k], b.v[k]);
    return r;
}
template <class O, class V, std::size_t K, class S>
CBRNG_SIMD_FN pack<O, V, K> mul(const pack<O, V, K>& a, S b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = O::mul(a.v[k], O::set(b));
    return r;
}
template <class O, class V, std::size_t K>
CBRNG_SIMD_FN pack<O, V, K> div(const pack<O, V, K>& a, const pack<O, V, K>& b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = a.v[k] / b.v[k];
    return r;
}
template <class O, class V, std::size_t K, class S>
CBRNG_SIMD_FN pack<O, V, K> div(const pack<O, V, K>& a, S b) noexcept {
    pack<O, V, K> r;
    for (std::size_t k = 0; k < K; ++k) r.v[k] = a.v[k] / O::set(b);
    return r;
}

/// All lanes' bits of a double mask.
template <class O>
inline constexpr unsigned all_dlanes = (1u << O::dlanes) - 1u;
template <class O>
inline constexpr unsigned all_flanes = (1u << O::flanes) - 1u;

/// detail::horner8, lane-wise: ((c7*x + c6)*x + ... )*x + c0.
template <class O, std::size_t K>
CBRNG_SIMD_FN pd<O, K> horner8(const pd<O, K>& x, double c0, double c1, double c2, double c3,
                               double c4, double c5, double c6, double c7) noexcept {
    pd<O, K> p = add(mul(x, c7), c6);
    p = add(mul(p, x), c5);
    p = add(mul(p, x), c4);
    p = add(mul(p, x), c3);
    p = add(mul(p, x), c2);
    p = add(mul(p, x), c1);
    return add(mul(p, x), c0);
}

/// detail::log for positive normal finite lanes (the only inputs the
/// distributions produce).
template <class O, std::size_t K>
CBRNG_SIMD_FN pd<O, K> log_normal(const pd<O, K>& x) noexcept {
    using c = log_constants;
    pd<O, K> dk;
    pd<O, K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const typename O::vq u = O::bits(x.v[k]) + O::set64(c::one_bits - c::sqrt_half_bits);
        dk.v[k] = O::int_minus(u >> 52, 1023.0);  // exact
        m.v[k] = O::from_bits((u & O::set64(c::mantissa_mask)) + O::set64(c::sqrt_half_bits));
    }
    const pd<O, K> f = sub(m, 1.0);
    const pd<O, K> hfsq = mul(mul(f, f), 0.5);
    const pd<O, K> s = div(f, add(f, 2.0));
    const pd<O, K> z = mul(s, s);
    const pd<O, K> w = mul(z, z);
    const pd<O, K> t1 = mul(w, add(mul(w, add(mul(w, c::lg6), c::lg4)), c::lg2));
    const pd<O, K> t2 =
        mul(z, add(mul(w, add(mul(w, add(mul(w, c::lg7), c::lg5)), c::lg3)), c::lg1));
    const pd<O, K> r = add(t2, t1);
    const pd<O, K> inner = add(mul(s, add(hfsq, r)), mul(dk, c::ln2_lo));
    return sub(mul(dk, c::ln2_hi), sub(sub(hfsq, inner), f));
}

/// The central branch of detail::normal_quantile (|q| <= 0.425) for
/// q = p - 1/2, lane-wise. Lanes outside it get a value nobody uses.
template <class O, std::size_t K>
CBRNG_SIMD_FN pd<O, K> normal_central(const pd<O, K>& q) noexcept {
    using c = ppnd16_constants;
    const pd<O, K> r = sub(c::const1, mul(q, q));
    const pd<O, K> num = horner8(r, c::a0, c::a1, c::a2, c::a3, c::a4, c::a5, c::a6, c::a7);
    const pd<O, K> den = horner8(r, 1.0, c::b1, c::b2, c::b3, c::b4, c::b5, c::b6, c::b7);
    return div(mul(q, num), den);
}

/// The tail branch of detail::normal_quantile (|q| > 0.425), lane-wise, for
/// p, q = p - 1/2 and w = 1 - p: r = sqrt(-log(min(p, w))), then the rational
/// for r <= 5, and where any lane needs it (p below about 1e-11) the one for
/// r > 5.
template <class O, std::size_t K>
CBRNG_SIMD_FN pd<O, K> normal_tail(const pd<O, K>& p, const pd<O, K>& q,
                                   const pd<O, K>& w) noexcept {
    using c = ppnd16_constants;
    typename O::dmask neg[K];
    pd<O, K> r;
    for (std::size_t k = 0; k < K; ++k) {
        neg[k] = O::lt(q.v[k], O::set(0.0));
        r.v[k] = O::select(neg[k], p.v[k], w.v[k]);
    }
    r = sub(0.0, log_normal(r));
    typename O::dmask near[K];
    unsigned near_lanes = all_dlanes<O>;
    for (std::size_t k = 0; k < K; ++k) {
        r.v[k] = O::sqrt(r.v[k]);
        near[k] = O::le(r.v[k], O::set(c::split2));
        near_lanes &= O::lanes_of(near[k]);
    }
    const pd<O, K> t = sub(r, c::const2);
    pd<O, K> z = div(horner8(t, c::c0, c::c1, c::c2, c::c3, c::c4, c::c5, c::c6, c::c7),
                     horner8(t, 1.0, c::d1, c::d2, c::d3, c::d4, c::d5, c::d6, c::d7));
    if (CBRNG_UNLIKELY(near_lanes != all_dlanes<O>)) {
        const pd<O, K> tf = sub(r, c::split2);
        const pd<O, K> zf = div(horner8(tf, c::e0, c::e1, c::e2, c::e3, c::e4, c::e5, c::e6, c::e7),
                                horner8(tf, 1.0, c::f1, c::f2, c::f3, c::f4, c::f5, c::f6, c::f7));
        for (std::size_t k = 0; k < K; ++k) z.v[k] = O::select(near[k], z.v[k], zf.v[k]);
    }
    for (std::size_t k = 0; k < K; ++k) z.v[k] = O::negate_where(neg[k], z.v[k]);
    return z;
}

/// O::dlanes variates' worth of 64 bits from variate i: one 64-bit word
/// each, or two 32-bit words (low word first, which on little-endian x86 is
/// one 64-bit load).
template <class O, class Word>
CBRNG_SIMD_FN typename O::vq load_bits64(const Word* words, std::size_t i) noexcept {
    return O::load64(words + i * (8 / sizeof(Word)));
}

template <class O, class Word>
CBRNG_SIMD_ENTRY void uniform_double(const Word* words, double* out, std::size_t n,
                                     const uniform_real_param<double>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    const double a = p.a();
    const double b = p.b();
    const double span = b - a;
    std::size_t i = 0;
    if (is_finite(span)) {  // else: the rare halved formula, left to the scalar path
        const double alt = a < b ? next_below(b) : a;
        const typename O::vd va = O::set(a), vb = O::set(b), vspan = O::set(span),
                             valt = O::set(alt);
        for (; i + L <= n; i += L) {
            const typename O::vd r = va + O::mul(vspan, O::unit53(load_bits64<O>(words, i)));
            O::store(out + i, O::select(O::lt(r, vb), r, valt));
        }
    }
    transform_scalar(words + i * batch_words_per_variate<double, Word>, out + i, n - i, p);
}

template <class O, class Word>
CBRNG_SIMD_ENTRY void uniform_float(const Word* words, float* out, std::size_t n,
                                    const uniform_real_param<float>& p) noexcept {
    constexpr std::size_t L = O::flanes;
    const float a = p.a();
    const float b = p.b();
    const float span = b - a;
    std::size_t i = 0;
    if (is_finite(span)) {
        const float alt = a < b ? next_below(b) : a;
        const typename O::vf va = O::set(a), vb = O::set(b), vspan = O::set(span),
                             valt = O::set(alt);
        const typename O::vf scale = O::set(0x1p-24f);
        for (; i + L <= n; i += L) {
            const typename O::vw w = O::load32(words + i) >> 8;
            const typename O::vf u = O::cvt_i32(w) * scale;  // exact
            const typename O::vf r = va + O::mul(vspan, u);
            O::store(out + i, O::select(O::lt(r, vb), r, valt));
        }
    }
    transform_scalar(words + i, out + i, n - i, p);
}

/// The random bits of variates i .. i + dlanes as 52-bit fractions v such
/// that 1 + v * 2^-52 = 1 + u - ulp, for the distribution's u on its grid of
/// step ulp: v = x >> 12 for 64 bits x (double, ulp = 2^-53), v = x << 20 for
/// 32 bits x (float, ulp = 2^-33; exponential: x = u * 2^32 - 1). The top 12
/// bits of v are zero.
template <class O, class Word, class Param>
CBRNG_SIMD_FN typename O::vq fraction_bits(const Word* words, std::size_t i,
                                           const Param&) noexcept {
    if constexpr (sizeof(typename Param::distribution_type::result_type) == 8) {
        return load_bits64<O>(words, i) >> 12;
    } else if constexpr (sizeof(Word) == 8) {
        return (O::load64(words + i) << 32) >> 12;
    } else {
        return O::load32_wide(words + i) << 20;
    }
}
/// y = 1 + v * 2^-52 in [1, 2).
template <class O>
CBRNG_SIMD_FN typename O::vd one_plus(typename O::vq v) noexcept {
    return O::from_bits(v | O::set64(log_constants::one_bits));
}

/// normal_batch's block (at most 4096 variates: a variate's index in its
/// block rides in the top 12 bits of its packed fraction).
inline constexpr std::size_t normal_block = 256;

/// The central pass over K vectors from variate i, index j in its block:
/// writes every lane's central result, and appends the tail lanes'
/// fractions, tagged with their index in the block, to tail_bits. Returns
/// the new number of tail lanes. With y = 1 + v * 2^-52, u = y - (1 - ulp)
/// is exact (the true value is on the grid), and q = u - 1/2 as in the scalar
/// code.
template <class O, std::size_t K, class Word, class Real>
CBRNG_SIMD_FN std::size_t normal_central_pass(const Word* words, std::size_t i, std::size_t j,
                                              Real* out, const normal_param<Real>& p,
                                              std::uint64_t* tail_bits,
                                              std::size_t tails) noexcept {
    using c = ppnd16_constants;
    constexpr std::size_t L = O::dlanes;
    constexpr double ulp = sizeof(Real) == 8 ? 0x1p-53 : 0x1p-33;
    typename O::vq v[K];
    pd<O, K> q;
    for (std::size_t k = 0; k < K; ++k) {
        v[k] = fraction_bits<O>(words, i + L * k, p);
        q.v[k] = (one_plus<O>(v[k]) - O::set(1.0 - ulp)) - O::set(0.5);
    }
    const pd<O, K> z =
        add(mul(normal_central(q), static_cast<double>(p.stddev())), static_cast<double>(p.mean()));
    for (std::size_t k = 0; k < K; ++k) {
        O::store(out + i + L * k, z.v[k]);
        const typename O::vd aq = O::abs(q.v[k]);
        const typename O::dmask tail_lanes = O::gt(aq, O::set(c::split1));  // q is never NaN
        const typename O::vq at = O::iota() + O::set64(j + L * k);
        tails += O::compress_store(tail_bits + tails, v[k] | (at << 52), tail_lanes);
    }
    return tails;
}

/// The tail pass over K vectors of packed fractions: z[0 .. dlanes K) = their
/// results, from u = y - (1 - ulp) (exact) as in the central pass.
template <class O, std::size_t K, class Real>
CBRNG_SIMD_FN void normal_tail_pass(const std::uint64_t* tail_bits, double* z,
                                    const normal_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    constexpr double ulp = sizeof(Real) == 8 ? 0x1p-53 : 0x1p-33;
    pd<O, K> y;
    for (std::size_t k = 0; k < K; ++k) {
        y.v[k] = one_plus<O>(O::load64(tail_bits + L * k) & O::set64(log_constants::mantissa_mask));
    }
    const pd<O, K> u = sub(y, 1.0 - ulp);
    const pd<O, K> t = normal_tail(u, sub(u, 0.5), sub(1.0, u));
    const pd<O, K> r = add(mul(t, static_cast<double>(p.stddev())), static_cast<double>(p.mean()));
    for (std::size_t k = 0; k < K; ++k) O::store(z + L * k, r.v[k]);
}

/// normal_from_bits for n variates, by blocks: a first pass computes the
/// central branch for every lane and packs the tail lanes aside, tagged with
/// their index; a second computes the tail branch on full vectors of those
/// and puts the results in place. Each lane goes through exactly the scalar
/// operations of its own branch, so the results are the scalar ones; only
/// which lanes share a vector changes. No branch depends on the data but the
/// far tail's (p below about 1e-11).
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void normal_batch(const Word* words, Real* out, std::size_t n,
                                   const normal_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    constexpr std::size_t kc = O::normal_central_k;
    constexpr std::size_t kt = O::normal_tail_k;
    constexpr std::size_t pad = L * kt;
    alignas(64) std::uint64_t tail_bits[normal_block + pad];
    alignas(64) double tail_z[normal_block + pad];
    std::size_t i = 0;
    while (i + L <= n) {
        const std::size_t base = i;
        const std::size_t end = i + (n - i < normal_block ? (n - i) & ~(L - 1) : normal_block);
        std::size_t tails = 0;
        for (; i + L * kc <= end; i += L * kc) {
            tails = normal_central_pass<O, kc>(words, i, i - base, out, p, tail_bits, tails);
        }
        for (; i < end; i += L) {
            tails = normal_central_pass<O, 1>(words, i, i - base, out, p, tail_bits, tails);
        }
        // The last tail vectors are completed with a harmless input (u near 0.008).
        for (std::size_t k = 0; k < pad; k += L) {
            O::store(tail_bits + tails + k, O::set64(std::uint64_t{1} << 45));
        }
        for (std::size_t k = 0; k < tails; k += pad) {
            normal_tail_pass<O, kt>(tail_bits + k, tail_z + k, p);
        }
        for (std::size_t k = 0; k < tails; ++k) {
            const Real v = static_cast<Real>(tail_z[k]);
            std::memcpy(out + base + (tail_bits[k] >> 52), &v, sizeof v);
        }
    }
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// The inputs u of exponential_from_bits for variates i .. i + dlanes from
/// y = 1 + v * 2^-52 (fraction_bits), each one exact subtraction, the true
/// value being on the grid: for 64 bits x, u = ((x >> 11) + 1) * 2^-53 =
/// y - (1 - 2^-53), or y - (1 - 2^-52) where bit 11 of x is set; for 32 bits
/// x, u = (x + 1) * 2^-32 = y - (1 - 2^-32).
template <class O, class Word>
CBRNG_SIMD_FN typename O::vd exponential_units(const Word* words, std::size_t i,
                                               const exponential_param<double>& p) noexcept {
    const typename O::dmask bit11 = O::test(load_bits64<O>(words, i), 0x800u);
    const typename O::vd c = O::select(bit11, O::set(1.0 - 0x1p-52), O::set(1.0 - 0x1p-53));
    return one_plus<O>(fraction_bits<O>(words, i, p)) - c;
}
template <class O, class Word>
CBRNG_SIMD_FN typename O::vd exponential_units(const Word* words, std::size_t i,
                                               const exponential_param<float>& p) noexcept {
    return one_plus<O>(fraction_bits<O>(words, i, p)) - O::set(1.0 - 0x1p-32);
}

/// exponential_from_bits for K vectors from variate i.
template <class O, std::size_t K, class Word, class Real>
CBRNG_SIMD_FN void exponential_group(const Word* words, std::size_t i, Real* out,
                                     const exponential_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    pd<O, K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = exponential_units<O>(words, i + L * k, p);
    const pd<O, K> r = div(sub(0.0, log_normal(u)), static_cast<double>(p.lambda()));
    for (std::size_t k = 0; k < K; ++k) O::store(out + i + L * k, r.v[k]);
}

/// exponential_from_bits for n variates.
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void exponential_batch(const Word* words, Real* out, std::size_t n,
                                        const exponential_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    constexpr std::size_t k = O::exponential_k;
    std::size_t i = 0;
    for (; i + L * k <= n; i += L * k) exponential_group<O, k>(words, i, out, p);
    for (; i + L <= n; i += L) exponential_group<O, 1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// detail::log_float for positive normal finite lanes (the only inputs the
/// float normal produces).
template <class O, std::size_t K>
CBRNG_SIMD_FN ps<O, K> log_float_normal(const ps<O, K>& x) noexcept {
    using c = log_float_constants;
    ps<O, K> dk;
    ps<O, K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const typename O::vw u = O::bits(x.v[k]) + O::set32(c::one_bits - c::sqrt_half_bits);
        dk.v[k] = O::cvt_i32((u >> 23) - O::set32(0x7f));
        m.v[k] = O::from_bits((u & O::set32(c::mantissa_mask)) + O::set32(c::sqrt_half_bits));
    }
    const ps<O, K> f = sub(m, 1.0f);
    const ps<O, K> f2 = mul(f, f);
    const ps<O, K> f4 = mul(f2, f2);
    const ps<O, K> lo = add(mul(f2, add(mul(f, c::q5), c::q6)), add(mul(f, c::q7), c::q8));
    const ps<O, K> hi = add(mul(f2, add(mul(f, c::q1), c::q2)), add(mul(f, c::q3), c::q4));
    const ps<O, K> q = add(mul(f4, add(mul(f4, c::q0), hi)), lo);
    const ps<O, K> r = mul(f2, q);
    return add(mul(dk, c::ln2_hi), add(f, add(r, mul(dk, c::ln2_lo))));
}

/// detail::normal_from_bits for float, flanes K variates from variate i: the
/// central polynomial for every lane, the tail one (a square root and a
/// second polynomial) only when some lane of the group needs it (w >= 5,
/// 0.34% of lanes), then blended, so each lane goes through exactly the
/// scalar operations of its own branch.
template <class O, std::size_t K, class Word>
CBRNG_SIMD_FN void normal_float_group(const Word* words, std::size_t i, float* out,
                                      const normal_param<float>& p) noexcept {
    using c = normal_float_constants;
    using vw = typename O::vw;
    using vfi = typename O::vfi;
    constexpr std::size_t L = O::flanes;
    const vw low31 = O::set32(0x7fffffff);
    const typename O::vf scale = O::set(0x1p-31f), half_ulp = O::set(0x1p-32f);
    ps<O, K> at;
    ps<O, K> a;
    vw sign[K];
    for (std::size_t k = 0; k < K; ++k) {
        const vw x = O::load32(words + i + L * k);
        // j = (x ^ ((x >> 31) - 1)) & 0x7fffffff, and the sign bit of -z.
        const vw flip = reinterpret_cast<vw>(reinterpret_cast<vfi>(x) >> 31) ^ O::set32(~0u);
        const vw j = (x ^ flip) & low31;
        sign[k] = flip & ~low31;
        // half_odd_unit: the scaling by 2^-31 is exact.
        at.v[k] = O::cvt_i32(j) * scale + half_ulp;
        a.v[k] = O::cvt_i32(j ^ low31) * scale + half_ulp;
    }
    const ps<O, K> w = sub(0.0f, log_float_normal(mul(a, sub(2.0f, a))));
    // normal_float_central: even and odd parts by Horner's rule.
    const ps<O, K> w2 = mul(w, w);
    ps<O, K> even = add(mul(w2, c::c1), c::c3);
    ps<O, K> odd = add(mul(w2, c::c0), c::c2);
    even = add(mul(even, w2), c::c5);
    odd = add(mul(odd, w2), c::c4);
    even = add(mul(even, w2), c::c7);
    odd = add(mul(odd, w2), c::c6);
    even = add(mul(even, w2), c::c9);
    odd = add(mul(odd, w2), c::c8);
    ps<O, K> poly = add(mul(odd, w), even);
    typename O::fmask central[K];
    unsigned central_lanes = all_flanes<O>;
    for (std::size_t k = 0; k < K; ++k) {
        central[k] = O::lt(w.v[k], O::set(c::split));
        central_lanes &= O::lanes_of(central[k]);
    }
    if (CBRNG_UNLIKELY(central_lanes != all_flanes<O>)) {
        ps<O, K> s;
        for (std::size_t k = 0; k < K; ++k) s.v[k] = O::sqrt(w.v[k]);
        s = sub(s, c::tail_mid);
        ps<O, K> tail = add(mul(s, c::e0), c::e1);
        tail = add(mul(tail, s), c::e2);
        tail = add(mul(tail, s), c::e3);
        tail = add(mul(tail, s), c::e4);
        tail = add(mul(tail, s), c::e5);
        tail = add(mul(tail, s), c::e6);
        tail = add(mul(tail, s), c::e7);
        tail = add(mul(tail, s), c::e8);
        tail = add(mul(tail, s), c::e9);
        tail = add(mul(tail, s), c::e10);
        for (std::size_t k = 0; k < K; ++k) {
            poly.v[k] = O::select(central[k], poly.v[k], tail.v[k]);
        }
    }
    ps<O, K> z = mul(poly, at);
    for (std::size_t k = 0; k < K; ++k) z.v[k] = O::from_bits(O::bits(z.v[k]) ^ sign[k]);
    const ps<O, K> r = add(mul(z, p.stddev()), p.mean());
    for (std::size_t k = 0; k < K; ++k) O::store(out + i + L * k, r.v[k]);
}

/// detail::normal_from_bits for n float variates.
template <class O, class Word>
CBRNG_SIMD_ENTRY void normal_float_batch(const Word* words, float* out, std::size_t n,
                                         const normal_param<float>& p) noexcept {
    constexpr std::size_t L = O::flanes;
    constexpr std::size_t k = O::normal_float_k;
    std::size_t i = 0;
    for (; i + L * k <= n; i += L * k) normal_float_group<O, k>(words, i, out, p);
    for (; i + L <= n; i += L) normal_float_group<O, 1>(words, i, out, p);
    transform_scalar(words + i, out + i, n - i, p);
}

// ---------------------------------------------------------------- inversion family
// extreme_value, lognormal, weibull and cauchy: the same lockstep style.

/// The normal grid's u for variates i .. i + dlanes (normal_unit): with
/// y = 1 + v * 2^-52 (fraction_bits), u = y - (1 - ulp), exact (the true
/// value is on the grid), ulp = 2^-53 for double, 2^-33 for float.
template <class O, class Word, class Param>
CBRNG_SIMD_FN typename O::vd normal_grid_units(const Word* words, std::size_t i,
                                               const Param& p) noexcept {
    constexpr double ulp =
        sizeof(typename Param::distribution_type::result_type) == 8 ? 0x1p-53 : 0x1p-33;
    return one_plus<O>(fraction_bits<O>(words, i, p)) - O::set(1.0 - ulp);
}

/// extreme_value_from_bits for K vectors from variate i:
/// a - b * log(0 - log(u)), both logarithms of positive normal values.
template <class O, std::size_t K, class Word, class Real>
CBRNG_SIMD_FN void extreme_value_group(const Word* words, std::size_t i, Real* out,
                                       const extreme_value_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    pd<O, K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = normal_grid_units<O>(words, i + L * k, p);
    const pd<O, K> g = log_normal(sub(0.0, log_normal(u)));
    const pd<O, K> r = sub(static_cast<double>(p.a()), mul(g, static_cast<double>(p.b())));
    for (std::size_t k = 0; k < K; ++k) O::store(out + i + L * k, r.v[k]);
}

/// extreme_value_from_bits for n variates.
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void extreme_value_batch(const Word* words, Real* out, std::size_t n,
                                          const extreme_value_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    constexpr std::size_t k = O::extreme_value_k;
    std::size_t i = 0;
    for (; i + L * k <= n; i += L * k) extreme_value_group<O, k>(words, i, out, p);
    for (; i + L <= n; i += L) extreme_value_group<O, 1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// detail::exp, lane-wise, for lanes with -708 <= x <= 709 and |x| >= 2^-28
/// (there k is in [-1021, 1023], so scale2 is one exact product and no
/// special case applies). `outside` gets the lanes that are not, which the
/// caller recomputes with the scalar function.
template <class O, std::size_t K>
CBRNG_SIMD_FN pd<O, K> exp_main(const pd<O, K>& x, unsigned (&outside)[K]) noexcept {
    using c = exp_constants;
    using l = log_constants;
    using vq = typename O::vq;
    pd<O, K> dk;
    pd<O, K> scale;
    const vq sign = O::set64(fp_format<double>::sign_mask);
    for (std::size_t k = 0; k < K; ++k) {
        const vq xb = O::bits(x.v[k]);
        const typename O::vd ax = O::abs(x.v[k]);
        const typename O::dmask ok =
            O::mand(O::mand(O::ge(x.v[k], O::set(-708.0)), O::le(x.v[k], O::set(709.0))),
                    O::ge(ax, O::set(0x1p-28)));
        outside[k] = ~O::lanes_of(ok) & all_dlanes<O>;
        // k = (int)(x * invln2 +- 0.5), truncating as the scalar cast does.
        const typename O::vd half = O::from_bits(O::bits(O::set(0.5)) | (xb & sign));
        const typename O::vdi ki = O::cvtt_i32(O::mul(x.v[k], O::set(c::invln2)) + half);
        dk.v[k] = O::cvt(ki);
        // 2^k from its encoding ((k + 1023) << 52); garbage in outside lanes.
        scale.v[k] = O::from_bits((O::sext(ki) + O::set64(0x3ff)) << 52);
    }
    const pd<O, K> hi = sub(x, mul(dk, l::ln2_hi));
    const pd<O, K> lo = mul(dk, l::ln2_lo);
    const pd<O, K> r = sub(hi, lo);
    const pd<O, K> t = mul(r, r);
    const pd<O, K> poly =
        sub(r, mul(t, add(mul(add(mul(add(mul(add(mul(t, c::p5), c::p4), t), c::p3), t), c::p2), t),
                          c::p1)));
    const pd<O, K> y = sub(1.0, sub(sub(lo, div(mul(r, poly), sub(2.0, poly))), hi));
    return mul(y, scale);
}

/// out[0 .. dlanes K) = detail::exp(x[0 .. dlanes K)); out may equal x (the
/// lanes outside exp_main's range are recomputed from a copy of their x, not
/// from memory the vector store has overwritten).
template <class O, std::size_t K>
CBRNG_SIMD_FN void exp_group(const double* x, double* out) noexcept {
    constexpr std::size_t L = O::dlanes;
    pd<O, K> v;
    for (std::size_t k = 0; k < K; ++k) v.v[k] = O::load(x + L * k);
    unsigned outside[K];
    const pd<O, K> r = exp_main(v, outside);
    for (std::size_t k = 0; k < K; ++k) {
        if (CBRNG_UNLIKELY(outside[k] != 0)) {
            alignas(64) double xs[L];
            O::store(xs, v.v[k]);
            O::store(out + L * k, r.v[k]);
            for (std::size_t lane = 0; lane < L; ++lane) {
                if ((outside[k] >> lane) & 1) out[L * k + lane] = detail::exp(xs[lane]);
            }
        } else {
            O::store(out + L * k, r.v[k]);
        }
    }
}

/// lognormal_from_bits for n double variates: exp of the normal batch with
/// mean m and stddev s, which is m + s * z for the same bits exactly as the
/// scalar code forms it, computed in place in out.
template <class O, class Word>
CBRNG_SIMD_ENTRY void lognormal_batch(const Word* words, double* out, std::size_t n,
                                      const lognormal_param<double>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    constexpr std::size_t k = O::lognormal_k;
    normal_batch<O>(words, out, n, normal_param<double>(p.m(), p.s()));
    std::size_t i = 0;
    for (; i + L * k <= n; i += L * k) exp_group<O, k>(out + i, out + i);
    for (; i + L <= n; i += L) exp_group<O, 1>(out + i, out + i);
    for (; i < n; ++i) out[i] = detail::exp(out[i]);
}

/// weibull_from_bits for K vectors from variate i: b * exp(g / a) with g
/// extreme_value's log(0 - log(u)); lanes outside exp_main's range go
/// through the scalar exp.
template <class O, std::size_t K, class Word, class Real>
CBRNG_SIMD_FN void weibull_group(const Word* words, std::size_t i, Real* out,
                                 const weibull_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    const double b = static_cast<double>(p.b());
    pd<O, K> u;
    for (std::size_t k = 0; k < K; ++k) u.v[k] = normal_grid_units<O>(words, i + L * k, p);
    const pd<O, K> x = div(log_normal(sub(0.0, log_normal(u))), static_cast<double>(p.a()));
    unsigned outside[K];
    const pd<O, K> r = mul(exp_main(x, outside), b);
    for (std::size_t k = 0; k < K; ++k) {
        O::store(out + i + L * k, r.v[k]);
        if (CBRNG_UNLIKELY(outside[k] != 0)) {
            alignas(64) double xs[L];
            O::store(xs, x.v[k]);
            for (std::size_t lane = 0; lane < L; ++lane) {
                if ((outside[k] >> lane) & 1) {
                    out[i + L * k + lane] = static_cast<Real>(fp_mul(b, detail::exp(xs[lane])));
                }
            }
        }
    }
}

/// weibull_from_bits for n variates.
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void weibull_batch(const Word* words, Real* out, std::size_t n,
                                    const weibull_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    constexpr std::size_t k = O::weibull_k;
    std::size_t i = 0;
    for (; i + L * k <= n; i += L * k) weibull_group<O, k>(words, i, out, p);
    for (; i + L <= n; i += L) weibull_group<O, 1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

/// Lanes of x with their low 32 bits cleared (detail::high_word).
template <class O>
CBRNG_SIMD_FN typename O::vd high_word(typename O::vd x) noexcept {
    return O::from_bits(O::bits(x) & O::set64(tan_constants::high_word_mask));
}

/// detail::tan_pi for K vectors of t in (-1/2, 1/2), t != 0: both branches
/// of the reduction and of the kernel are computed for every lane and
/// selected lane by lane, so each lane goes through exactly the scalar
/// operations of its own branches.
template <class O, std::size_t K>
CBRNG_SIMD_FN pd<O, K> tan_pi(const pd<O, K>& t) noexcept {
    using c = tan_constants;
    using vd = typename O::vd;
    typename O::dmask neg[K];
    typename O::dmask odd[K];
    typename O::dmask big[K];
    pd<O, K> s;
    for (std::size_t k = 0; k < K; ++k) {
        neg[k] = O::lt(t.v[k], O::set(0.0));
        const vd at = O::abs(t.v[k]);
        odd[k] = O::gt(at, O::set(0.25));
        s.v[k] = O::select(odd[k], O::set(0.5) - at, at);
    }
    const pd<O, K> hi = mul(s, c::pi_hi);
    const pd<O, K> sc = mul(s, c::splitter);
    const pd<O, K> s_hi = sub(sc, sub(sc, s));
    const pd<O, K> s_lo = sub(s, s_hi);
    pd<O, K> lo = add(
        add(add(sub(mul(s_hi, c::pi_hi_hi), hi), mul(s_lo, c::pi_hi_hi)), mul(s_hi, c::pi_hi_lo)),
        mul(s_lo, c::pi_hi_lo));
    lo = add(lo, mul(s, c::pi_lo));
    pd<O, K> x = add(hi, lo);
    pd<O, K> y = sub(lo, sub(x, hi));
    // tan_kernel(x, y, odd).
    for (std::size_t k = 0; k < K; ++k) {
        big[k] = O::ge(x.v[k], O::set(c::big));
        const vd xb = (O::set(c::pio4) - x.v[k]) + (O::set(c::pio4_lo) - y.v[k]);
        x.v[k] = O::select(big[k], xb, x.v[k]);
        y.v[k] = O::select(big[k], O::set(0.0), y.v[k]);
    }
    const pd<O, K> z = mul(x, x);
    const pd<O, K> w = mul(z, z);
    pd<O, K> r = add(
        mul(w,
            add(mul(w, add(mul(w, add(mul(w, add(mul(w, c::t11), c::t9)), c::t7)), c::t5)), c::t3)),
        c::t1);
    const pd<O, K> v = mul(
        z,
        add(mul(w, add(mul(w, add(mul(w, add(mul(w, add(mul(w, c::t12), c::t10)), c::t8)), c::t6)),
                       c::t4)),
            c::t2));
    const pd<O, K> s3 = mul(z, x);
    r = add(y, mul(z, add(mul(s3, add(r, v)), y)));
    r = add(r, mul(s3, c::t0));
    const pd<O, K> sum = add(x, r);
    pd<O, K> one;
    for (std::size_t k = 0; k < K; ++k) one.v[k] = O::select(odd[k], O::set(-1.0), O::set(1.0));
    // Big lanes: one - 2 (x - (sum^2 / (sum + one) - r)).
    const pd<O, K> res_big = sub(one, mul(sub(x, sub(div(mul(sum, sum), add(sum, one)), r)), 2.0));
    // Odd lanes: the compensated -1 / (x + r).
    pd<O, K> zh;
    pd<O, K> a;
    for (std::size_t k = 0; k < K; ++k) {
        zh.v[k] = high_word<O>(sum.v[k]);
        a.v[k] = O::set(-1.0) / sum.v[k];
    }
    const pd<O, K> vv = sub(r, sub(zh, x));
    pd<O, K> th;
    for (std::size_t k = 0; k < K; ++k) th.v[k] = high_word<O>(a.v[k]);
    const pd<O, K> e = add(mul(th, zh), 1.0);
    const pd<O, K> res_odd = add(th, mul(a, add(e, mul(th, vv))));
    pd<O, K> m;
    for (std::size_t k = 0; k < K; ++k) {
        const vd small = O::select(odd[k], res_odd.v[k], sum.v[k]);
        const vd kernel = O::select(big[k], res_big.v[k], small);
        // tan(pi |t|) is -kernel on odd lanes; then t's sign.
        m.v[k] = O::negate_where(O::mxor(odd[k], neg[k]), kernel);
    }
    return m;
}

/// cauchy_from_bits for K vectors from variate i: a + b * tan_pi(u - 1/2).
template <class O, std::size_t K, class Word, class Real>
CBRNG_SIMD_FN void cauchy_group(const Word* words, std::size_t i, Real* out,
                                const cauchy_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    pd<O, K> t;
    for (std::size_t k = 0; k < K; ++k) {
        t.v[k] = normal_grid_units<O>(words, i + L * k, p) - O::set(0.5);
    }
    const pd<O, K> r = add(mul(tan_pi(t), static_cast<double>(p.b())), static_cast<double>(p.a()));
    for (std::size_t k = 0; k < K; ++k) O::store(out + i + L * k, r.v[k]);
}

/// cauchy_from_bits for n variates.
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void cauchy_batch(const Word* words, Real* out, std::size_t n,
                                   const cauchy_param<Real>& p) noexcept {
    constexpr std::size_t L = O::dlanes;
    constexpr std::size_t k = O::cauchy_k;
    std::size_t i = 0;
    for (; i + L * k <= n; i += L * k) cauchy_group<O, k>(words, i, out, p);
    for (; i + L <= n; i += L) cauchy_group<O, 1>(words, i, out, p);
    transform_scalar(words + i * batch_words_per_variate<Real, Word>, out + i, n - i, p);
}

// ---------------------------------------------------------------- entry points
// One per parameter type and Real (see detail::transform for the contract).

template <class O, class Word>
CBRNG_SIMD_ENTRY void transform(const Word* words, double* out, std::size_t n,
                                const uniform_real_param<double>& p) noexcept {
    uniform_double<O>(words, out, n, p);
}
template <class O, class Word>
CBRNG_SIMD_ENTRY void transform(const Word* words, float* out, std::size_t n,
                                const uniform_real_param<float>& p) noexcept {
    uniform_float<O>(words, out, n, p);
}
template <class O, class Word>
CBRNG_SIMD_ENTRY void transform(const Word* words, double* out, std::size_t n,
                                const normal_param<double>& p) noexcept {
    normal_batch<O>(words, out, n, p);
}
template <class O, class Word>
CBRNG_SIMD_ENTRY void transform(const Word* words, float* out, std::size_t n,
                                const normal_param<float>& p) noexcept {
    normal_float_batch<O>(words, out, n, p);
}
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void transform(const Word* words, Real* out, std::size_t n,
                                const exponential_param<Real>& p) noexcept {
    exponential_batch<O>(words, out, n, p);
}
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void transform(const Word* words, Real* out, std::size_t n,
                                const extreme_value_param<Real>& p) noexcept {
    extreme_value_batch<O>(words, out, n, p);
}
template <class O, class Word>
CBRNG_SIMD_ENTRY void transform(const Word* words, double* out, std::size_t n,
                                const lognormal_param<double>& p) noexcept {
    lognormal_batch<O>(words, out, n, p);
}
/// Float lognormal variates: the scalar reference (their z comes from the
/// 32-bit grid, which the normal batch only produces rounded to float).
template <class O, class Word>
CBRNG_SIMD_ENTRY void transform(const Word* words, float* out, std::size_t n,
                                const lognormal_param<float>& p) noexcept {
    transform_scalar(words, out, n, p);
}
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void transform(const Word* words, Real* out, std::size_t n,
                                const weibull_param<Real>& p) noexcept {
    weibull_batch<O>(words, out, n, p);
}
template <class O, class Word, class Real>
CBRNG_SIMD_ENTRY void transform(const Word* words, Real* out, std::size_t n,
                                const cauchy_param<Real>& p) noexcept {
    cauchy_batch<O>(words, out, n, p);
}
