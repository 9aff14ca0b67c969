// cbrng/distributions/binomial.hpp: binomial variates, bit-stable:
// inversion when t * min(p, 1-p) < 10, Hörmann's BTRD above.
//
// std::binomial_distribution's algorithm is unspecified (libstdc++, libc++ and
// MSVC differ). This one is frozen (docs/design.md §4). With p' = min(p, 1 - p) (the
// variate for p > 1/2 is t minus the one for 1 - p, and 1 - p is exact there):
//
//  - t = 0, p = 0 or p = 1: the result (0, 0 or t) without a draw.
//  - t * p' < 10: inversion by sequential search (Kachitvichyanukul and
//    Schmeiser's BINV, CACM 31(2), 1988): u = (x >> 11) * 2^-53 from one
//    64-bit draw, f_0 = exp(t log1p(-p')), f_k = f_{k-1} * ((t+1) s / k - s)
//    with s = p' / (1 - p'); the result is the first k with u < f_k after
//    u -= f_j for j < k. A u that the rounded terms do not exhaust by
//    k = min(t, 110) draws again (only where the
//    rounded terms sum below u; the true tail beyond 110 is below 1e-60).
//  - t * p' >= 10: BTRD, "transformed rejection with decomposition" (W.
//    Hörmann, "The generation of binomial random variates", J. Stat. Comput.
//    Simul. 46, 1993, 101-110), steps 0-3.4 with the published constants.
//    Each attempt takes ONE 64-bit draw x, split in halves: V = (hi + 1/2)
//    2^-32 from hi = x >> 32 (step 1 and step 2's choice of case) and the
//    second uniform W = (lo + 1/2) 2^-32 from lo = x mod 2^32 (step 2: U =
//    W - 1/2, or V = W v_r), 2^32 midpoints in (0, 1) each. The grids cost
//    as in poisson.hpp: every probability the algorithm uses is within a few
//    2^-32 of its value for exact uniforms, the CDF of the results within
//    about 1e-9. Measured mean attempts (so draws) per variate: 1.41 at
//    t = 20, p = 1/2, 1.28 at t = 100, p = 0.3, 1.13 at t = 10^6, p = 1/2.
//    Step 1's test is made on hi (the same outcome); step 2's two cases are
//    both computed and one selected; step 3.2's squeeze is decided first on
//    a cheap bracket of log v widened past every rounding
//    (detail::log_bracket_of), so the full logarithm is computed only where
//    the bracket straddles a bound and the decision is always the
//    squeeze's; rho's polynomial in |k - m| has precomputed coefficients.
//    fc is detail::stirling_correction (its first three terms from
//    k + 1 = 100 up; detail/discrete_math.hpp).
// The library's own exp, log, log1p and sqrt (detail/math.hpp), every product
// guarded: the same bits on every compiler, flag set and architecture.
//
// Limits: 0 <= t <= 2^40 (and t fits IntType, so results always do), 0 <= p
// <= 1. The final acceptance test of BTRD combines logarithms of size up to
// t; its relative error is about t * 2^-52 (below 2^-32 for t <= 2^20, 2^-12
// at t = 2^40).
//
// Words consumed per variate: variable (rejection, the rare repeat of the
// inversion, none for the degenerate cases), so no O(1) random access.
//
// Example:
//   cbrng::philox4x32 g{2};
//   cbrng::binomial_distribution<int> heads{100, 0.3};
//   int h = heads(g);
#ifndef CBRNG_DISTRIBUTIONS_BINOMIAL_HPP
#define CBRNG_DISTRIBUTIONS_BINOMIAL_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <type_traits>

#include "../config.hpp"
#include "../detail/discrete_math.hpp"
#include "../detail/fast_math.hpp"
#include "../detail/fp.hpp"
#include "../detail/io.hpp"
#include "../detail/math.hpp"
#include "../detail/param_error.hpp"
#include "../detail/real_distribution.hpp"
#include "../detail/uniform_bits.hpp"
#include "poisson.hpp"
#include "uniform_int.hpp"

CBRNG_NAMESPACE_BEGIN

template <class IntType>
class binomial_distribution;

namespace detail {

/// t, p and the constants of the algorithm chosen for them
/// (binomial_distribution's param_type).
template <class IntType>
class binomial_param {
  public:
    using distribution_type = binomial_distribution<IntType>;

    /// The largest t accepted: min(2^40, max(IntType)).
    static constexpr std::uint64_t max_t =
        static_cast<std::uint64_t>(int_max<IntType>) < (std::uint64_t{1} << 40)
            ? static_cast<std::uint64_t>(int_max<IntType>)
            : std::uint64_t{1} << 40;
    /// From this t * min(p, 1 - p) up, BTRD; below, inversion.
    static constexpr double btrd_threshold = 10.0;

    /// t = 1, p = 0.5.
    CBRNG_HOST_DEVICE binomial_param() : binomial_param(1, 0.5) {}
    /// Throws std::invalid_argument unless 0 <= t <= 2^40 and 0 <= p <= 1.
    CBRNG_HOST_DEVICE explicit binomial_param(IntType t, double p = 0.5) : t_(t), p_(p) {
        if (!valid_t(t)) {
            param_error("cbrng::binomial_distribution", "t must be >= 0 and <= 2^40", t);
        }
        if (!valid_p(p)) param_error("cbrng::binomial_distribution", "p must be in [0, 1]", p);
        const bool flip = p > 0.5;
        const double pp = flip ? 1.0 - p : p;
        n_ = static_cast<double>(t);
        // x -> t - x for p > 1/2 as (x ^ -1) + (t + 1), else (x ^ 0) + 0.
        flip_mask_ = flip ? -1 : 0;
        flip_add_ = flip ? static_cast<std::int64_t>(t) + 1 : 0;
        // t = 0, p = 0 (pp = 0, no flip): 0; p = 1 (pp = 0, flip): t.
        if (t == 0 || pp == 0.0) return;
        const double q = 1.0 - pp;
        r_ = pp / q;
        const double np = fp_mul(n_, pp);
        if (np < btrd_threshold) {
            algorithm_ = algorithm::inversion;
            nr_ = fp_mul(n_ + 1.0, r_);
            f0_ = detail::exp(fp_mul(n_, detail::log1p(0.0 - pp)));
            return;
        }
        algorithm_ = algorithm::btrd;
        nr_ = fp_mul(n_ + 1.0, r_);
        m_ = static_cast<double>(static_cast<std::int64_t>(fp_mul(n_ + 1.0, pp)));
        npq_ = fp_mul(np, q);
        const double inv_npq = 1.0 / npq_;
        minus_half_inv_npq_ = -0.5 / npq_;
        rho1_ = fp_mul(1.0 / 6.0 / npq_ + 0.5, inv_npq);
        rho2_ = fp_mul(0.625, fp_mul(inv_npq, inv_npq));
        rho3_ = fp_mul(1.0 / 3.0, fp_mul(inv_npq, inv_npq));
        const double snpq = detail::sqrt(npq_);
        b_ = 1.15 + fp_mul(2.53, snpq);
        a_ = -0.0873 + fp_mul(0.0248, b_) + fp_mul(0.01, pp);
        two_a_ = 2.0 * a_;
        c_ = np + 0.5;
        alpha_ = fp_mul(2.83 + 5.1 / b_, snpq);
        vr_ = 0.92 - 4.2 / b_;
        inv_vr_ = 1.0 / vr_;
        urvr_ = fp_mul(0.86, vr_);
        // The largest hi with (hi + 1/2) 2^-32 <= urvr (urvr 2^32 - 1/2 is exact).
        urvr_hi_ = mid32_index_at_most(urvr_);
        const double nm = n_ - m_ + 1.0;
        h_ = fp_mul(m_ + 0.5, detail::log((m_ + 1.0) / fp_mul(r_, nm))) +
             stirling_correction(static_cast<std::uint64_t>(m_)) +
             stirling_correction(static_cast<std::uint64_t>(n_ - m_));
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr bool valid_t(IntType t) noexcept {
        if constexpr (std::is_signed_v<IntType>) {
            if (t < 0) return false;
        }
        return static_cast<std::uint64_t>(t) <= max_t;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr bool valid_p(double p) noexcept {
        return p >= 0.0 && p <= 1.0;
    }

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType t() const noexcept { return t_; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double p() const noexcept { return p_; }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
        const binomial_param& x, const binomial_param& y) noexcept {
        return x.t_ == y.t_ && x.p_ == y.p_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
        const binomial_param& x, const binomial_param& y) noexcept {
        return !(x == y);
    }

    /// The text form (int_rejection_distribution): "t p".
    static constexpr std::uint64_t text_count_max = max_t;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType text_count() const noexcept { return t_; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double text_real() const noexcept { return p_; }
    [[nodiscard]] static constexpr bool text_valid(std::uint64_t /*t*/, double p) noexcept {
        return valid_p(p);  // t <= max_t holds once read
    }
    [[nodiscard]] static binomial_param from_text(std::uint64_t t, double p) {
        return binomial_param(static_cast<IntType>(t), p);
    }

    /// One variate from g (the frozen algorithm; see the header comment).
    template <class URBG>
    CBRNG_HOST_DEVICE IntType generate(URBG& g) const {
        if (algorithm_ == algorithm::none) return static_cast<IntType>(flip_add_ == 0 ? 0 : t_);
        const std::int64_t x = algorithm_ == algorithm::btrd ? btrd(g) : invert(g);
        return static_cast<IntType>((x ^ flip_mask_) + flip_add_);
    }

  private:
    template <class URBG>
    CBRNG_HOST_DEVICE std::int64_t invert(URBG& g) const {
        const double bound = n_ < 110.0 ? n_ : 110.0;
        for (;;) {
            double u = unit_closed_open(generate_bits64(g));
            double f = f0_;
            double k = 0;
            for (;;) {
                if (u < f) return static_cast<std::int64_t>(k);
                if (k >= bound) break;
                u -= f;
                k += 1.0;
                f = fp_mul(f, nr_ / k - r_);
            }
        }
    }

    template <class URBG>
    CBRNG_HOST_DEVICE std::int64_t btrd(URBG& g) const {
        for (;;) {
            // One 64-bit draw per attempt: V from its high half, the second
            // uniform W (step 2) from its low half.
            const std::uint64_t x = generate_bits64(g);
            double v = unit_mid_hi32(x);
            double u;
            // Step 1: the triangle-free centre, accepted at once. The test
            // v <= u_r v_r on the integer (hi <= urvr_hi_ exactly when
            // (hi + 1/2) 2^-32 <= urvr_) resolves before v is converted.
            if (static_cast<std::int64_t>(x >> 32) <= urvr_hi_) {
                u = fp_mul(v, inv_vr_) - 0.43;
                const double us = 0.5 - (u < 0.0 ? -u : u);
                return static_cast<std::int64_t>(fp_mul(two_a_ / us + b_, u) + c_);  // floor
            }
            // Step 2: a point under the hat.
            // (Both cases computed and selected: the case is unpredictable.)
            const double w = unit_mid_lo32(x);
            const bool outer = v >= vr_;
            const double ui = fp_mul(v, inv_vr_) - 0.93;
            const double uw = (ui < 0.0 ? -0.5 : 0.5) - ui;
            const double vw = fp_mul(w, vr_);
            u = outer ? w - 0.5 : uw;
            v = outer ? v : vw;
            // Step 3.0.
            const double us = 0.5 - (u < 0.0 ? -u : u);
            const double kr = fp_mul(two_a_ / us + b_, u) + c_;
            if (!(kr >= 0.0) || kr >= n_ + 1.0) continue;
            const double k = floor_nonneg(kr);
            // v alpha / (a / us^2 + b) as v alpha us^2 / (a + b us^2): one division.
            const double us2 = fp_mul(us, us);
            v = fp_mul(fp_mul(v, alpha_), us2) / (a_ + fp_mul(b_, us2));
            const double km = k < m_ ? m_ - k : k - m_;
            if (km <= 15.0) {
                // Step 3.1: f(k) / f(m) recursively.
                double f = 1.0;
                if (m_ < k) {
                    for (double i = m_ + 1.0; i <= k; i += 1.0) f = fp_mul(f, nr_ / i - r_);
                } else if (m_ > k) {
                    for (double i = k + 1.0; i <= m_; i += 1.0) v = fp_mul(v, nr_ / i - r_);
                }
                if (v <= f) return static_cast<std::int64_t>(k);
                continue;
            }
            // Step 3.2: squeeze on log v, decided first on a cheap bracket of
            // log v where it can be (the same decisions: log_bracket_of).
            // rho = (km / npq) ((km / 3 + 0.625) km + 1/6) / npq + 1/2) as
            // km (rho1 + km (rho2 + km rho3)), coefficients precomputed.
            const double km2 = fp_mul(km, km);
            const double rho = fp_mul(km, rho1_) + fp_mul(km2, rho2_ + fp_mul(km, rho3_));
            const double tt = fp_mul(km2, minus_half_inv_npq_);
            const double lower = tt - rho;
            const double upper = tt + rho;
            const log_bracket lv = log_bracket_of(v);
            if (lv.hi + log_bracket_slack < lower) return static_cast<std::int64_t>(k);
            if (lv.lo - log_bracket_slack > upper) continue;
            v = detail::log(v);
            if (v < lower) return static_cast<std::int64_t>(k);
            if (v > upper) continue;
            // Steps 3.3-3.4: the final test.
            const double nm = n_ - m_ + 1.0;
            const double nk = n_ - k + 1.0;
            const double bound = h_ + fp_mul(n_ + 1.0, detail::log(nm / nk)) +
                                 fp_mul(k + 0.5, detail::log(fp_mul(nk, r_) / (k + 1.0))) -
                                 stirling_correction_short(k) - stirling_correction_short(n_ - k);
            if (v <= bound) return static_cast<std::int64_t>(k);
        }
    }

    /// floor(x) for 0 <= x < 2^63.
    [[nodiscard]] CBRNG_HOST_DEVICE static double floor_nonneg(double x) noexcept {
        return static_cast<double>(static_cast<std::int64_t>(x));
    }

    IntType t_;
    double p_;
    enum class algorithm : unsigned char { none, inversion, btrd };
    algorithm algorithm_ = algorithm::none;  // none: t = 0, p = 0 or p = 1
    std::int64_t flip_mask_ = 0;
    std::int64_t flip_add_ = 0;
    double n_ = 0;
    double r_ = 0;   // p' / (1 - p')
    double nr_ = 0;  // (t + 1) r
    double f0_ = 0;  // inversion: (1 - p')^t
    double m_ = 0;   // BTRD: the mode floor((t + 1) p')
    double npq_ = 0;
    double minus_half_inv_npq_ = 0;  // -1 / (2 npq)
    double rho1_ = 0;                // (1 / (6 npq) + 1/2) / npq
    double rho2_ = 0;                // 0.625 / npq^2
    double rho3_ = 0;                // 1 / (3 npq^2)
    double a_ = 0;
    double two_a_ = 0;
    double b_ = 0;
    double c_ = 0;
    double alpha_ = 0;
    double vr_ = 0;
    double inv_vr_ = 0;  // 1 / vr: step 1's u = v / vr as a product
    double urvr_ = 0;
    std::int64_t urvr_hi_ = -1;  // step 1 as an integer test on the draw's high half
    double h_ = 0;
};

}  // namespace detail

/// Binomial variates: the number of successes in t trials of probability p.
/// Inversion when t * min(p, 1 - p) < 10, BTRD above (see the header
/// comment); bit-identical on every platform. Same interface as
/// std::binomial_distribution; IntType is any integer type other than bool.
/// Stateless; a const object can generate concurrently. Outputs are frozen
/// (docs/design.md §4).
template <class IntType = int>
class binomial_distribution
    : public detail::int_rejection_distribution<binomial_distribution<IntType>,
                                                detail::binomial_param<IntType>, IntType> {
    static_assert(std::is_integral_v<IntType> && !std::is_same_v<IntType, bool>,
                  "cbrng::binomial_distribution: IntType must be an integer type other than bool");
    static_assert(sizeof(IntType) <= 8,
                  "cbrng::binomial_distribution: integers wider than 64 bits are not supported");
    using base = detail::int_rejection_distribution<binomial_distribution<IntType>,
                                                    detail::binomial_param<IntType>, IntType>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// URBG calls per variate at least: none for t = 0, p = 0 or p = 1, else
    /// one 64-bit draw.
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t min_words_per_variate(
        const param_type& p) noexcept {
        return p.t() == 0 || p.p() == 0.0 || p.p() == 1.0
                   ? 0u
                   : detail::urbg_bits<URBG>::template calls<64>;
    }

    /// t = 1, p = 0.5.
    CBRNG_HOST_DEVICE binomial_distribution() : binomial_distribution(1) {}
    /// Throws std::invalid_argument unless 0 <= t <= 2^40 and 0 <= p <= 1.
    CBRNG_HOST_DEVICE explicit binomial_distribution(IntType t, double p = 0.5)
        : base(param_type(t, p)) {}
    CBRNG_HOST_DEVICE explicit binomial_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE IntType t() const noexcept { return this->param().t(); }
    [[nodiscard]] CBRNG_HOST_DEVICE double p() const noexcept { return this->param().p(); }
    [[nodiscard]] CBRNG_HOST_DEVICE result_type max() const noexcept { return t(); }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_BINOMIAL_HPP
