// cbrng/distributions/exponential.hpp: exponential variates, bit-stable, one
// draw per variate, O(1) random access.
//
// By inversion, with the library's own logarithm (detail/math.hpp, no libm):
//
//   double: u = ((x >> 11) + 1) * 2^-53 from one 64-bit draw x, u in (0, 1]
//   float:  u = (x + 1) * 2^-32 from one 32-bit draw x (in double)
//   result = -log(u) / lambda (in double; rounded once to float for float)
//
// u is never 0, so the result is finite: 0 <= result <= 36.74 / lambda for
// double (53 ln 2), 22.18 / lambda for float (32 ln 2); the tail mass cut off
// beyond is 2^-53 (2^-32). The result is +0 for u = 1. (A rate so small that
// this maximum exceeds the type's range overflows to +inf, as the exact value
// would.) Bit-identical across compilers, -O levels, -march, SIMD paths and
// devices (DESIGN §6).
//
// Words consumed per variate, fixed: one 64-bit draw for double (two calls of
// a 32-bit URBG, low half first), one 32-bit draw for float; hence O(1)
// random access with variate_at() (random_access.hpp).
//
// Example:
//   cbrng::philox4x32 g{3};
//   cbrng::exponential_distribution<double> wait{0.5};   // mean 2
//   double t = wait(g);
#ifndef CBRNG_DISTRIBUTIONS_EXPONENTIAL_HPP
#define CBRNG_DISTRIBUTIONS_EXPONENTIAL_HPP

#include <cstddef>
#include <cstdint>
#include <istream>
#include <limits>
#include <ostream>
#include <type_traits>

#include "../config.hpp"
#include "../detail/fp.hpp"
#include "../detail/io.hpp"
#include "../detail/math.hpp"
#include "../detail/param_error.hpp"
#include "../detail/uniform_bits.hpp"

CBRNG_NAMESPACE_BEGIN

template <class RealType>
class exponential_distribution;

namespace detail {

/// Parameters of exponential_distribution<Real> (its param_type).
template <class Real>
class exponential_param {
  public:
    using distribution_type = exponential_distribution<Real>;

    /// lambda 1.
    CBRNG_HOST_DEVICE constexpr exponential_param() : exponential_param(Real(1)) {}
    /// Throws std::invalid_argument unless lambda > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr exponential_param(Real lambda) : lambda_(lambda) {
        if (!(lambda > Real(0)) || !is_finite(lambda)) {
            param_error("cbrng::exponential_distribution", "lambda must be > 0 and finite", lambda);
        }
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr Real lambda() const noexcept { return lambda_; }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
        const exponential_param& x, const exponential_param& y) noexcept {
        return x.lambda_ == y.lambda_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
        const exponential_param& x, const exponential_param& y) noexcept {
        return !(x == y);
    }

  private:
    Real lambda_;
};

/// u = ((x >> 11) + 1) * 2^-53 in (0, 1].
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double exponential_unit(std::uint64_t x) noexcept {
    return static_cast<double>((x >> 11) + 1u) * 0x1p-53;
}
/// u = (x + 1) * 2^-32 in (0, 1].
[[nodiscard]] CBRNG_HOST_DEVICE constexpr double exponential_unit(std::uint32_t x) noexcept {
    return static_cast<double>(std::uint64_t{x} + 1u) * 0x1p-32;
}

/// The double exponential variate for 64 random bits x (frozen; mirrored by
/// the SIMD back ends).
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR double exponential_from_bits(
    std::uint64_t x, const exponential_param<double>& p) noexcept {
    return (0.0 - detail::log(exponential_unit(x))) / p.lambda();
}
/// The float exponential variate for 32 random bits x: computed in double,
/// rounded once.
[[nodiscard]] CBRNG_HOST_DEVICE CBRNG_FP_CONSTEXPR float exponential_from_bits(
    std::uint32_t x, const exponential_param<float>& p) noexcept {
    return static_cast<float>((0.0 - detail::log(exponential_unit(x))) /
                              static_cast<double>(p.lambda()));
}

}  // namespace detail

/// Exponential variates with rate lambda (mean 1 / lambda), by inversion:
/// one draw per variate, bit-identical on every platform and path. Same
/// interface as std::exponential_distribution; RealType is float or double.
/// Stateless; a const object can generate concurrently. Outputs are frozen
/// (DESIGN §8).
template <class RealType = double>
class exponential_distribution {
    static_assert(std::is_same_v<RealType, float> || std::is_same_v<RealType, double>,
                  "cbrng::exponential_distribution: RealType must be float or double");

  public:
    using result_type = RealType;
    using param_type = detail::exponential_param<RealType>;

    /// Consumption per variate is fixed for URBGs with a power-of-two range.
    static constexpr bool fixed_consumption = true;
    /// URBG calls per variate: 1, or 2 for a double from a 32-bit URBG; 0 where
    /// the URBG's range is not a power of two (variable).
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t words_per_variate() noexcept {
        return detail::urbg_bits<URBG>::template calls<detail::variate_bits<RealType>>;
    }

    /// lambda 1.
    CBRNG_HOST_DEVICE constexpr exponential_distribution()
        : exponential_distribution(RealType(1)) {}
    /// Throws std::invalid_argument unless lambda > 0 and finite.
    CBRNG_HOST_DEVICE explicit constexpr exponential_distribution(RealType lambda) : p_(lambda) {}
    CBRNG_HOST_DEVICE explicit constexpr exponential_distribution(const param_type& p) : p_(p) {}

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
        return detail::exponential_from_bits(detail::generate_variate_bits<RealType>(g), p);
    }

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr RealType lambda() const noexcept {
        return p_.lambda();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr param_type param() const noexcept { return p_; }
    void param(const param_type& p) noexcept { p_ = p; }
    /// 0.
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept {
        return RealType(0);
    }
    /// The largest finite value, as for std:: (actual variates stay below
    /// 36.74 / lambda for double, 22.18 / lambda for float).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept {
        return detail::largest_finite<RealType>;
    }

    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
        const exponential_distribution& x, const exponential_distribution& y) noexcept {
        return x.p_ == y.p_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
        const exponential_distribution& x, const exponential_distribution& y) noexcept {
        return !(x == y);
    }

    /// Text form: "lambda" as an exact hexadecimal floating literal.
    friend std::ostream& operator<<(std::ostream& os, const exponential_distribution& d) {
        detail::ostream_state_guard guard{os};
        detail::write_hex_real(os, d.lambda());
        return os;
    }
    /// Reads the text form; on malformed text or lambda <= 0 sets failbit and
    /// leaves d unchanged.
    friend std::istream& operator>>(std::istream& is, exponential_distribution& d) {
        RealType lambda{};
        if (!detail::read_hex_real(is, lambda)) return is;
        if (!(lambda > RealType(0)) || !detail::is_finite(lambda)) {
            is.setstate(std::ios_base::failbit);
            return is;
        }
        d.p_ = param_type(lambda);
        return is;
    }

  private:
    param_type p_;
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_EXPONENTIAL_HPP
