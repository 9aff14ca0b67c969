// cbrng/detail/alias_table.hpp: Walker's alias method with Vose's linear-time
// construction, built in integer arithmetic so that the table, and hence every
// variate, is identical on every platform.
//
// Walker, "An efficient method for generating discrete random variables with
// general distributions", ACM TOMS 3(3), 1977; Vose, "A linear algorithm for
// generating random numbers with a given distribution", IEEE TSE 17(9), 1991.
//
// Construction, from probabilities p_0..p_{n-1} (>= 0, summing to about 1):
//  - each column holds C = 2^s units with s = 63 - ceil(log2 n), so the n
//    columns hold n * C <= 2^63 units in all;
//  - outcome i gets m_i = floor(fp_mul(p_i, n) * 2^s) units (one guarded
//    product, an exact scaling, an exact truncation); the few units the
//    rounding leaves over (or short) go to the first outcome of largest m_i, so
//    that the m_i sum to n * C exactly;
//  - Vose's pairing, in integers: outcomes below C ("small") are filled up by
//    outcomes at or above C ("large"), both taken from the back of their lists,
//    which start in index order. Column i then keeps outcome i with threshold
//    t_i units and gives the rest to alias a_i.
// An outcome with p_i = 0 gets no units and is never returned.
//
// Draw, from one 64-bit word x: the 128-bit product x * n has the column in
// its high word and, in its low word lo, where x fell within that column;
// the result is the column if (lo >> (64 - s)) < t_column, else its alias.
// Each outcome's probability is m_i / (n * C) to within n * 2^-64.
#ifndef CBRNG_DETAIL_ALIAS_TABLE_HPP
#define CBRNG_DETAIL_ALIAS_TABLE_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include "../config.hpp"
#include "fp.hpp"
#include "mulhilo.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// The most outcomes an alias table holds (its aliases are 32-bit).
inline constexpr std::uint64_t alias_table_max_size = std::uint64_t{1} << 32;

/// ceil(log2(n)) for n >= 1.
[[nodiscard]] CBRNG_HOST_DEVICE constexpr unsigned ceil_log2(std::uint64_t n) noexcept {
    unsigned r = 0;
    while ((std::uint64_t{1} << r) < n && r < 63) ++r;
    return (std::uint64_t{1} << r) < n ? 64u : r;
}

/// A read-only view of an alias table: what a draw needs (host or device).
struct alias_view {
    const std::uint64_t* threshold;  // units of column i kept by outcome i
    const std::uint32_t* alias;      // the outcome owning the rest of column i
    std::uint64_t size;              // n, 1 <= n <= 2^32
    unsigned shift;                  // s: a column holds 2^s units

    /// The outcome for one 64-bit word x.
    [[nodiscard]] CBRNG_HOST_DEVICE std::uint64_t pick(std::uint64_t x) const noexcept {
        const hilo<std::uint64_t> m = mulhilo64(x, size);
        return (m.lo >> (64u - shift)) < threshold[m.hi] ? m.hi : alias[m.hi];
    }
};

/// An owning alias table (host).
class alias_table {
  public:
    alias_table() = default;

    /// The table for probabilities p (1 <= p.size() <= 2^32, each >= 0 and
    /// finite, summing to about 1; the caller checks).
    explicit alias_table(const std::vector<double>& p)
        : threshold_(p.size()), alias_(p.size()), shift_(63u - ceil_log2(p.size())) {
        const std::size_t n = p.size();
        const std::uint64_t column = std::uint64_t{1} << shift_;
        const double scale = static_cast<double>(column);
        const double count = static_cast<double>(n);
        std::vector<std::uint64_t> m(n);
        std::uint64_t total = 0;
        std::size_t largest = 0;
        for (std::size_t i = 0; i < n; ++i) {
            m[i] = static_cast<std::uint64_t>(fp_mul(p[i], count) * scale);
            total += m[i];
            if (m[i] > m[largest]) largest = i;
        }
        const std::uint64_t want = static_cast<std::uint64_t>(n) << shift_;
        m[largest] = m[largest] + want - total;  // modulo 2^64: exact either way

        std::vector<std::uint32_t> small;
        std::vector<std::uint32_t> large;
        for (std::size_t i = 0; i < n; ++i) {
            (m[i] < column ? small : large).push_back(static_cast<std::uint32_t>(i));
        }
        while (!small.empty() && !large.empty()) {
            const std::uint32_t s = small.back();
            small.pop_back();
            const std::uint32_t l = large.back();
            threshold_[s] = m[s];
            alias_[s] = l;
            m[l] -= column - m[s];
            if (m[l] < column) {
                large.pop_back();
                small.push_back(l);
            }
        }
        // Only full columns remain (the units sum to n * C exactly).
        for (const std::uint32_t i : large) {
            threshold_[i] = column;
            alias_[i] = i;
        }
        for (const std::uint32_t i : small) {  // unreachable; kept total for safety
            threshold_[i] = column;
            alias_[i] = i;
        }
    }

    [[nodiscard]] alias_view view() const noexcept {
        return {threshold_.data(), alias_.data(), threshold_.size(), shift_};
    }
    [[nodiscard]] std::size_t size() const noexcept { return threshold_.size(); }

    /// The exact probability of outcome i under this table (for tests):
    /// its units over n * 2^s, up to the n * 2^-64 of the draw.
    [[nodiscard]] double probability(std::size_t i) const {
        long double units = 0;
        for (std::size_t c = 0; c < threshold_.size(); ++c) {
            const long double kept = static_cast<long double>(threshold_[c]);
            if (c == i) units += kept;
            if (alias_[c] == i)
                units += static_cast<long double>(std::uint64_t{1} << shift_) - kept;
        }
        return static_cast<double>(units / static_cast<long double>(threshold_.size()) /
                                   static_cast<long double>(std::uint64_t{1} << shift_));
    }

  private:
    std::vector<std::uint64_t> threshold_;
    std::vector<std::uint32_t> alias_;
    unsigned shift_ = 63;
};

}  // namespace detail
CBRNG_NAMESPACE_END

#endif  // CBRNG_DETAIL_ALIAS_TABLE_HPP
