// Chi-square of integer variates against an exact pmf, tails pooled: the
// test the discrete distributions (poisson, binomial, discrete, ...) share.
#ifndef CBRNG_TESTS_PMF_CHI2_HPP
#define CBRNG_TESTS_PMF_CHI2_HPP

#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

#include "stats_util.hpp"

namespace cbrng_test {

/// log P(X = k) for Poisson(mean).
inline long double poisson_log_pmf(long double mean, std::int64_t k) {
    const auto kk = static_cast<long double>(k);
    return kk * std::log(mean) - mean - std::lgamma(kk + 1);
}

/// log P(X = k) for Binomial(t, p).
inline long double binomial_log_pmf(std::int64_t t, long double p, std::int64_t k) {
    const auto n = static_cast<long double>(t);
    const auto kk = static_cast<long double>(k);
    return std::lgamma(n + 1) - std::lgamma(kk + 1) - std::lgamma(n - kk + 1) + kk * std::log(p) +
           (n - kk) * std::log1p(-p);
}

/// Pearson chi-square p-value of the observed values (value -> count) against
/// the pmf on [lo, hi] (pmf(k) = P(X = k); the mass outside [lo, hi] must be
/// negligible). Cells are consecutive values merged until each expects at
/// least 5; the lowest cell takes everything below it, the highest everything
/// above (so observed values outside [lo, hi] land in the tail cells).
template <class Pmf>
double pooled_chi2_pvalue(const std::map<std::int64_t, std::uint64_t>& observed, std::int64_t lo,
                          std::int64_t hi, Pmf pmf) {
    std::uint64_t n = 0;
    for (const auto& kv : observed) n += kv.second;
    const auto total = static_cast<long double>(n);
    std::vector<long double> expect;
    std::vector<std::uint64_t> count;
    std::vector<std::int64_t> first_value;  // each cell's smallest value
    long double e = 0;
    std::int64_t start = lo;
    for (std::int64_t k = lo; k <= hi; ++k) {
        e += total * pmf(k);
        if (e >= 5 || k == hi) {
            expect.push_back(e);
            first_value.push_back(start);
            e = 0;
            start = k + 1;
        }
    }
    // A last cell below 5 joins its neighbour.
    if (expect.size() > 1 && expect.back() < 5) {
        expect[expect.size() - 2] += expect.back();
        expect.pop_back();
        first_value.pop_back();
    }
    count.assign(expect.size(), 0);
    for (const auto& [value, c] : observed) {
        std::size_t cell = 0;
        while (cell + 1 < first_value.size() && value >= first_value[cell + 1]) ++cell;
        count[cell] += c;
    }
    long double stat = 0;
    for (std::size_t i = 0; i < expect.size(); ++i) {
        const long double d = static_cast<long double>(count[i]) - expect[i];
        stat += d * d / expect[i];
    }
    return chi2_sf(static_cast<double>(stat), static_cast<double>(expect.size() - 1));
}

}  // namespace cbrng_test

#endif  // CBRNG_TESTS_PMF_CHI2_HPP
