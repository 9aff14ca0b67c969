// cbrng/detail/piecewise.hpp: what piecewise_constant_distribution and
// piecewise_linear_distribution share: the std-shaped parameters (interval
// boundaries and weights), their checks, the alias table over the intervals,
// the text form, and the draw.
//
// A variate is two fixed-width draws: one 64-bit word picks the interval i
// through the alias table (detail/alias_table.hpp) built from the intervals'
// probabilities, then one draw of the result type's width (64 bits for
// double, 32 for float) gives u in [0, 1) (53- or 24-bit grid, as
// uniform_real) and the position inside [b_i, b_{i+1}):
//  - constant density: x = b_i + u (b_{i+1} - b_i);
//  - linear density from a = w_i to c = w_{i+1} (scaled so that
//    max(a, c) = 1): the inverse of the quadratic CDF, in the cancellation-free
//    form t = u (a + c) / (a + sqrt(a^2 (1 - u) + c^2 u)), x = b_i + t
//    (b_{i+1} - b_i) (t = 0 for u = 0).
// Both in double with guarded products and the library's sqrt; float results
// are the double rounded once. A result that rounds up to b_{i+1} is replaced
// by the largest value of the type below it, so x is always in [b_i,
// b_{i+1}). Consumption is fixed (O(1) variate_at).
#ifndef CBRNG_DETAIL_PIECEWISE_HPP
#define CBRNG_DETAIL_PIECEWISE_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <type_traits>
#include <utility>
#include <vector>

#include "../config.hpp"
#include "alias_table.hpp"
#include "fast_math.hpp"
#include "fp.hpp"
#include "io.hpp"
#include "math.hpp"
#include "param_error.hpp"
#include "uniform_bits.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// The parameters of a piecewise distribution (its param_type): boundaries
/// b_0 < ... < b_n and weights (n of them for constant densities, n + 1 at
/// the boundaries for linear ones), as given, plus the normalised densities
/// and the alias table over the intervals.
template <class Real, bool Linear>
class piecewise_param {
  public:
    static constexpr const char* name =
        Linear ? "cbrng::piecewise_linear_distribution" : "cbrng::piecewise_constant_distribution";

    /// Boundaries {0, 1}, density 1.
    piecewise_param()
        : piecewise_param(std::vector<Real>{0, 1}, std::vector<Real>(Linear ? 2 : 1, 1)) {}
    /// Boundaries [first_b, last_b), weights from first_w (one per interval,
    /// or one per boundary for piecewise_linear).
    template <class InputItB, class InputItW>
    piecewise_param(InputItB first_b, InputItB last_b, InputItW first_w)
        : piecewise_param(from_iterators(first_b, last_b, first_w)) {}
    /// Boundaries bl, weights fw at the intervals' midpoints (constant) or at
    /// the boundaries (linear), as std::.
    template <class UnaryOperation>
    piecewise_param(std::initializer_list<Real> bl, UnaryOperation fw)
        : piecewise_param(from_function(std::vector<Real>(bl), fw)) {}
    /// nw equal intervals over [xmin, xmax], weights from fw as std::.
    template <class UnaryOperation>
    piecewise_param(std::size_t nw, Real xmin, Real xmax, UnaryOperation fw)
        : piecewise_param(from_function(equal_intervals(nw, xmin, xmax), fw)) {}
    /// Throws std::invalid_argument for fewer than 2 boundaries, boundaries
    /// not finite or not strictly increasing (or an interval wider than the
    /// largest double), the wrong number of weights, a weight < 0, NaN or
    /// infinite, or a total weight 0 or infinite.
    piecewise_param(std::vector<Real> b, std::vector<Real> w) : b_(std::move(b)), w_(std::move(w)) {
        if (b_.size() < 2) {
            param_error(name, "the number of interval boundaries must be >= 2",
                        static_cast<std::uint64_t>(b_.size()));
        }
        if (static_cast<std::uint64_t>(b_.size() - 1) > alias_table_max_size) {
            param_error(name, "the number of intervals must be <= 2^32",
                        static_cast<std::uint64_t>(b_.size() - 1));
        }
        for (std::size_t i = 0; i < b_.size(); ++i) {
            if (!is_finite(b_[i])) param_error(name, "each boundary must be finite", b_[i]);
            if (i != 0 && !(b_[i - 1] < b_[i])) {
                param_error(name, "the boundaries must be strictly increasing", b_[i - 1], b_[i]);
            }
        }
        const std::size_t n = b_.size() - 1;
        if (w_.size() != (Linear ? n + 1 : n)) {
            param_error(name,
                        Linear ? "the number of weights must be the number of boundaries"
                               : "the number of weights must be the number of intervals",
                        static_cast<std::uint64_t>(w_.size()));
        }
        for (const Real x : w_) {
            if (!(x >= Real(0)) || !is_finite(x)) {
                param_error(name, "each weight must be >= 0 and finite", x);
            }
        }
        // Interval masses in double: w_i (constant) or (w_i + w_{i+1}) / 2 * width.
        std::vector<double> mass(n);
        double total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double width = static_cast<double>(b_[i + 1]) - static_cast<double>(b_[i]);
            if (!is_finite(width)) {
                param_error(name, "each interval's width must be finite",
                            static_cast<double>(b_[i]), static_cast<double>(b_[i + 1]));
            }
            mass[i] =
                Linear ? fp_mul(0.5 * (static_cast<double>(w_[i]) + static_cast<double>(w_[i + 1])),
                                width)
                       : static_cast<double>(w_[i]);
            total += mass[i];
        }
        if (!(total > 0.0) || !is_finite(total)) {
            param_error(name, "the total weight must be > 0 and finite", total);
        }
        std::vector<double> p(n);
        for (std::size_t i = 0; i < n; ++i) p[i] = mass[i] / total;
        table_ = alias_table(p);
        // Densities as std:: reports them.
        rho_.resize(w_.size());
        if (Linear) {
            for (std::size_t i = 0; i < w_.size(); ++i) {
                rho_[i] = static_cast<Real>(static_cast<double>(w_[i]) / total);
            }
            lo_.resize(n);
            hi_.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                const double a = static_cast<double>(w_[i]);
                const double c = static_cast<double>(w_[i + 1]);
                const double m = a > c ? a : c;
                lo_[i] = m > 0.0 ? a / m : 0.0;
                hi_[i] = m > 0.0 ? c / m : 0.0;
            }
        } else {
            for (std::size_t i = 0; i < n; ++i) {
                const double width = static_cast<double>(b_[i + 1]) - static_cast<double>(b_[i]);
                rho_[i] = static_cast<Real>(static_cast<double>(w_[i]) / total / width);
            }
        }
    }

    [[nodiscard]] std::vector<Real> intervals() const { return b_; }
    [[nodiscard]] std::vector<Real> densities() const { return rho_; }
    /// The weights as given (the text form).
    [[nodiscard]] const std::vector<Real>& weights() const noexcept { return w_; }
    [[nodiscard]] const alias_table& table() const noexcept { return table_; }

    [[nodiscard]] friend bool operator==(const piecewise_param& x, const piecewise_param& y) {
        return x.b_ == y.b_ && x.rho_ == y.rho_;
    }
    [[nodiscard]] friend bool operator!=(const piecewise_param& x, const piecewise_param& y) {
        return !(x == y);
    }

    /// The variate for the interval word x and the position bits y.
    template <class Bits>
    [[nodiscard]] Real variate(std::uint64_t x, Bits y) const noexcept {
        const auto i = static_cast<std::size_t>(table_.view().pick(x));
        const double u = sizeof(Bits) == 8 ? static_cast<double>(y >> 11) * 0x1p-53
                                           : static_cast<double>(y >> 8) * 0x1p-24;
        double t = u;
        if (Linear && u != 0.0) {
            const double a = lo_[i];
            const double c = hi_[i];
            const double d = fp_mul(fp_mul(a, a), 1.0 - u) + fp_mul(fp_mul(c, c), u);
            t = fp_mul(u, a + c) / (a + detail::sqrt(d));
        }
        const double lo = static_cast<double>(b_[i]);
        const double width = static_cast<double>(b_[i + 1]) - lo;
        const auto r = static_cast<Real>(lo + fp_mul(t, width));
        return r < b_[i + 1] ? r : next_below(b_[i + 1]);
    }

    /// Text form: the number of boundaries, the boundaries, then the weights
    /// as given, as exact hexadecimal floating literals.
    template <class Ostream>
    void write(Ostream& os) const {
        ostream_state_guard guard{os};
        os << b_.size();
        for (const Real x : b_) {
            os << ' ';
            write_hex_real(os, x);
        }
        for (const Real x : w_) {
            os << ' ';
            write_hex_real(os, x);
        }
    }
    /// Reads the text form into out; on malformed text or parameters the
    /// constructor would reject sets failbit and leaves out unchanged.
    template <class Istream>
    static void read(Istream& is, piecewise_param& out) {
        std::uint64_t nb = 0;
        if (!read_word(is, alias_table_max_size + 1, nb)) return;
        std::vector<Real> b;
        std::vector<Real> w;
        for (std::uint64_t i = 0; i < nb; ++i) {
            Real x{};
            if (!read_hex_real(is, x)) return;
            b.push_back(x);
        }
        const std::uint64_t nw = nb == 0 ? 0 : (Linear ? nb : nb - 1);
        for (std::uint64_t i = 0; i < nw; ++i) {
            Real x{};
            if (!read_hex_real(is, x)) return;
            w.push_back(x);
        }
        try {
            out = piecewise_param(std::move(b), std::move(w));
        } catch (const std::invalid_argument&) {
            is.setstate(is.failbit);
        }
    }

  private:
    struct parts {
        std::vector<Real> b;
        std::vector<Real> w;
    };
    explicit piecewise_param(parts p) : piecewise_param(std::move(p.b), std::move(p.w)) {}

    template <class InputItB, class InputItW>
    static parts from_iterators(InputItB first_b, InputItB last_b, InputItW first_w) {
        parts p;
        for (; first_b != last_b; ++first_b) p.b.push_back(static_cast<Real>(*first_b));
        const std::size_t nw = p.b.empty() ? 0 : (Linear ? p.b.size() : p.b.size() - 1);
        for (std::size_t i = 0; i < nw; ++i, ++first_w) p.w.push_back(static_cast<Real>(*first_w));
        return p;
    }
    template <class UnaryOperation>
    static parts from_function(std::vector<Real> b, UnaryOperation fw) {
        parts p;
        p.b = std::move(b);
        if (Linear) {
            for (const Real x : p.b) p.w.push_back(static_cast<Real>(fw(x)));
        } else {
            for (std::size_t i = 0; i + 1 < p.b.size(); ++i) {
                const double mid =
                    0.5 * (static_cast<double>(p.b[i]) + static_cast<double>(p.b[i + 1]));
                p.w.push_back(static_cast<Real>(fw(static_cast<Real>(mid))));
            }
        }
        return p;
    }
    static std::vector<Real> equal_intervals(std::size_t nw, Real xmin, Real xmax) {
        std::vector<Real> b;
        if (nw == 0) return b;  // rejected by the constructor
        const double delta =
            (static_cast<double>(xmax) - static_cast<double>(xmin)) / static_cast<double>(nw);
        for (std::size_t k = 0; k < nw; ++k) {
            b.push_back(static_cast<Real>(static_cast<double>(xmin) +
                                          fp_mul(static_cast<double>(k), delta)));
        }
        b.push_back(xmax);
        return b;
    }

    std::vector<Real> b_;
    std::vector<Real> w_;
    std::vector<Real> rho_;
    std::vector<double> lo_;  // linear: w_i / max(w_i, w_{i+1})
    std::vector<double> hi_;  // linear: w_{i+1} / max(w_i, w_{i+1})
    alias_table table_;
};

/// The distribution class of both (CRTP on the public type).
template <class Derived, class Real, bool Linear>
class piecewise_distribution {
    static_assert(std::is_same_v<Real, float> || std::is_same_v<Real, double>,
                  "cbrng::piecewise_*_distribution: RealType must be float or double");

  public:
    using result_type = Real;
    using param_type = piecewise_param<Real, Linear>;

    /// Consumption per variate is fixed: one 64-bit draw, then one draw of
    /// the result's width.
    static constexpr bool fixed_consumption = true;
    /// URBG calls per variate: 3 (32-bit URBG, double), 2 (32-bit, float;
    /// 64-bit, either); 0 where the URBG's range is not a power of two.
    template <class URBG>
    [[nodiscard]] static constexpr std::size_t words_per_variate() noexcept {
        constexpr std::size_t a = urbg_bits<URBG>::template calls<64>;
        constexpr std::size_t b = urbg_bits<URBG>::template calls<variate_bits<Real>>;
        return a == 0 || b == 0 ? 0 : a + b;
    }

    piecewise_distribution() = default;
    template <class InputItB, class InputItW>
    piecewise_distribution(InputItB first_b, InputItB last_b, InputItW first_w)
        : p_(first_b, last_b, first_w) {}
    template <class UnaryOperation>
    piecewise_distribution(std::initializer_list<Real> bl, UnaryOperation fw) : p_(bl, fw) {}
    template <class UnaryOperation>
    piecewise_distribution(std::size_t nw, Real xmin, Real xmax, UnaryOperation fw)
        : p_(nw, xmin, xmax, fw) {}
    explicit piecewise_distribution(const param_type& p) : p_(p) {}

    /// No effect: the distribution holds no state between variates.
    void reset() noexcept {}

    template <class URBG>
    result_type operator()(URBG& g) const {
        return (*this)(g, p_);
    }
    template <class URBG>
    result_type operator()(URBG& g, const param_type& p) const {
        require_default_fp_flags<Derived>();
        const std::uint64_t x = generate_bits64(g);
        return p.variate(x, generate_variate_bits<Real>(g));
    }

    [[nodiscard]] std::vector<Real> intervals() const { return p_.intervals(); }
    [[nodiscard]] std::vector<Real> densities() const { return p_.densities(); }
    [[nodiscard]] const param_type& param() const noexcept { return p_; }
    void param(const param_type& p) { p_ = p; }
    [[nodiscard]] result_type min() const { return p_.intervals().front(); }
    [[nodiscard]] result_type max() const { return p_.intervals().back(); }

    [[nodiscard]] friend bool operator==(const Derived& x, const Derived& y) {
        return x.p_ == y.p_;
    }
    [[nodiscard]] friend bool operator!=(const Derived& x, const Derived& y) { return !(x == y); }

    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        const Derived& d) {
        d.p_.write(os);
        return os;
    }
    template <class Traits>
    friend std::basic_istream<char, Traits>& operator>>(std::basic_istream<char, Traits>& is,
                                                        Derived& d) {
        param_type::read(is, d.p_);
        return is;
    }

  private:
    param_type p_;
};

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_PIECEWISE_HPP
