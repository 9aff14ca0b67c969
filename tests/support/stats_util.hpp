// Statistical helpers for the distribution tests: p-values of the chi-square,
// Kolmogorov-Smirnov and moment tests, and a failure budget computed from the
// binomial distribution rather than hand-tuned tolerances.
//
// Every test is deterministic (fixed seeds), so a result never flickers; the
// thresholds still come from the distribution of each statistic, so a correct
// generator fails the whole suite with probability below `overall` (1e-6).
#ifndef CBRNG_TESTS_STATS_UTIL_HPP
#define CBRNG_TESTS_STATS_UTIL_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace cbrng_test {

/// Regularized upper incomplete gamma function Q(a, x): series for the lower
/// function below a + 1, a Lentz continued fraction above.
inline long double gamma_q(long double a, long double x) {
    if (x <= 0) return 1.0L;
    const long double log_prefix = a * std::log(x) - x - std::lgamma(a);
    if (x < a + 1) {
        long double term = 1.0L / a;
        long double sum = term;
        for (int n = 1; n < 100000; ++n) {
            term *= x / (a + n);
            sum += term;
            if (std::fabs(term) < std::fabs(sum) * 1e-19L) break;
        }
        return 1.0L - sum * std::exp(log_prefix);
    }
    const long double tiny = 1e-300L;
    long double b = x + 1 - a;
    long double c = 1 / tiny;
    long double d = 1 / b;
    long double h = d;
    for (int i = 1; i < 100000; ++i) {
        const long double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::fabs(d) < tiny) d = tiny;
        c = b + an / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        const long double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < 1e-19L) break;
    }
    return std::exp(log_prefix) * h;
}

/// P(chi^2_dof >= stat).
inline double chi2_sf(double stat, double dof) {
    return static_cast<double>(gamma_q(0.5L * dof, 0.5L * stat));
}

/// Pearson chi-square p-value of observed counts against probabilities.
inline double chi2_pvalue(const std::vector<std::uint64_t>& counts,
                          const std::vector<double>& probs) {
    std::uint64_t n = 0;
    for (const auto c : counts) n += c;
    double stat = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double e = static_cast<double>(n) * probs[i];
        const double d = static_cast<double>(counts[i]) - e;
        stat += d * d / e;
    }
    return chi2_sf(stat, static_cast<double>(counts.size() - 1));
}

/// Chi-square p-value of counts against the uniform distribution.
inline double chi2_uniform_pvalue(const std::vector<std::uint64_t>& counts) {
    return chi2_pvalue(
        counts, std::vector<double>(counts.size(), 1.0 / static_cast<double>(counts.size())));
}

/// P(K > lambda) for the Kolmogorov distribution.
inline double kolmogorov_sf(double lambda) {
    if (lambda < 0.2) return 1.0;
    double sum = 0;
    for (int k = 1; k < 100; ++k) {
        const double term = std::exp(-2.0 * k * k * lambda * lambda);
        sum += (k % 2 == 1 ? term : -term);
        if (term < 1e-18) break;
    }
    return std::min(1.0, std::max(0.0, 2.0 * sum));
}

/// One-sample Kolmogorov-Smirnov p-value of x against a continuous CDF
/// (Stephens' small-sample correction of the asymptotic distribution).
template <class Cdf>
double ks_pvalue(std::vector<double> x, Cdf cdf) {
    std::sort(x.begin(), x.end());
    const double n = static_cast<double>(x.size());
    double d = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double f = cdf(x[i]);
        d = std::max(d,
                     std::max(f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f));
    }
    const double sn = std::sqrt(n);
    return kolmogorov_sf((sn + 0.12 + 0.11 / sn) * d);
}

/// Two-sided p-value of a standard normal statistic.
inline double normal_two_sided(double z) {
    return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

/// Standard normal CDF.
inline double normal_cdf(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

/// p-values of the sample mean and variance against known moments: mean mu,
/// variance var, fourth central moment mu4 (the variance's sampling variance
/// is (mu4 - var^2) / n).
inline std::pair<double, double> moment_pvalues(const std::vector<double>& x, double mu, double var,
                                                double mu4) {
    const double n = static_cast<double>(x.size());
    long double s = 0;
    for (const double v : x) s += v;
    const double mean = static_cast<double>(s / n);
    long double ss = 0;
    for (const double v : x) ss += (v - mu) * (v - mu);
    const double var_hat = static_cast<double>(ss / n);
    const double z_mean = (mean - mu) / std::sqrt(var / n);
    const double z_var = (var_hat - var) / std::sqrt((mu4 - var * var) / n);
    return {normal_two_sided(z_mean), normal_two_sided(z_var)};
}

/// P(Binomial(n, p) > k).
inline double binomial_upper_tail(int n, double p, int k) {
    long double below = 0;
    for (int i = 0; i <= k; ++i) {
        below += std::exp(std::lgamma(n + 1.0L) - std::lgamma(i + 1.0L) -
                          std::lgamma(n - i + 1.0L) + i * std::log(static_cast<long double>(p)) +
                          (n - i) * std::log1p(-static_cast<long double>(p)));
    }
    return static_cast<double>(std::max(0.0L, 1.0L - below));
}

/// Collects the p-values of many independent tests and checks them against a
/// failure budget: at most `budget` of them may fall below alpha, where
/// P(Binomial(n, alpha) > budget) < overall / 2, and none below
/// overall / (2 n). A correct generator fails with probability < overall.
class pvalue_log {
  public:
    void add(std::string name, double p) { ps_.emplace_back(std::move(name), p); }

    void require_within_budget(double alpha = 0.01, double overall = 1e-6) const {
        const int n = static_cast<int>(ps_.size());
        REQUIRE(n > 0);
        int budget = 0;
        while (binomial_upper_tail(n, alpha, budget) >= overall / 2) ++budget;
        const double floor = overall / 2 / n;
        int failures = 0;
        for (const auto& [name, p] : ps_) {
            INFO(name << ": p = " << p);
            CHECK(p >= floor);
            if (p < alpha) ++failures;
        }
        INFO(n << " tests, " << failures << " below alpha = " << alpha << ", budget " << budget);
        CHECK(failures <= budget);
    }

    [[nodiscard]] std::size_t size() const { return ps_.size(); }

  private:
    std::vector<std::pair<std::string, double>> ps_;
};

}  // namespace cbrng_test

#endif  // CBRNG_TESTS_STATS_UTIL_HPP
