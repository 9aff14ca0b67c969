// cbrng/distributions/negative_binomial.hpp: negative binomial variates (the
// failures before the k-th success in trials of probability p), bit-stable,
// as a gamma-Poisson mixture.
//
// std::negative_binomial_distribution's algorithm is unspecified. This one is
// frozen (docs/design.md §4): lambda = gamma_distribution<double>(k, (1 - p) / p)(g)
// (Marsaglia-Tsang, gamma.hpp), then the result is
// poisson_distribution<IntType>(lambda)(g) (inversion or PTRS, poisson.hpp),
// or 0 when lambda rounds to 0. The Poisson-gamma mixture is the negative
// binomial exactly (e.g. Devroye, "Non-Uniform Random Variate Generation",
// 1986, X.4.7). p = 1 gives 0 without a draw.
//
// Limits: k >= 1 (an integer, as for std::), 0 < p <= 1, and the mean
// k (1 - p) / p at most poisson_distribution<IntType>::param_type::max_mean
// / 64. A lambda above max_mean (probability below e^-64 < 2e-28 under that
// bound) is drawn again, so no result ever wraps.
//
// Words consumed per variate: variable (both stages reject), so no O(1)
// random access. Every integer type except bool.
//
// Example:
//   cbrng::philox4x32 g{5};
//   cbrng::negative_binomial_distribution<int> failures{3, 0.25};
//   int f = failures(g);   // mean 9
#ifndef CBRNG_DISTRIBUTIONS_NEGATIVE_BINOMIAL_HPP
#define CBRNG_DISTRIBUTIONS_NEGATIVE_BINOMIAL_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fast_math.hpp"
#include "../detail/io.hpp"
#include "../detail/param_error.hpp"
#include "../detail/real_distribution.hpp"
#include "gamma.hpp"
#include "poisson.hpp"
#include "uniform_int.hpp"

CBRNG_NAMESPACE_BEGIN

template <class IntType>
class negative_binomial_distribution;

namespace detail {

/// k, p and the gamma stage (negative_binomial_distribution's param_type).
template <class IntType>
class negative_binomial_param {
  public:
    using distribution_type = negative_binomial_distribution<IntType>;

    /// The largest mean k (1 - p) / p accepted.
    static constexpr double max_mean = poisson_param<IntType>::max_mean / 64;

    /// k = 1, p = 0.5.
    CBRNG_HOST_DEVICE negative_binomial_param() : negative_binomial_param(1, 0.5) {}
    /// Throws std::invalid_argument unless k >= 1, 0 < p <= 1 and
    /// k (1 - p) / p <= max_mean.
    CBRNG_HOST_DEVICE explicit negative_binomial_param(IntType k, double p = 0.5)
        : k_(k), p_(p), gamma_(1.0, 1.0) {
        constexpr const char* name = "cbrng::negative_binomial_distribution";
        if (!valid_k(k)) param_error(name, "k must be >= 1", k);
        if (!(p > 0.0 && p <= 1.0)) param_error(name, "p must be in (0, 1]", p);
        const double scale = (1.0 - p) / p;
        if (!(fp_mul(static_cast<double>(k), scale) <= max_mean)) {
            param_error(name, "the mean k (1 - p) / p must be <= param_type::max_mean",
                        fp_mul(static_cast<double>(k), scale));
        }
        if (p < 1.0) gamma_ = gamma_distribution<double>(static_cast<double>(k), scale);
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr bool valid_k(IntType k) noexcept {
        return k >= 1;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE static bool valid(IntType k, double p) noexcept {
        return valid_k(k) && p > 0.0 && p <= 1.0 &&
               fp_mul(static_cast<double>(k), (1.0 - p) / p) <= max_mean;
    }

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType k() const noexcept { return k_; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double p() const noexcept { return p_; }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
        const negative_binomial_param& x, const negative_binomial_param& y) noexcept {
        return x.k_ == y.k_ && x.p_ == y.p_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
        const negative_binomial_param& x, const negative_binomial_param& y) noexcept {
        return !(x == y);
    }

    /// The text form (int_rejection_distribution): "k p".
    static constexpr auto text_count_max = static_cast<std::uint64_t>(int_max<IntType>);
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType text_count() const noexcept { return k_; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double text_real() const noexcept { return p_; }
    [[nodiscard]] static bool text_valid(std::uint64_t k, double p) noexcept {
        return valid(static_cast<IntType>(k), p);
    }
    [[nodiscard]] static negative_binomial_param from_text(std::uint64_t k, double p) {
        return negative_binomial_param(static_cast<IntType>(k), p);
    }

    /// One variate from g (the frozen algorithm; see the header comment).
    template <class URBG>
    CBRNG_HOST_DEVICE IntType generate(URBG& g) const {
        if (p_ == 1.0) return 0;
        for (;;) {
            const double lambda = gamma_(g);
            if (!(lambda > 0.0)) return 0;
            if (lambda <= poisson_param<IntType>::max_mean) {
                return poisson_param<IntType>(lambda).generate(g);
            }
        }
    }

  private:
    IntType k_;
    double p_;
    gamma_distribution<double> gamma_;
};

}  // namespace detail

/// Negative binomial variates: failures before the k-th success in trials of
/// probability p, as Poisson(Gamma(k, (1 - p) / p)) (see the header
/// comment); bit-identical on every platform. Same interface as
/// std::negative_binomial_distribution; IntType is any integer type other
/// than bool. Stateless; a const object can generate concurrently. Outputs
/// are frozen (docs/design.md §4).
template <class IntType = int>
class negative_binomial_distribution
    : public detail::int_rejection_distribution<negative_binomial_distribution<IntType>,
                                                detail::negative_binomial_param<IntType>, IntType> {
    static_assert(std::is_integral_v<IntType> && !std::is_same_v<IntType, bool>,
                  "cbrng::negative_binomial_distribution: IntType must be an integer type other "
                  "than bool");
    static_assert(sizeof(IntType) <= 8,
                  "cbrng::negative_binomial_distribution: integers wider "
                  "than 64 bits are not supported");
    using base =
        detail::int_rejection_distribution<negative_binomial_distribution<IntType>,
                                           detail::negative_binomial_param<IntType>, IntType>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// URBG calls per variate at least: none for p = 1, else one 64-bit draw.
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t min_words_per_variate(
        const param_type& p) noexcept {
        return p.p() == 1.0 ? 0u : detail::urbg_bits<URBG>::template calls<64>;
    }

    /// k = 1, p = 0.5.
    CBRNG_HOST_DEVICE negative_binomial_distribution() : negative_binomial_distribution(1) {}
    /// Throws std::invalid_argument unless k >= 1, 0 < p <= 1 and the mean
    /// k (1 - p) / p <= param_type::max_mean.
    CBRNG_HOST_DEVICE explicit negative_binomial_distribution(IntType k, double p = 0.5)
        : base(param_type(k, p)) {}
    CBRNG_HOST_DEVICE explicit negative_binomial_distribution(const param_type& p) : base(p) {}

    [[nodiscard]] CBRNG_HOST_DEVICE IntType k() const noexcept { return this->param().k(); }
    [[nodiscard]] CBRNG_HOST_DEVICE double p() const noexcept { return this->param().p(); }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type max() noexcept {
        return detail::int_max<IntType>;
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_NEGATIVE_BINOMIAL_HPP
