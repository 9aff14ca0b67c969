// cbrng/distributions/bernoulli.hpp: true with probability p, by an integer
// threshold, exact for p = 0 and p = 1 and identical on every platform.
//
// One 64-bit draw x; the result is x < floor(p * 2^64), or true when p == 1.
// p * 2^64 is an exact scaling and its conversion to an integer is exact
// truncation, so no floating rounding or libm is involved: the probability is
// p rounded down to a multiple of 2^-64 (exactly 0 for p = 0, exactly 1 for
// p = 1).
//
// Words consumed per variate, fixed: one 64-bit draw (one call of a 64-bit
// URBG, two of a 32-bit URBG, low half first), also for p = 0 and p = 1, so
// consumption never depends on p; hence O(1) random access with variate_at()
// (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{5};
//   cbrng::bernoulli_distribution coin{0.25};
//   bool heads = coin(g);
#ifndef CBRNG_DISTRIBUTIONS_BERNOULLI_HPP
#define CBRNG_DISTRIBUTIONS_BERNOULLI_HPP

#include <cstddef>
#include <cstdint>
#include <istream>
#include <ostream>

#include "../config.hpp"
#include "../detail/io.hpp"
#include "../detail/param_error.hpp"
#include "../detail/uniform_bits.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// The Bernoulli variate for 64 random bits x and 0 <= p <= 1 (frozen).
[[nodiscard]] CBRNG_HOST_DEVICE constexpr bool bernoulli_from_bits(std::uint64_t x,
                                                                   double p) noexcept {
    return p >= 1.0 || x < static_cast<std::uint64_t>(p * 0x1p64);
}

}  // namespace detail

/// true with probability p (to within 2^-64; exact for p = 0 and p = 1),
/// identical on every platform. Same interface as std::bernoulli_distribution.
/// Stateless; a const object can generate concurrently. Outputs are frozen
/// (DESIGN §8).
class bernoulli_distribution {
  public:
    using result_type = bool;

    /// The probability p of true.
    class param_type {
      public:
        using distribution_type = bernoulli_distribution;

        /// p = 0.5.
        CBRNG_HOST_DEVICE constexpr param_type() : param_type(0.5) {}
        /// Throws std::invalid_argument unless 0 <= p <= 1 (NaN rejected).
        CBRNG_HOST_DEVICE explicit constexpr param_type(double p) : p_(p) {
            if (!(p >= 0.0 && p <= 1.0)) {
                detail::param_error("cbrng::bernoulli_distribution", "p must be in [0, 1]", p);
            }
        }
        [[nodiscard]] CBRNG_HOST_DEVICE constexpr double p() const noexcept { return p_; }
        [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
            const param_type& x, const param_type& y) noexcept {
            return x.p_ == y.p_;
        }
        [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
            const param_type& x, const param_type& y) noexcept {
            return !(x == y);
        }

      private:
        double p_;
    };

    /// Consumption per variate is fixed for URBGs with a power-of-two range.
    static constexpr bool fixed_consumption = true;
    /// URBG calls per variate: 1 for a 64-bit URBG, 2 for a 32-bit one; 0
    /// where the URBG's range is not a power of two (variable).
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t words_per_variate() noexcept {
        return detail::urbg_bits<URBG>::template calls<64>;
    }

    /// p = 0.5.
    CBRNG_HOST_DEVICE constexpr bernoulli_distribution() : bernoulli_distribution(0.5) {}
    /// Throws std::invalid_argument unless 0 <= p <= 1.
    CBRNG_HOST_DEVICE explicit constexpr bernoulli_distribution(double p) : p_(p) {}
    CBRNG_HOST_DEVICE explicit constexpr bernoulli_distribution(const param_type& p) : p_(p) {}

    /// No effect: the distribution holds no state between variates.
    CBRNG_HOST_DEVICE void reset() noexcept {}

    /// One variate from g.
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g) const {
        return (*this)(g, p_);
    }
    /// One variate from g with parameters p.
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        return detail::bernoulli_from_bits(detail::generate_bits64(g), p.p());
    }

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr double p() const noexcept { return p_.p(); }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr param_type param() const noexcept { return p_; }
    void param(const param_type& p) noexcept { p_ = p; }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type min() noexcept { return false; }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type max() noexcept { return true; }

    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
        const bernoulli_distribution& x, const bernoulli_distribution& y) noexcept {
        return x.p_ == y.p_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
        const bernoulli_distribution& x, const bernoulli_distribution& y) noexcept {
        return !(x == y);
    }

    /// Text form: "p" as an exact hexadecimal floating literal.
    friend std::ostream& operator<<(std::ostream& os, const bernoulli_distribution& d) {
        detail::ostream_state_guard guard{os};
        detail::write_hex_real(os, d.p());
        return os;
    }
    /// Reads the text form; on malformed text or p outside [0, 1] sets failbit
    /// and leaves d unchanged.
    friend std::istream& operator>>(std::istream& is, bernoulli_distribution& d) {
        double p = 0;
        if (!detail::read_hex_real(is, p)) return is;
        if (!(p >= 0.0 && p <= 1.0)) {
            is.setstate(std::ios_base::failbit);
            return is;
        }
        d.p_ = param_type(p);
        return is;
    }

  private:
    param_type p_;
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_BERNOULLI_HPP
