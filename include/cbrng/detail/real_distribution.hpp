// cbrng/detail/real_distribution.hpp: the std-shaped interface shared by the
// distributions, as CRTP bases, in one place.
//
// distribution_base<Derived, Param, Result> holds the parameters and gives
// every distribution (uniform_int too) result_type and param_type, reset(),
// operator()(g), param(), == and !=. Three bases build on it:
// - real_distribution: real parameters, one fixed-width draw per variate
//   (uniform_real, normal, exponential, bernoulli, the inversion family):
//   the consumption constants, operator()(g, p) through Derived's
//   `static result_type from_bits(bits, const param_type&)`, the frozen map
//   from one draw to one variate;
// - variable_real_distribution: real parameters, variable consumption
//   (gamma, chi_squared, student_t, fisher_f, beta);
// - int_rejection_distribution: integer variates by rejection (poisson,
//   binomial, negative_binomial), with the text form "[count ]real".
// Two mixins serve more than one base: variable_consumption (the consumption
// constants of every variable-consumption distribution, uniform_int's too)
// and real_params_text (the text form of the two real bases: the parameters
// as exact hexadecimal floating literals, separated by spaces). Derived adds
// its constructors, named accessors and min()/max().
//
// A real Param (detail/params.hpp) supplies `value_type` (float or double:
// the parameters' type, whose width is the draw's: 32 or 64 bits), `arity`,
// `values()` (the parameters in text order), a constructor from those
// values, and `valid(values)`, the same rule as its throwing constructor
// without the throw, for operator>>.
#ifndef CBRNG_DETAIL_REAL_DISTRIBUTION_HPP
#define CBRNG_DETAIL_REAL_DISTRIBUTION_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>

#include "../config.hpp"
#include "../word_array.hpp"
#include "fast_math.hpp"
#include "io.hpp"
#include "uniform_bits.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// What every cbrng distribution shares (CRTP): the parameters, reset(),
/// operator()(g) as Derived's operator()(g, param()), param(), == and !=.
template <class Derived, class Param, class Result>
class distribution_base {
  public:
    using result_type = Result;
    using param_type = Param;

    /// No effect: the distribution holds no state between variates.
    CBRNG_HOST_DEVICE void reset() noexcept {}

    /// One variate from g.
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g) const {
        return static_cast<const Derived&>(*this)(g, p_);
    }

    [[nodiscard]] CBRNG_HOST_DEVICE constexpr param_type param() const noexcept { return p_; }
    void param(const param_type& p) noexcept { p_ = p; }

    /// Same parameters.
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(const Derived& x,
                                                                     const Derived& y) noexcept {
        return x.param() == y.param();
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(const Derived& x,
                                                                     const Derived& y) noexcept {
        return !(x == y);
    }

  protected:
    CBRNG_HOST_DEVICE explicit constexpr distribution_base(const Param& p) : p_(p) {}

  private:
    Param p_;
};

/// Writes p's values as exact hexadecimal floating literals, separated by
/// spaces: the text form of every distribution with real parameters.
template <class Ostream, class Param>
Ostream& write_real_params(Ostream& os, const Param& p) {
    ostream_state_guard guard{os};
    const auto v = p.values();
    for (std::size_t i = 0; i < Param::arity; ++i) {
        if (i != 0) os << ' ';
        write_hex_real(os, v[i]);
    }
    return os;
}

/// Reads write_real_params' form into d's parameters; on malformed text or
/// values Param's constructor would reject sets failbit and leaves d
/// unchanged.
template <class Istream, class Derived>
Istream& read_real_params(Istream& is, Derived& d) {
    using param = typename Derived::param_type;
    word_array<typename param::value_type, param::arity> v{};
    for (std::size_t i = 0; i < param::arity; ++i) {
        if (!read_hex_real(is, v[i])) return is;
    }
    if (!param::valid(v)) {
        is.setstate(is.failbit);
        return is;
    }
    d.param(param(v));
    return is;
}

/// The consumption constants of the distributions whose words per variate
/// vary (rejection samplers, searches, uniform_int): no fixed word count, so
/// no O(1) random access and no slices.
struct variable_consumption {
    static constexpr bool fixed_consumption = false;
    /// URBG calls per variate: 0, meaning variable.
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t words_per_variate() noexcept {
        return 0;
    }
};

/// The text form of the distributions with real parameters (CRTP): the
/// parameters as exact hexadecimal floating literals, separated by spaces.
template <class Derived>
struct real_params_text {
    /// Text form: the parameters as exact hexadecimal floating literals.
    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        const Derived& d) {
        return write_real_params(os, d.param());
    }
    /// Reads the text form; on malformed text or parameters the constructor
    /// would reject sets failbit and leaves d unchanged.
    template <class Traits>
    friend std::basic_istream<char, Traits>& operator>>(std::basic_istream<char, Traits>& is,
                                                        Derived& d) {
        return read_real_params(is, d);
    }
};

/// The distributions with real parameters and one fixed-width draw per
/// variate: Derived::from_bits(draw, param) is the variate.
template <class Derived, class Param, class Result = typename Param::value_type>
class real_distribution : public distribution_base<Derived, Param, Result>,
                          public real_params_text<Derived> {
    using base = distribution_base<Derived, Param, Result>;
    using draw_type = typename Param::value_type;  // its width is the draw's

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// Consumption per variate is fixed for URBGs with a power-of-two range.
    static constexpr bool fixed_consumption = true;
    /// URBG calls per variate: 1, or 2 for a 64-bit draw from a 32-bit URBG;
    /// 0 where the URBG's range is not a power of two (variable).
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t words_per_variate() noexcept {
        return urbg_bits<URBG>::template calls<variate_bits<draw_type>>;
    }

    using base::operator();
    /// One variate from g with parameters p.
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        require_default_fp_flags<Derived>();
        return Derived::from_bits(generate_variate_bits<draw_type>(g), p);
    }

  protected:
    using base::base;
};

/// The base of the distributions with real parameters whose consumption is
/// variable (gamma, chi_squared, student_t, fisher_f, beta): the
/// distribution_base interface, the consumption constants (variable) and the
/// text form of real_distribution (the parameters as exact hexadecimal
/// floating literals). Derived supplies operator()(g, param).
template <class Derived, class Param>
class variable_real_distribution
    : public distribution_base<Derived, Param, typename Param::value_type>,
      public variable_consumption,
      public real_params_text<Derived> {
    using base = distribution_base<Derived, Param, typename Param::value_type>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    /// The fewest URBG calls a variate with parameters p takes (every
    /// rejection adds to it); 0 where the URBG's range is not a power of two.
    template <class URBG>
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr std::size_t min_words_per_variate(
        const param_type& p) noexcept {
        return Derived::min_draws(p) * urbg_bits<URBG>::template calls<64>;
    }

  protected:
    using base::base;
};

/// The integer distributions sampled by rejection or a variable-length search
/// (poisson, binomial, negative_binomial): the distribution_base interface,
/// the consumption constants (variable), operator()(g, p) as p.generate(g),
/// min() = 0 and the text form "[count ]real": an optional decimal count (t,
/// k) and one exact hexadecimal floating literal (mean, p).
///
/// Param supplies `generate(g)` and, for the text form, `text_count_max` (the
/// largest count read, 0 where the text has no count), `text_count()`,
/// `text_real()`, `text_valid(count, real)` (its constructor's rules without
/// the throw) and `from_text(count, real)`.
template <class Derived, class Param, class IntType>
class int_rejection_distribution : public distribution_base<Derived, Param, IntType>,
                                   public variable_consumption {
    using base = distribution_base<Derived, Param, IntType>;

  public:
    using typename base::param_type;
    using typename base::result_type;

    using base::operator();
    /// One variate from g with parameters p (this object's are unused).
    template <class URBG>
    CBRNG_HOST_DEVICE result_type operator()(URBG& g, const param_type& p) const {
        require_default_fp_flags<Derived>();
        return p.generate(g);
    }

    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type min() noexcept { return 0; }

    /// Text form: "[count ]real", the count in decimal, the real as an exact
    /// hexadecimal floating literal.
    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        const Derived& d) {
        ostream_state_guard guard{os};
        if constexpr (Param::text_count_max != 0) {
            os << static_cast<unsigned long long>(d.param().text_count()) << ' ';
        }
        write_hex_double(os, d.param().text_real());
        return os;
    }
    /// Reads the text form; on malformed text or parameters the constructor
    /// would reject sets failbit and leaves d unchanged.
    template <class Traits>
    friend std::basic_istream<char, Traits>& operator>>(std::basic_istream<char, Traits>& is,
                                                        Derived& d) {
        std::uint64_t count = 0;
        double real = 0;
        if constexpr (Param::text_count_max != 0) {
            if (!read_word(is, Param::text_count_max, count)) return is;
        }
        if (!read_hex_double(is, real)) return is;
        if (!Param::text_valid(count, real)) {
            is.setstate(is.failbit);
            return is;
        }
        d.param(Param::from_text(count, real));
        return is;
    }

  protected:
    using base::base;
};

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_REAL_DISTRIBUTION_HPP
