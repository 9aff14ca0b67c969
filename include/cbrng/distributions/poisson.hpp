// cbrng/distributions/poisson.hpp: Poisson variates, bit-stable: inversion
// below mean 10, Hörmann's PTRS from mean 10 up.
//
// std::poisson_distribution's algorithm is unspecified (libstdc++, libc++ and
// MSVC differ). This one is frozen (docs/design.md §4):
//
//  - mean < 10: inversion by sequential search. u = (x >> 11) * 2^-53 in
//    [0, 1) from one 64-bit draw; the result is the least k with
//    u < F(k), F accumulated as p_0 = exp(-mean), p_k = p_{k-1} * mean / k and
//    tabulated for k = 0..63 when the parameters are built, so a variate is
//    one draw and about mean + 1 comparisons. A u at or above the rounded
//    F(63) (P(X >= 64) < 4e-30 for mean < 10) draws again.
//  - mean >= 10: PTRS, "transformed rejection with squeeze" (W. Hörmann, "The
//    transformed rejection method for generating Poisson random variables",
//    Insurance: Mathematics and Economics 12, 1993, 39-45), with its published
//    constants. Each attempt takes ONE 64-bit draw x, split in halves:
//    U = (hi - 2^31 + 1/2) 2^-32 from hi = x >> 32 (2^32 values, symmetric
//    about 0, in (-1/2, 1/2)) and V = (lo + 1/2) 2^-32 from lo = x mod 2^32
//    (2^32 midpoints in (0, 1)). The expected number of attempts, so of
//    draws, is 1.1239 + 1.1328 / (b - 3.4) with b = 0.931 + 2.53 sqrt(mean):
//    1.33 at mean 10, 1.17 at 100, falling to 1.12.
//    The grids: k is monotone in U, and an attempt accepts when V is below a
//    threshold that depends on U, so each probability the algorithm uses is
//    within a few 2^-32 of its value for exact uniforms (2^-33 from V's
//    grid, 2^-32 times the threshold's variation in U from U's); the CDF of
//    the results is within about 1e-9 of the exact algorithm's, which takes
//    some 10^18 variates to detect.
//    The quick acceptance (us = 1/2 - |U| >= 0.07 and V <= v_r) is tested on
//    the integer halves (the same outcome as on U and V). The final test
//    compares log(V / alpha / (a / us^2 + b)) with log(mean^k e^-mean / k!)
//    = (k + 1/2) log1p(d / (k+1)) - d - log(mean) / 2 - fc(k) - log sqrt(2 pi)
//    with d = mean - (k+1) (fc: detail::stirling_correction, its first three
//    terms from k + 1 = 100 up; detail/discrete_math.hpp), which keeps its
//    absolute error near sqrt(mean) * 2^-52 instead of
//    mean log(mean) * 2^-52. It is decided first on cheap brackets of both
//    sides, widened past every rounding (detail::log_bracket_of,
//    detail::poisson_log_pmf_bracket); only where they overlap are the full
//    log and log1p computed, so the decision is always the full test's.
// The library's own exp, log, log1p and sqrt (detail/math.hpp), every product
// guarded: the same bits on every compiler, flag set and architecture.
//
// Limits: 0 < mean <= min(2^40, max(IntType) / 4). Above 2^40 a double no
// longer resolves PTRS's offsets finely; the quarter of IntType's range keeps
// the tail beyond max(IntType) below 1e-30 (a candidate above max(IntType) is
// rejected, so no result ever wraps).
//
// Words consumed per variate: variable (rejection, and the rare repeat of the
// inversion), so no O(1) random access. Every integer type except bool.
//
// Example:
//   cbrng::philox4x32 g{11};
//   cbrng::poisson_distribution<int> arrivals{3.5};
//   int n = arrivals(g);
#ifndef CBRNG_DISTRIBUTIONS_POISSON_HPP
#define CBRNG_DISTRIBUTIONS_POISSON_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>
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
#include "uniform_int.hpp"

CBRNG_NAMESPACE_BEGIN

template <class IntType>
class poisson_distribution;

namespace detail {

/// u = (x >> 11) * 2^-53 in [0, 1).
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double unit_closed_open(std::uint64_t x) noexcept {
    return static_cast<double>(x >> 11) * 0x1p-53;
}
/// The mean and the constants of the algorithm chosen for it
/// (poisson_distribution's param_type).
template <class IntType>
class poisson_param {
  public:
    using distribution_type = poisson_distribution<IntType>;

    /// The largest mean accepted: min(2^40, max(IntType) / 4).
    static constexpr double max_mean = static_cast<double>(int_max<IntType>) / 4 < 0x1p40
                                           ? static_cast<double>(int_max<IntType>) / 4
                                           : 0x1p40;
    /// Below this mean, inversion; from it up, PTRS.
    static constexpr double ptrs_threshold = 10.0;

    /// mean 1.
    CBRNG_HOST_DEVICE poisson_param() : poisson_param(1.0) {}
    /// Throws std::invalid_argument unless 0 < mean <= max_mean (NaN rejected).
    CBRNG_HOST_DEVICE explicit poisson_param(double mean) : mean_(mean) {
        if (!valid(mean)) {
            param_error("cbrng::poisson_distribution",
                        "mean must be > 0 and <= min(2^40, max(IntType) / 4)", mean);
        }
        if (mean < ptrs_threshold) {
            double p = detail::exp(0.0 - mean);
            double f = p;
            cdf_[0] = f;
            for (int k = 1; k < cdf_size; ++k) {
                p = fp_mul(p, mean) / static_cast<double>(k);
                f += p;
                cdf_[k] = f;
            }
            return;
        }
        const double slam = detail::sqrt(mean);
        b_ = 0.931 + fp_mul(2.53, slam);
        a_ = -0.059 + fp_mul(0.02483, b_);
        two_a_ = 2.0 * a_;
        c_ = mean + 0.43;
        inv_alpha_ = 1.1239 + 1.1328 / (b_ - 3.4);
        vr_ = 0.9277 - 3.6224 / (b_ - 2.0);
        // The largest lo with (lo + 1/2) 2^-32 <= v_r (v_r 2^32 - 1/2 is exact).
        vr_lo_ = mid32_index_at_most(vr_);
        log_c_ = fp_mul(0.5, detail::log(mean)) + stirling_constants::half_log_2pi;
    }
    /// The constructor's rule, without the throw.
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr bool valid(double mean) noexcept {
        return mean > 0.0 && mean <= max_mean;
    }

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double mean() const noexcept { return mean_; }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
        const poisson_param& x, const poisson_param& y) noexcept {
        return x.mean_ == y.mean_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
        const poisson_param& x, const poisson_param& y) noexcept {
        return !(x == y);
    }

    /// The text form (int_rejection_distribution): the mean alone.
    static constexpr std::uint64_t text_count_max = 0;
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double text_real() const noexcept { return mean_; }
    [[nodiscard]] static constexpr bool text_valid(std::uint64_t /*count*/, double mean) noexcept {
        return valid(mean);
    }
    [[nodiscard]] static poisson_param from_text(std::uint64_t /*count*/, double mean) {
        return poisson_param(mean);
    }

    /// One variate from g (the frozen algorithm; see the header comment).
    template <class URBG>
    CBRNG_HOST_DEVICE IntType generate(URBG& g) const {
        return mean_ < ptrs_threshold ? invert(g) : ptrs(g);
    }

  private:
    template <class URBG>
    CBRNG_HOST_DEVICE IntType invert(URBG& g) const {
        for (;;) {
            const double u = unit_closed_open(generate_bits64(g));
            int k = 0;
            while (k < cdf_size && u >= cdf_[k]) ++k;
            if (k < cdf_size) return static_cast<IntType>(k);
        }
    }

    template <class URBG>
    CBRNG_HOST_DEVICE IntType ptrs(URBG& g) const {
        const double limit = static_cast<double>(int_max<IntType>);
        for (;;) {
            // One 64-bit draw per attempt: U from its high half, V from its low.
            const std::uint64_t x = generate_bits64(g);
            const double u = centred_hi32(x);
            const double v = unit_mid_lo32(x);
            const double us = 0.5 - (u < 0.0 ? -u : u);
            // The quick acceptance us >= 0.07 and V <= v_r, tested on the
            // integers (exactly the same outcome, see quick_us_max and
            // vr_lo_), so that the branch resolves early.
            const std::int64_t m = 2 * static_cast<std::int64_t>(x >> 32) - 0xffffffff;
            const std::int64_t abs_m = m < 0 ? -m : m;  // |U| = |m| 2^-33
            const bool quick =
                static_cast<int>(abs_m <= quick_us_max) &
                static_cast<int>(static_cast<std::int64_t>(x & 0xffffffffu) <= vr_lo_);
            if (quick) {
                const double kr = fp_mul(two_a_ / us + b_, u) + c_;
                if (!(kr >= 0.0) || kr >= limit + 1.0) continue;
                return static_cast<IntType>(static_cast<std::int64_t>(kr));  // floor
            }
            if (us < 0.013 && v > us) continue;
            const double kr = fp_mul(two_a_ / us + b_, u) + c_;
            if (!(kr >= 0.0) || kr >= limit + 1.0) continue;
            const double k = static_cast<double>(static_cast<std::int64_t>(kr));  // floor
            // The final test log y <= log(mean^k e^-mean / k!) with
            // y = V / alpha / (a / us^2 + b) = V us^2 / alpha / (a + b us^2).
            const double us2 = fp_mul(us, us);
            const double y = fp_mul(fp_mul(v, inv_alpha_), us2) / (a_ + fp_mul(b_, us2));
            const double n = k + 1.0;
            const double d = mean_ - n;
            // First on brackets of both sides (poisson_log_pmf_bracket,
            // log_bracket_of): the same decision as the full test whenever
            // they decide.
            const log_bracket ly = log_bracket_of(y);
            const log_bracket lp = poisson_log_pmf_bracket(k, n, d, log_c_);
            if (ly.hi < lp.lo) return static_cast<IntType>(k);
            if (ly.lo > lp.hi) continue;
            // The full test, right side as
            // (k + 1/2) log1p(d / n) - d - log(mean) / 2 - fc(k) - log sqrt(2 pi).
            const double rhs =
                (fp_mul(k + 0.5, detail::log1p(d / n)) - d) - log_c_ - stirling_correction_short(k);
            if (detail::log(y) <= rhs) return static_cast<IntType>(k);
        }
    }

    static constexpr int cdf_size = 64;
    /// us = 1/2 - |U| = (2^32 - |m|) 2^-33 >= 0.07 (the double nearest 0.07)
    /// exactly when |m| <= 2^32 - ceil(0.07 * 2^33).
    static constexpr double quick_us_scaled = 0.07 * 0x1p33;  // exact
    static constexpr std::int64_t quick_us_max =
        (std::int64_t{1} << 32) - static_cast<std::int64_t>(quick_us_scaled) -
        (static_cast<double>(static_cast<std::int64_t>(quick_us_scaled)) < quick_us_scaled ? 1 : 0);

    double mean_;
    double cdf_[cdf_size] = {};  // inversion: F(0..63)
    double inv_alpha_ = 0;       // PTRS: 1 / alpha
    double a_ = 0;
    double two_a_ = 0;
    double b_ = 0;
    double c_ = 0;  // mean + 0.43
    double vr_ = 0;
    double log_c_ = 0;  // log(mean) / 2 + log sqrt(2 pi)
    std::int64_t vr_lo_ = -1;
};

}  // namespace detail

/// Poisson variates with the given mean: inversion below mean 10, PTRS from
/// 10 up (see the header comment), bit-identical on every platform. Same
/// interface as std::poisson_distribution; IntType is any integer type other
/// than bool. Stateless; a const object can generate concurrently. Outputs
/// are frozen (docs/design.md §4).
template <class IntType = int>
class poisson_distribution
    : public detail::int_rejection_distribution<poisson_distribution<IntType>,
                                                detail::poisson_param<IntType>, IntType> {
    static_assert(std::is_integral_v<IntType> && !std::is_same_v<IntType, bool>,
                  "cbrng::poisson_distribution: IntType must be an integer type other than bool");
    static_assert(sizeof(IntType) <= 8,
                  "cbrng::poisson_distribution: integers wider than 64 bits are not supported");
    using base = detail::int_rejection_distribution<poisson_distribution<IntType>,
                                                    detail::poisson_param<IntType>, IntType>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// URBG calls per variate at least: one 64-bit draw (inversion and PTRS
    /// alike).
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t min_words_per_variate(
        const param_type& /*p*/) noexcept {
        return detail::urbg_bits<URBG>::template calls<64>;
    }

    /// mean 1.
    CBRNG_HOST_DEVICE poisson_distribution() : poisson_distribution(1.0) {}
    /// Throws std::invalid_argument unless 0 < mean <= param_type::max_mean.
    CBRNG_HOST_DEVICE explicit poisson_distribution(double mean) : base(param_type(mean)) {}
    CBRNG_HOST_DEVICE explicit poisson_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE double mean() const noexcept { return this->param().mean(); }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type max() noexcept {
        return detail::int_max<IntType>;
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_POISSON_HPP
