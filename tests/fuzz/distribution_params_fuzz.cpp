// Fuzz target: distribution parameters from arbitrary bits (NaN, infinities,
// subnormals, extremes), drawn through URBGs of every shape (32- and 64-bit
// cbrng streams, std::mt19937, std::minstd_rand whose range is not a power of
// two, an 8-bit URBG). Each construction either throws std::invalid_argument,
// exactly when the documented rule is broken, or gives a distribution whose
// variates lie in the documented range, consume the documented number of
// words, and equal variate_at's random-access values.
#include <cbrng/algorithm.hpp>
#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/beta.hpp>
#include <cbrng/distributions/binomial.hpp>
#include <cbrng/distributions/cauchy.hpp>
#include <cbrng/distributions/chi_squared.hpp>
#include <cbrng/distributions/discrete.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/extreme_value.hpp>
#include <cbrng/distributions/fisher_f.hpp>
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/distributions/geometric.hpp>
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/distributions/negative_binomial.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/piecewise_constant.hpp>
#include <cbrng/distributions/piecewise_linear.hpp>
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/student_t.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/distributions/weibull.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "fuzz_common.hpp"

namespace {

/// A URBG with 8-bit words: several calls per variate.
class byte_urbg {
  public:
    using result_type = std::uint8_t;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return 255; }
    explicit byte_urbg(std::uint64_t seed) : s_{cbrng::stream_id{seed, 0, 0}} {}
    result_type operator()() { return static_cast<result_type>(s_()); }
    void discard(unsigned long long n) { s_.discard(n); }
    [[nodiscard]] std::uint64_t position() const { return s_.position(); }

  private:
    cbrng::stream<> s_;
};

template <class Real>
Real real_from_bits(FuzzedDataProvider& in) {
    if constexpr (sizeof(Real) == 8) {
        const auto bits = in.ConsumeIntegral<std::uint64_t>();
        double x = 0;
        std::memcpy(&x, &bits, sizeof x);
        return x;
    } else {
        const auto bits = in.ConsumeIntegral<std::uint32_t>();
        float x = 0;
        std::memcpy(&x, &bits, sizeof x);
        return x;
    }
}

template <class T>
bool same_bits(const T& a, const T& b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

/// An upper bound on a positive variate computed as `top` (long double, with
/// its own slack) and rounded once to Real: below Real's normal range the
/// rounding error is absolute, up to half of denorm_min, so a relative slack
/// alone is not enough (lognormal<float> at m = -94.08 rounds 1.38529e-41 up
/// to 1.38532e-41).
template <class Real>
long double rounded_top(long double top) {
    return top + static_cast<long double>(std::numeric_limits<Real>::denorm_min());
}

template <class D, class Make>
bool construct(Make make, bool valid, D& out) {
    try {
        out = make();
    } catch (const std::invalid_argument&) {
        FUZZ_CHECK(!valid);
        return false;
    }
    FUZZ_CHECK(valid);
    return true;
}

/// Draws k variates from a URBG of kind `urbg`, checks each with `in_range`,
/// checks the words consumed (fixed consumption: exactly words_per_variate;
/// otherwise at least min_words) and random access.
template <class D, class G, class InRange>
void draw_with(const D& d, G g, int k, InRange in_range) {
    const G start = g;
    typename D::result_type variates[8] = {};
    FUZZ_CHECK(k <= 8);
    for (int i = 0; i < k; ++i) {
        const auto before = g.position();
        const auto x = d(g);
        variates[i] = x;
        FUZZ_CHECK(in_range(x));
        const auto used = g.position() - before;
        if constexpr (D::fixed_consumption) {
            FUZZ_CHECK(used == D::template words_per_variate<G>());
        } else {
            FUZZ_CHECK(used >= D::template min_words_per_variate<G>(d.param()));
        }
    }
    if constexpr (D::fixed_consumption) {
        for (int i = 0; i < k; ++i) {
            D copy = d;
            const auto x = cbrng::variate_at(start, copy, static_cast<std::uint64_t>(i));
            FUZZ_CHECK(same_bits(x, variates[i]));
        }
    }
}

/// Draws through std engines (no position: range checks only).
template <class D, class InRange>
void draw_std(const D& d, std::uint64_t seed, int k, InRange in_range) {
    std::mt19937 mt{static_cast<std::uint32_t>(seed)};
    std::minstd_rand lcg{static_cast<std::uint32_t>(seed % 2147483646u) + 1u};
    for (int i = 0; i < k; ++i) {
        FUZZ_CHECK(in_range(d(mt)));
        FUZZ_CHECK(in_range(d(lcg)));
    }
}

template <class D, class InRange>
void draw_all(FuzzedDataProvider& in, const D& d, InRange in_range) {
    const auto seed = in.ConsumeIntegral<std::uint64_t>();
    const int k = in.ConsumeIntegralInRange(1, 8);
    // The stream sits just before a block edge so consumption spans blocks.
    cbrng::stream<> s32{cbrng::stream_id{seed, 1, 2},
                        in.ConsumeIntegralInRange<std::uint64_t>(0, 7)};
    cbrng::stream<cbrng::philox4x64_10> s64{cbrng::stream_id{seed, 3, 4}};
    draw_with(d, s32, k, in_range);
    draw_with(d, s64, k, in_range);
    draw_with(d, byte_urbg{seed}, k, in_range);
    draw_std(d, seed, k, in_range);
}

template <class Int>
void fuzz_uniform_int(FuzzedDataProvider& in) {
    const Int a = in.ConsumeIntegral<Int>();
    // b near a (wrapping: b < a is an invalid pair) or anywhere.
    using U = std::make_unsigned_t<Int>;
    const Int b = in.ConsumeBool() ? static_cast<Int>(static_cast<U>(
                                         static_cast<U>(a) + in.ConsumeIntegralInRange<U>(0, 3)))
                                   : in.ConsumeIntegral<Int>();
    using D = cbrng::uniform_int_distribution<Int>;
    D d;
    if (!construct<D>([&] { return D(a, b); }, a <= b, d)) return;
    FUZZ_CHECK(d.min() == a && d.max() == b);
    draw_all(in, d, [&](Int x) { return a <= x && x <= b; });
}

template <class Real>
void fuzz_uniform_real(FuzzedDataProvider& in) {
    const Real a = real_from_bits<Real>(in);
    const Real b = in.ConsumeBool() ? a : real_from_bits<Real>(in);
    using D = cbrng::uniform_real_distribution<Real>;
    D d;
    const bool valid = std::isfinite(a) && std::isfinite(b) && a <= b;
    if (!construct<D>([&] { return D(a, b); }, valid, d)) return;
    // [a, b), or exactly a when a == b.
    draw_all(in, d, [&](Real x) { return a == b ? x == a : (a <= x && x < b); });
}

template <class Real>
void fuzz_normal(FuzzedDataProvider& in) {
    const Real mean = real_from_bits<Real>(in);
    const Real stddev = real_from_bits<Real>(in);
    using D = cbrng::normal_distribution<Real>;
    D d;
    const bool valid = std::isfinite(mean) && std::isfinite(stddev) && stddev > 0;
    if (!construct<D>([&] { return D(mean, stddev); }, valid, d)) return;
    // |z| <= 8.2095 (double) or 6.3380 (float), so |x - mean| <= stddev * zmax
    // up to the rounding of the product and the sum (checked in long double).
    const long double zmax = sizeof(Real) == 8 ? 8.2095L : 6.3380L;
    const long double eps = std::numeric_limits<Real>::epsilon();
    const long double bound = static_cast<long double>(stddev) * zmax * (1 + 4 * eps) +
                              std::fabs(static_cast<long double>(mean)) * 4 * eps +
                              std::numeric_limits<Real>::denorm_min();
    const bool may_overflow = std::fabs(static_cast<long double>(mean)) + bound >=
                              static_cast<long double>(std::numeric_limits<Real>::max());
    draw_all(in, d, [&](Real x) {
        if (std::isnan(x)) return false;
        if (std::isinf(x)) return may_overflow;
        return std::fabs(static_cast<long double>(x) - static_cast<long double>(mean)) <= bound;
    });
}

template <class Real>
void fuzz_exponential(FuzzedDataProvider& in) {
    const Real lambda = real_from_bits<Real>(in);
    using D = cbrng::exponential_distribution<Real>;
    D d;
    const bool valid = std::isfinite(lambda) && lambda > 0;
    if (!construct<D>([&] { return D(lambda); }, valid, d)) return;
    // 0 <= x <= 36.74 / lambda (double), 22.18 / lambda (float), documented.
    const long double top = rounded_top<Real>((sizeof(Real) == 8 ? 36.74L : 22.18L) / lambda);
    const bool may_overflow = top >= static_cast<long double>(std::numeric_limits<Real>::max());
    draw_all(in, d, [&](Real x) {
        if (std::isnan(x) || std::signbit(x)) return false;
        if (std::isinf(x)) return may_overflow;
        return static_cast<long double>(x) <= top;
    });
}

void fuzz_bernoulli(FuzzedDataProvider& in) {
    const double p = real_from_bits<double>(in);
    using D = cbrng::bernoulli_distribution;
    D d;
    if (!construct<D>([&] { return D(p); }, p >= 0.0 && p <= 1.0, d)) return;
    draw_all(in, d, [&](bool x) { return p == 0.0 ? !x : p == 1.0 ? x : true; });
}

// Inversion family: extreme_value, cauchy (location a, scale b), lognormal,
// weibull, geometric; the documented ranges, with a little slack for the
// rounding of the bounds themselves.

/// extreme_value (lo, hi = its documented multiples of b) and cauchy (-hi, hi).
template <class D>
void fuzz_location_scale(FuzzedDataProvider& in, long double lo, long double hi) {
    using Real = typename D::result_type;
    const Real a = real_from_bits<Real>(in);
    const Real b = real_from_bits<Real>(in);
    D d;
    const bool valid = std::isfinite(a) && std::isfinite(b) && b > 0;
    if (!construct<D>([&] { return D(a, b); }, valid, d)) return;
    const long double la = a;
    const long double lb = b;
    const long double eps = 4 * static_cast<long double>(std::numeric_limits<Real>::epsilon());
    const long double slack =
        (std::fabs(la) + lb * hi) * eps + std::numeric_limits<Real>::denorm_min();
    const bool may_overflow = std::fabs(la) + lb * std::max(std::fabs(lo), hi) * (1 + eps) >=
                              static_cast<long double>(std::numeric_limits<Real>::max());
    draw_all(in, d, [&](Real x) {
        if (std::isnan(x)) return false;
        if (std::isinf(x)) return may_overflow;
        const long double lx = x;
        return lx >= la + lb * lo - slack && lx <= la + lb * hi + slack;
    });
}

template <class Real>
void fuzz_lognormal(FuzzedDataProvider& in) {
    const Real m = real_from_bits<Real>(in);
    const Real s = real_from_bits<Real>(in);
    using D = cbrng::lognormal_distribution<Real>;
    D d;
    const bool valid = std::isfinite(m) && std::isfinite(s) && s > 0;
    if (!construct<D>([&] { return D(m, s); }, valid, d)) return;
    // 0 <= x <= exp(m + zmax s), zmax = 8.2095 (double), 6.3380 (float).
    const long double zmax = sizeof(Real) == 8 ? 8.2096L : 6.3381L;
    const long double top =
        rounded_top<Real>(std::exp(static_cast<long double>(m) + zmax * s) * (1 + 1e-6L));
    const bool may_overflow = top >= static_cast<long double>(std::numeric_limits<Real>::max());
    draw_all(in, d, [&](Real x) {
        if (std::isnan(x) || std::signbit(x)) return false;
        if (std::isinf(x)) return may_overflow;
        return static_cast<long double>(x) <= top;
    });
}

template <class Real>
void fuzz_weibull(FuzzedDataProvider& in) {
    const Real a = real_from_bits<Real>(in);
    const Real b = real_from_bits<Real>(in);
    using D = cbrng::weibull_distribution<Real>;
    D d;
    const bool valid = std::isfinite(a) && std::isfinite(b) && a > 0 && b > 0;
    if (!construct<D>([&] { return D(a, b); }, valid, d)) return;
    // 0 <= x <= b exp(gmax / a), gmax = 3.6038 (double), 3.1302 (float).
    const long double gmax = sizeof(Real) == 8 ? 3.6039L : 3.1303L;
    const long double top =
        rounded_top<Real>(static_cast<long double>(b) * std::exp(gmax / a) * (1 + 1e-6L));
    const bool may_overflow = !(top < static_cast<long double>(std::numeric_limits<Real>::max()));
    draw_all(in, d, [&](Real x) {
        if (std::isnan(x) || std::signbit(x)) return false;
        if (std::isinf(x)) return may_overflow;
        return static_cast<long double>(x) <= top;
    });
}

template <class Int>
void fuzz_geometric(FuzzedDataProvider& in) {
    const double p = real_from_bits<double>(in);
    using D = cbrng::geometric_distribution<Int>;
    D d;
    if (!construct<D>([&] { return D(p); }, p > 0.0 && p <= 1.0, d)) return;
    // Saturating: every value of Int from 0 up is possible; p = 1 gives 0.
    draw_all(in, d, [&](Int x) { return (x == Int{0} || x > Int{0}) && (p < 1.0 || x == Int{0}); });
}

void fuzz_inversion_family(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegral<std::uint8_t>() % 11) {
        case 0:
            fuzz_location_scale<cbrng::extreme_value_distribution<double>>(in, -3.6038L, 36.737L);
            break;
        case 1:
            fuzz_location_scale<cbrng::extreme_value_distribution<float>>(in, -3.1302L, 22.874L);
            break;
        case 2:
            fuzz_location_scale<cbrng::cauchy_distribution<double>>(in, -2.8671e15L, 2.8671e15L);
            break;
        case 3:
            fuzz_location_scale<cbrng::cauchy_distribution<float>>(in, -2.7343e9L, 2.7343e9L);
            break;
        case 4:
            fuzz_lognormal<float>(in);
            break;
        case 5:
            fuzz_lognormal<double>(in);
            break;
        case 6:
            fuzz_weibull<float>(in);
            break;
        case 7:
            fuzz_weibull<double>(in);
            break;
        case 8:
            fuzz_geometric<int>(in);
            break;
        case 9:
            fuzz_geometric<std::uint8_t>(in);
            break;
        default:
            fuzz_geometric<std::int64_t>(in);
            break;
    }
}

// Gamma family: gamma, chi_squared, student_t, fisher_f, beta (variable
// consumption: at least min_words_per_variate). Never NaN; within the
// documented ranges.

/// The largest standard gamma(alpha) variate: d (1 + c zmax)^3 with
/// zmax = 8.2095 (d = alpha + 2/3 for the boost, whose factor is <= 1), with
/// slack.
long double gamma_top(long double alpha) {
    const long double d = alpha >= 1 ? alpha - 1.0L / 3 : alpha + 2.0L / 3;
    const long double w = 1 + 8.2096L / std::sqrt(9 * d);
    return d * w * w * w * (1 + 1e-6L);
}

template <class Real>
void fuzz_gamma(FuzzedDataProvider& in) {
    const Real alpha = real_from_bits<Real>(in);
    const Real beta = real_from_bits<Real>(in);
    using D = cbrng::gamma_distribution<Real>;
    D d;
    const bool valid = std::isfinite(alpha) && std::isfinite(beta) && alpha > 0 && beta > 0;
    if (!construct<D>([&] { return D(alpha, beta); }, valid, d)) return;
    const long double top = rounded_top<Real>(gamma_top(alpha) * beta);
    const bool may_overflow = !(top < static_cast<long double>(std::numeric_limits<Real>::max()));
    draw_all(in, d, [&](Real x) {
        if (std::isnan(x) || std::signbit(x)) return false;
        if (std::isinf(x)) return may_overflow;
        return static_cast<long double>(x) <= top;
    });
}

template <class Real>
void fuzz_chi_squared(FuzzedDataProvider& in) {
    const Real n = real_from_bits<Real>(in);
    using D = cbrng::chi_squared_distribution<Real>;
    D d;
    if (!construct<D>([&] { return D(n); }, std::isfinite(n) && n > 0, d)) return;
    const long double top = 2 * gamma_top(static_cast<long double>(n) / 2);
    draw_all(in, d, [&](Real x) {
        return !std::isnan(x) && !std::signbit(x) &&
               (std::isinf(x) || static_cast<long double>(x) <= top);
    });
}

template <class Real>
void fuzz_student_t(FuzzedDataProvider& in) {
    const Real n = real_from_bits<Real>(in);
    using D = cbrng::student_t_distribution<Real>;
    D d;
    if (!construct<D>([&] { return D(n); }, std::isfinite(n) && n > 0, d)) return;
    // Infinite only for n below about 0.05 for double, 0.26 for float (whose
    // range ends at e^88.7; documented); never NaN.
    const Real may_overflow_below = sizeof(Real) == 4 ? Real(0.5) : Real(0.1);
    draw_all(in, d, [&](Real x) {
        return !std::isnan(x) && (std::isfinite(x) || n < may_overflow_below);
    });
}

template <class Real>
void fuzz_fisher_f(FuzzedDataProvider& in) {
    const Real m = real_from_bits<Real>(in);
    const Real n = real_from_bits<Real>(in);
    using D = cbrng::fisher_f_distribution<Real>;
    D d;
    const bool valid = std::isfinite(m) && std::isfinite(n) && m > 0 && n > 0;
    if (!construct<D>([&] { return D(m, n); }, valid, d)) return;
    draw_all(in, d, [&](Real x) {
        return !std::isnan(x) && !std::signbit(x) && (std::isfinite(x) || m < 2 || n < 2);
    });
}

template <class Real>
void fuzz_beta(FuzzedDataProvider& in) {
    const Real a = real_from_bits<Real>(in);
    const Real b = real_from_bits<Real>(in);
    using D = cbrng::beta_distribution<Real>;
    D d;
    const bool valid = std::isfinite(a) && std::isfinite(b) && a > 0 && b > 0;
    if (!construct<D>([&] { return D(a, b); }, valid, d)) return;
    draw_all(in, d, [&](Real x) { return x >= 0 && x <= 1; });
}

void fuzz_gamma_family(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegral<std::uint8_t>() % 10) {
        case 0:
            fuzz_gamma<float>(in);
            break;
        case 1:
            fuzz_gamma<double>(in);
            break;
        case 2:
            fuzz_chi_squared<float>(in);
            break;
        case 3:
            fuzz_chi_squared<double>(in);
            break;
        case 4:
            fuzz_student_t<float>(in);
            break;
        case 5:
            fuzz_student_t<double>(in);
            break;
        case 6:
            fuzz_fisher_f<float>(in);
            break;
        case 7:
            fuzz_fisher_f<double>(in);
            break;
        case 8:
            fuzz_beta<float>(in);
            break;
        default:
            fuzz_beta<double>(in);
            break;
    }
}

// Discrete family: poisson, binomial, negative_binomial, discrete, and
// shuffle / sample: the documented parameter rules, results in range (never
// wrapped), at least min_words_per_variate draws; fixed-consumption discrete
// also through variate_at.
template <class Int>
void fuzz_poisson(FuzzedDataProvider& in) {
    const double mean = real_from_bits<double>(in);
    using D = cbrng::poisson_distribution<Int>;
    D d;
    const bool valid = mean > 0.0 && mean <= D::param_type::max_mean;
    if (!construct<D>([&] { return D(mean); }, valid, d)) return;
    draw_all(in, d, [](Int x) { return x == Int{0} || x > Int{0}; });
}

template <class Int>
void fuzz_binomial(FuzzedDataProvider& in) {
    const Int t = in.ConsumeIntegral<Int>();
    const double p = real_from_bits<double>(in);
    using D = cbrng::binomial_distribution<Int>;
    D d;
    const bool t_ok = !(t < Int{0}) && static_cast<std::uint64_t>(t) <= D::param_type::max_t;
    if (!construct<D>([&] { return D(t, p); }, t_ok && p >= 0.0 && p <= 1.0, d)) return;
    draw_all(in, d, [&](Int x) {
        return !(x < Int{0}) && x <= t && (p != 0.0 || x == Int{0}) && (p != 1.0 || x == t);
    });
}

template <class Int>
void fuzz_negative_binomial(FuzzedDataProvider& in) {
    const Int k = in.ConsumeIntegral<Int>();
    const double p = real_from_bits<double>(in);
    using D = cbrng::negative_binomial_distribution<Int>;
    D d;
    const bool valid = k >= Int{1} && p > 0.0 && p <= 1.0 &&
                       static_cast<double>(k) * ((1.0 - p) / p) <= D::param_type::max_mean;
    if (!construct<D>([&] { return D(k, p); }, valid, d)) return;
    draw_all(in, d, [&](Int x) { return !(x < Int{0}) && (p < 1.0 || x == Int{0}); });
}

template <class Int>
void fuzz_discrete(FuzzedDataProvider& in) {
    std::vector<double> w(in.ConsumeIntegralInRange<std::size_t>(0, 40));
    bool valid = !w.empty();
    double sum = 0;
    for (auto& x : w) {
        // Mostly ordinary weights, sometimes any bit pattern.
        x = in.ConsumeBool() ? real_from_bits<double>(in)
                             : static_cast<double>(in.ConsumeIntegral<std::uint16_t>());
        valid = valid && x >= 0.0 && x <= std::numeric_limits<double>::max();
        sum += x;
    }
    valid = valid && sum > 0.0 && sum <= std::numeric_limits<double>::max();
    using D = cbrng::discrete_distribution<Int>;
    D d;
    if (!construct<D>([&] { return D(w.begin(), w.end()); }, valid, d)) return;
    draw_all(in, d, [&](Int x) {
        return !(x < Int{0}) && static_cast<std::size_t>(x) < w.size() &&
               w[static_cast<std::size_t>(x)] > 0.0;
    });
}

void fuzz_shuffle_sample(FuzzedDataProvider& in) {
    std::vector<int> v(in.ConsumeIntegralInRange<std::size_t>(0, 64));
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int>(i);
    const auto n = in.ConsumeIntegralInRange<int>(-2, 70);
    cbrng::stream<> s{cbrng::stream_id{in.ConsumeIntegral<std::uint64_t>(), 0, 0}};
    cbrng::shuffle(v.begin(), v.end(), s);
    std::vector<int> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i) FUZZ_CHECK(sorted[i] == static_cast<int>(i));
    std::vector<int> out(v.size() + 8, -1);
    const auto end = cbrng::sample(v.begin(), v.end(), out.begin(), n, s);
    const auto want =
        static_cast<std::size_t>(std::max(0, std::min(n, static_cast<int>(v.size()))));
    FUZZ_CHECK(static_cast<std::size_t>(end - out.begin()) == want);
    std::vector<int> chosen(out.begin(), end);
    std::sort(chosen.begin(), chosen.end());
    FUZZ_CHECK(std::adjacent_find(chosen.begin(), chosen.end()) == chosen.end());
}

template <class D, class Real, bool Linear>
void fuzz_piecewise(FuzzedDataProvider& in) {
    std::vector<Real> b(in.ConsumeIntegralInRange<std::size_t>(0, 12));
    bool valid = b.size() >= 2;
    for (std::size_t i = 0; i < b.size(); ++i) {
        b[i] = in.ConsumeBool() ? real_from_bits<Real>(in)
                                : static_cast<Real>(in.ConsumeIntegral<std::int16_t>());
        valid = valid && b[i] >= -std::numeric_limits<Real>::max() &&
                b[i] <= std::numeric_limits<Real>::max() && (i == 0 || b[i - 1] < b[i]);
    }
    const std::size_t nw = b.empty() ? 0 : (Linear ? b.size() : b.size() - 1);
    std::vector<Real> w(nw);
    for (auto& x : w) {
        x = in.ConsumeBool() ? real_from_bits<Real>(in)
                             : static_cast<Real>(in.ConsumeIntegral<std::uint8_t>());
        valid = valid && x >= Real(0) && x <= std::numeric_limits<Real>::max();
    }
    // The total weight in long double: clearly inside (0, max) must be
    // accepted, clearly outside rejected; near the overflow edge either
    long double total = 0;
    bool wide = false;
    for (std::size_t i = 0; valid && i + 1 < b.size(); ++i) {
        const long double width = static_cast<long double>(b[i + 1]) - b[i];
        wide = wide || width > std::numeric_limits<double>::max();
        total += Linear ? (static_cast<long double>(w[i]) + w[i + 1]) / 2 * width
                        : static_cast<long double>(w[i]);
    }
    const long double dmax = std::numeric_limits<double>::max();
    // (and near underflow, where double products may flush to zero).
    const bool edge = (total > dmax / 2 && total < dmax * 2) || total < 1e-290L;
    D d;
    bool ok = true;
    try {
        d = D(b.begin(), b.end(), w.begin());
    } catch (const std::invalid_argument&) {
        ok = false;
    }
    if (!valid || wide || total == 0) {
        FUZZ_CHECK(!ok);
    } else if (!edge) {
        FUZZ_CHECK(ok == (total < dmax));
    }
    if (!ok) return;
    draw_all(in, d, [&](Real x) { return x >= b.front() && x < b.back(); });
}

void fuzz_discrete_family(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegral<std::uint8_t>() % 12) {
        case 10:
            fuzz_piecewise<cbrng::piecewise_constant_distribution<double>, double, false>(in);
            break;
        case 11:
            fuzz_piecewise<cbrng::piecewise_linear_distribution<float>, float, true>(in);
            break;
        case 0:
            fuzz_poisson<int>(in);
            break;
        case 1:
            fuzz_poisson<std::int8_t>(in);
            break;
        case 2:
            fuzz_poisson<std::uint64_t>(in);
            break;
        case 3:
            fuzz_binomial<int>(in);
            break;
        case 4:
            fuzz_binomial<std::int64_t>(in);
            break;
        case 5:
            fuzz_binomial<std::uint8_t>(in);
            break;
        case 6:
            fuzz_negative_binomial<int>(in);
            break;
        case 7:
            fuzz_discrete<int>(in);
            break;
        case 8:
            fuzz_discrete<std::int8_t>(in);
            break;
        default:
            fuzz_shuffle_sample(in);
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    switch (in.ConsumeIntegral<std::uint8_t>() % 16) {
        case 0:
            fuzz_uniform_int<int>(in);
            break;
        case 1:
            fuzz_uniform_int<std::int8_t>(in);
            break;
        case 2:
            fuzz_uniform_int<std::uint16_t>(in);
            break;
        case 3:
            fuzz_uniform_int<std::int64_t>(in);
            break;
        case 4:
            fuzz_uniform_int<std::uint64_t>(in);
            break;
        case 5:
            fuzz_uniform_int<unsigned>(in);
            break;
        case 6:
            fuzz_uniform_real<float>(in);
            break;
        case 7:
            fuzz_uniform_real<double>(in);
            break;
        case 8:
            fuzz_normal<float>(in);
            break;
        case 9:
            fuzz_normal<double>(in);
            break;
        case 10:
            fuzz_exponential<float>(in);
            break;
        case 11:
            fuzz_exponential<double>(in);
            break;
        case 12:
            fuzz_inversion_family(in);
            break;
        case 13:
            fuzz_gamma_family(in);
            break;
        case 14:
            fuzz_discrete_family(in);
            break;
        default:
            fuzz_bernoulli(in);
            break;
    }
    return 0;
}
