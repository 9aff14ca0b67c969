// cbrng/distributions/uniform_int.hpp: uniform integers on [a, b], unbiased
// and identical on every platform.
//
// std::uniform_int_distribution's algorithm is unspecified, so libstdc++,
// libc++ and MSVC return different numbers from the same engine. This one is
// frozen (docs/design.md §4, §5): Lemire's multiply-and-reject method ("Fast Random
// Integer Generation in an Interval", ACM TOMACS 29(1), 2019). With
// c = b - a + 1 values and a W-bit word x, the W high bits of x * c are the
// offset from a; the product's low W bits reject the few x that would bias it.
//
//  - W = 32 when the URBG delivers fewer than 64 bits per call (std::mt19937,
//    cbrng::philox4x32) and c <= 2^32; W = 64 otherwise. Bits come from
//    detail::generate_bits32/64 (a 64-bit draw from a 32-bit URBG is two
//    calls, the first being the low half).
//  - c = 2^W (the full range of a 32- or 64-bit type) takes the word as is.
//  - Consumption is variable: one W-bit draw, plus one more per rejection;
//    the rejection probability is below c / 2^W (below 2^-32 for c <= 2^32
//    with W = 64), so the mean is barely above one draw. A single-value
//    range [x, x] still consumes one draw. Because consumption is variable,
//    variate_at() (random_access.hpp) does not accept this distribution.
//
// Every integer type except bool is accepted, including the character types
// and int8..int64 (std:: accepts only short, int, long, long long and their
// unsigned forms).
//
// Example:
//   cbrng::philox4x32 g{42};
//   cbrng::uniform_int_distribution<int> die{1, 6};
//   int roll = die(g);
#ifndef CBRNG_DISTRIBUTIONS_UNIFORM_INT_HPP
#define CBRNG_DISTRIBUTIONS_UNIFORM_INT_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <type_traits>

#include "../config.hpp"
#include "../detail/io.hpp"
#include "../detail/mulhilo.hpp"
#include "../detail/param_error.hpp"
#include "../detail/real_distribution.hpp"
#include "../detail/uniform_bits.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// numeric_limits<Int>::max(), usable in device code.
template <class Int>
inline constexpr Int int_max = [] {
    using U = std::make_unsigned_t<Int>;
    const auto all = static_cast<U>(~U{0});
    return static_cast<Int>(std::is_signed_v<Int> ? static_cast<U>(all >> 1) : all);
}();

/// Uniform offset in [0, span] (span = c - 1) by Lemire's method; the frozen
/// core of uniform_int_distribution.
template <class URBG>
CBRNG_HOST_DEVICE std::uint64_t uniform_offset(URBG& g, std::uint64_t span) {
    if constexpr (urbg_bits<URBG>::bits_per_call < 64) {
        if (span <= 0xffffffffu) {
            if (span == 0xffffffffu) return generate_bits32(g);
            const auto count = static_cast<std::uint32_t>(span + 1u);
            std::uint64_t m = std::uint64_t{generate_bits32(g)} * count;
            auto low = static_cast<std::uint32_t>(m);
            if (low < count) {
                const std::uint32_t threshold = static_cast<std::uint32_t>(0u - count) % count;
                while (low < threshold) {
                    m = std::uint64_t{generate_bits32(g)} * count;
                    low = static_cast<std::uint32_t>(m);
                }
            }
            return m >> 32;
        }
    }
    if (span == ~std::uint64_t{0}) return generate_bits64(g);
    const std::uint64_t count = span + 1u;
    hilo<std::uint64_t> m = mulhilo64(generate_bits64(g), count);
    if (m.lo < count) {
        const std::uint64_t threshold = (0u - count) % count;
        while (m.lo < threshold) m = mulhilo64(generate_bits64(g), count);
    }
    return m.hi;
}

}  // namespace detail

template <class IntType>
class uniform_int_distribution;

namespace detail {

/// The bounds [a, b] (uniform_int_distribution<IntType>::param_type).
template <class IntType>
class uniform_int_param {
  public:
    using distribution_type = uniform_int_distribution<IntType>;

    /// [0, max of IntType].
    CBRNG_HOST_DEVICE constexpr uniform_int_param() : uniform_int_param(0) {}
    /// [a, b]; throws std::invalid_argument if a > b.
    CBRNG_HOST_DEVICE explicit constexpr uniform_int_param(IntType a, IntType b = int_max<IntType>)
        : a_(a), b_(b) {
        if (a > b) {
            param_error("cbrng::uniform_int_distribution", "a must be <= b", a, b);
        }
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType a() const noexcept { return a_; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType b() const noexcept { return b_; }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
        const uniform_int_param& x, const uniform_int_param& y) noexcept {
        return x.a_ == y.a_ && x.b_ == y.b_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
        const uniform_int_param& x, const uniform_int_param& y) noexcept {
        return !(x == y);
    }

  private:
    IntType a_;
    IntType b_;
};

}  // namespace detail

/// Uniform integers on the closed interval [a, b]: unbiased for every range
/// (including the full range of the type and a == b), with results frozen
/// across platforms, compilers and versions of the same major version.
/// Same interface as std::uniform_int_distribution. Stateless: reset() does
/// nothing, and a const distribution can generate. Thread-safety: like any
/// value type; concurrent calls on one object are fine (it is never written).
template <class IntType = int>
class uniform_int_distribution
    : public detail::distribution_base<uniform_int_distribution<IntType>,
                                       detail::uniform_int_param<IntType>, IntType>,
      public detail::variable_consumption {
    static_assert(
        std::is_integral_v<IntType> && !std::is_same_v<IntType, bool>,
        "cbrng::uniform_int_distribution: IntType must be an integer type other than bool");
    static_assert(sizeof(IntType) <= 8,
                  "cbrng::uniform_int_distribution: integers wider than 64 bits are not supported");
    using unsigned_type = std::make_unsigned_t<IntType>;
    using base = detail::distribution_base<uniform_int_distribution<IntType>,
                                           detail::uniform_int_param<IntType>, IntType>;

  public:
    /// The integer type produced.
    using typename base::result_type;
    /// The bounds [a, b].
    using typename base::param_type;

    // fixed_consumption (false) and words_per_variate() (0): variable, from
    // detail::variable_consumption (see the header comment).
    /// URBG calls per attempt (one W-bit draw): the minimum per variate.
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t min_words_per_variate(
        const param_type& p) noexcept {
        const bool narrow = detail::urbg_bits<URBG>::bits_per_call < 64 && span(p) <= 0xffffffffu;
        return narrow ? detail::urbg_bits<URBG>::template calls<32>
                      : detail::urbg_bits<URBG>::template calls<64>;
    }

    /// [0, max of IntType].
    CBRNG_HOST_DEVICE constexpr uniform_int_distribution() : uniform_int_distribution(0) {}
    /// [a, b]; throws std::invalid_argument if a > b.
    CBRNG_HOST_DEVICE explicit constexpr uniform_int_distribution(
        IntType a, IntType b = detail::int_max<IntType>)
        : base(param_type(a, b)) {}
    CBRNG_HOST_DEVICE explicit constexpr uniform_int_distribution(const param_type& p) : base(p) {}

    using base::operator();
    /// One variate from g with parameters p (this object's are unused).
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        const std::uint64_t offset = detail::uniform_offset(g, span(p));
        return static_cast<IntType>(
            static_cast<unsigned_type>(static_cast<unsigned_type>(p.a()) + offset));
    }

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType a() const noexcept {
        return this->param().a();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr IntType b() const noexcept {
        return this->param().b();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type min() const noexcept { return a(); }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr result_type max() const noexcept { return b(); }

    /// Text form: "a b" in decimal (character types as numbers).
    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        const uniform_int_distribution& d) {
        detail::ostream_state_guard guard{os};
        if constexpr (std::is_signed_v<IntType>) {
            os << static_cast<long long>(d.a()) << ' ' << static_cast<long long>(d.b());
        } else {
            os << static_cast<unsigned long long>(d.a()) << ' '
               << static_cast<unsigned long long>(d.b());
        }
        return os;
    }
    /// Reads the text form; on malformed text, values out of IntType's range
    /// or a > b sets failbit and leaves d unchanged.
    template <class Traits>
    friend std::basic_istream<char, Traits>& operator>>(std::basic_istream<char, Traits>& is,
                                                        uniform_int_distribution& d) {
        IntType a{};
        IntType b{};
        if constexpr (std::is_signed_v<IntType>) {
            constexpr auto lo = static_cast<std::int64_t>(std::numeric_limits<IntType>::min());
            constexpr auto hi = static_cast<std::int64_t>(std::numeric_limits<IntType>::max());
            std::int64_t ra = 0;
            std::int64_t rb = 0;
            if (!detail::read_signed(is, lo, hi, ra) || !detail::read_signed(is, lo, hi, rb)) {
                return is;
            }
            a = static_cast<IntType>(ra);
            b = static_cast<IntType>(rb);
        } else {
            constexpr auto hi = static_cast<std::uint64_t>(std::numeric_limits<IntType>::max());
            std::uint64_t ra = 0;
            std::uint64_t rb = 0;
            if (!detail::read_word(is, hi, ra) || !detail::read_word(is, hi, rb)) return is;
            a = static_cast<IntType>(ra);
            b = static_cast<IntType>(rb);
        }
        if (a > b) {
            is.setstate(is.failbit);
            return is;
        }
        d.param(param_type(a, b));
        return is;
    }

  private:
    /// b - a as an unsigned 64-bit value (the count minus one).
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::uint64_t span(
        const param_type& p) noexcept {
        return static_cast<unsigned_type>(static_cast<unsigned_type>(p.b()) -
                                          static_cast<unsigned_type>(p.a()));
    }
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_UNIFORM_INT_HPP
