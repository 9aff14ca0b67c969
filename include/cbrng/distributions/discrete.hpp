// cbrng/distributions/discrete.hpp: integers 0..n-1 with given weights, in
// O(1) per variate from one 64-bit draw, identical on every platform.
//
// std::discrete_distribution's algorithm is unspecified (libstdc++ searches
// the cumulative sums: O(log n) and a floating comparison per variate). This
// one is Walker's alias method with Vose's construction, built in integer
// arithmetic (detail/alias_table.hpp): the probabilities p_i = w_i / sum(w)
// (sum in index order, one correctly rounded division each) are turned into
// integer units, n columns of 2^s units with s = 63 - ceil(log2 n), and a
// variate is one 64-bit word x: the high word of x * n picks the column, the
// low word is compared with the column's integer threshold. No floating
// operation happens per variate, and the table is the same bits everywhere.
//
// Accuracy: outcome i is drawn with probability p_i to within n * 2^-64 plus
// the table's rounding of p_i to a multiple of 2^-(s + log2 n) (about 2^-63
// relative to the column); an outcome of weight 0 is never drawn.
//
// Words consumed per variate, fixed: one 64-bit draw (two calls of a 32-bit
// URBG, low half first); hence O(1) random access with variate_at().
//
// Differences from std::: an empty weight list (or nw = 0) is an error rather
// than the single weight 1; weights must be finite and >= 0 with a positive
// finite sum (std:: leaves that undefined); n is at most 2^32 and at most
// max(IntType) + 1. The default distribution is std::'s: the single weight 1.
//
// Device code: the parameters own a heap table, so the distribution is
// host-only. (detail::alias_view is the table's draw, callable on a device
// over a table copied there; it is not a public interface.)
//
// Example:
//   cbrng::philox4x32 g{1};
//   cbrng::discrete_distribution<int> loaded{1.0, 1.0, 1.0, 1.0, 1.0, 5.0};
//   int face = loaded(g);   // 5 half of the time
#ifndef CBRNG_DISTRIBUTIONS_DISCRETE_HPP
#define CBRNG_DISTRIBUTIONS_DISCRETE_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <iterator>
#include <type_traits>
#include <utility>
#include <vector>

#include "../config.hpp"
#include "../detail/alias_table.hpp"
#include "../detail/fast_math.hpp"
#include "../detail/fp.hpp"
#include "../detail/io.hpp"
#include "../detail/param_error.hpp"
#include "../detail/uniform_bits.hpp"
#include "uniform_int.hpp"

CBRNG_NAMESPACE_BEGIN

template <class IntType>
class discrete_distribution;

namespace detail {

/// Checks weights for a distribution: non-empty, at most max_count, each
/// >= 0 and finite, sum > 0 and finite; returns the sum (in index order).
inline double checked_weight_sum(const char* name, const std::vector<double>& w,
                                 std::uint64_t max_count, const char* count_rule) {
    if (w.empty()) param_error(name, "the number of weights must be >= 1", std::uint64_t{0});
    if (static_cast<std::uint64_t>(w.size()) > max_count) {
        param_error(name, count_rule, static_cast<std::uint64_t>(w.size()));
    }
    double sum = 0;
    for (const double x : w) {
        if (!(x >= 0.0) || !is_finite(x))
            param_error(name, "each weight must be >= 0 and finite", x);
        sum += x;
    }
    if (!(sum > 0.0) || !is_finite(sum)) {
        param_error(name, "the sum of the weights must be > 0 and finite", sum);
    }
    return sum;
}

/// The weights and the table built from them (discrete_distribution's
/// param_type).
template <class IntType>
class discrete_param {
  public:
    using distribution_type = discrete_distribution<IntType>;

    /// The most weights: min(2^32, max(IntType) + 1).
    static constexpr std::uint64_t max_size =
        static_cast<std::uint64_t>(int_max<IntType>) < alias_table_max_size
            ? static_cast<std::uint64_t>(int_max<IntType>) + 1u
            : alias_table_max_size;

    /// The single weight 1 (always 0).
    discrete_param() : discrete_param(std::vector<double>{1.0}) {}
    /// Weights from [first, last).
    template <class InputIt>
    discrete_param(InputIt first, InputIt last) : discrete_param(to_vector(first, last)) {}
    discrete_param(std::initializer_list<double> w) : discrete_param(std::vector<double>(w)) {}
    /// nw weights fw(xmin + (k + 0.5) * delta), delta = (xmax - xmin) / nw, as std::.
    template <class UnaryOperation>
    discrete_param(std::size_t nw, double xmin, double xmax, UnaryOperation fw)
        : discrete_param(sampled(nw, xmin, xmax, fw)) {}
    /// Throws std::invalid_argument for an empty list, more than max_size
    /// weights, a weight < 0, NaN or infinite, or a sum 0 or infinite.
    explicit discrete_param(std::vector<double> w) : weights_(std::move(w)) {
        const double sum = checked_weight_sum("cbrng::discrete_distribution", weights_, max_size,
                                              max_size == alias_table_max_size
                                                  ? "the number of weights must be <= 2^32"
                                                  : "the number of weights must be <= the result "
                                                    "type's maximum + 1");
        probabilities_.resize(weights_.size());
        for (std::size_t i = 0; i < weights_.size(); ++i) probabilities_[i] = weights_[i] / sum;
        table_ = alias_table(probabilities_);
    }

    /// The normalised probabilities w_i / sum(w).
    [[nodiscard]] std::vector<double> probabilities() const { return probabilities_; }
    /// The weights as given (the text form).
    [[nodiscard]] const std::vector<double>& weights() const noexcept { return weights_; }
    [[nodiscard]] const alias_table& table() const noexcept { return table_; }

    [[nodiscard]] friend bool operator==(const discrete_param& x, const discrete_param& y) {
        return x.probabilities_ == y.probabilities_;
    }
    [[nodiscard]] friend bool operator!=(const discrete_param& x, const discrete_param& y) {
        return !(x == y);
    }

  private:
    template <class InputIt>
    static std::vector<double> to_vector(InputIt first, InputIt last) {
        std::vector<double> v;
        for (; first != last; ++first) v.push_back(static_cast<double>(*first));
        return v;
    }
    template <class UnaryOperation>
    static std::vector<double> sampled(std::size_t nw, double xmin, double xmax,
                                       UnaryOperation fw) {
        std::vector<double> v(nw);
        const double delta = (xmax - xmin) / static_cast<double>(nw);
        for (std::size_t k = 0; k < nw; ++k) {
            v[k] = static_cast<double>(fw(xmin + fp_mul(static_cast<double>(k) + 0.5, delta)));
        }
        return v;
    }

    std::vector<double> weights_;
    std::vector<double> probabilities_;
    alias_table table_;
};

}  // namespace detail

/// Integers 0..n-1 drawn with probabilities proportional to n given weights:
/// O(1) per variate (alias method), one 64-bit draw each, identical on every
/// platform. Same interface as std::discrete_distribution (see the header
/// comment for the few differences). Stateless after construction: a const
/// object can generate concurrently. Host only. Outputs are frozen
/// (docs/design.md §4).
template <class IntType = int>
class discrete_distribution {
    static_assert(std::is_integral_v<IntType> && !std::is_same_v<IntType, bool>,
                  "cbrng::discrete_distribution: IntType must be an integer type other than bool");
    static_assert(sizeof(IntType) <= 8,
                  "cbrng::discrete_distribution: integers wider than 64 bits are not supported");

  public:
    using result_type = IntType;
    using param_type = detail::discrete_param<IntType>;

    /// Consumption per variate is fixed: one 64-bit draw.
    static constexpr bool fixed_consumption = true;
    /// URBG calls per variate: 1 (64-bit URBG) or 2 (32-bit URBG); 0 where
    /// the URBG's range is not a power of two (variable).
    template <class URBG>
    [[nodiscard]] static constexpr std::size_t words_per_variate() noexcept {
        return detail::urbg_bits<URBG>::template calls<64>;
    }

    /// The single weight 1.
    discrete_distribution() = default;
    template <class InputIt>
    discrete_distribution(InputIt first, InputIt last) : p_(first, last) {}
    discrete_distribution(std::initializer_list<double> w) : p_(w) {}
    template <class UnaryOperation>
    discrete_distribution(std::size_t nw, double xmin, double xmax, UnaryOperation fw)
        : p_(nw, xmin, xmax, fw) {}
    explicit discrete_distribution(const param_type& p) : p_(p) {}

    /// No effect: the distribution holds no state between variates.
    void reset() noexcept {}

    /// One variate from g.
    template <class URBG>
    result_type operator()(URBG& g) const {
        return (*this)(g, p_);
    }
    /// One variate from g with parameters p.
    template <class URBG>
    result_type operator()(URBG& g, const param_type& p) const {
        detail::require_default_fp_flags<discrete_distribution>();
        return static_cast<IntType>(p.table().view().pick(detail::generate_bits64(g)));
    }

    [[nodiscard]] std::vector<double> probabilities() const { return p_.probabilities(); }
    [[nodiscard]] const param_type& param() const noexcept { return p_; }
    void param(const param_type& p) { p_ = p; }
    [[nodiscard]] static constexpr result_type min() noexcept { return 0; }
    [[nodiscard]] result_type max() const noexcept {
        return static_cast<IntType>(p_.weights().size() - 1);
    }

    [[nodiscard]] friend bool operator==(const discrete_distribution& x,
                                         const discrete_distribution& y) {
        return x.p_ == y.p_;
    }
    [[nodiscard]] friend bool operator!=(const discrete_distribution& x,
                                         const discrete_distribution& y) {
        return !(x == y);
    }

    /// Text form: n, then the n weights as given, as exact hexadecimal
    /// floating literals, separated by spaces.
    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        const discrete_distribution& d) {
        detail::ostream_state_guard guard{os};
        os << d.p_.weights().size();
        for (const double w : d.p_.weights()) {
            os << ' ';
            detail::write_hex_double(os, w);
        }
        return os;
    }
    /// Reads the text form; on malformed text or weights the constructor
    /// would reject sets failbit and leaves d unchanged.
    template <class Traits>
    friend std::basic_istream<char, Traits>& operator>>(std::basic_istream<char, Traits>& is,
                                                        discrete_distribution& d) {
        std::uint64_t n = 0;
        if (!detail::read_word(is, param_type::max_size, n)) return is;
        std::vector<double> w;
        for (std::uint64_t i = 0; i < n; ++i) {
            double x = 0;
            if (!detail::read_hex_double(is, x)) return is;
            w.push_back(x);
        }
        if (!valid(w)) {
            is.setstate(is.failbit);
            return is;
        }
        d.p_ = param_type(std::move(w));
        return is;
    }

  private:
    static bool valid(const std::vector<double>& w) {
        if (w.empty()) return false;
        double sum = 0;
        for (const double x : w) {
            if (!(x >= 0.0) || !detail::is_finite(x)) return false;
            sum += x;
        }
        return sum > 0.0 && detail::is_finite(sum);
    }

    param_type p_;
};

CBRNG_NAMESPACE_END

#endif  // CBRNG_DISTRIBUTIONS_DISCRETE_HPP
