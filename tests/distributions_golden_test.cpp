// Golden values of every distribution (tests/support/golden_distributions.hpp): the
// first 16 variates from fixed generators, frozen. The same table is checked
// through the scalar operator(), through variate_at, and through every batch
// transform path this CPU has, so slow and fast paths answer to one table.
// The cross-build check runs this test in -O0, -O3 -march=native and clang++
// builds (docs/distributions.md).
//
// Regenerating the table is an OUTPUT CHANGE (docs/design.md §4). It is done only on
// purpose:   CBRNG_PRINT_GOLDEN=1 ./distributions_golden_test
// prints the current values in the header's format.
#include <cbrng/algorithm.hpp>
#include <cbrng/detail/transform.hpp>
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
#include <cbrng/engine.hpp>
#include <cbrng/fill.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include <catch2/catch.hpp>

#include "support/gamma_family_util.hpp"
#include "support/golden_distributions.hpp"

namespace {

using golden_values = std::vector<std::uint64_t>;

template <class T>
std::uint64_t bits_of(T x) {
    if constexpr (std::is_floating_point_v<T>) {
        return cbrng::detail::to_bits(x);
    } else if constexpr (std::is_signed_v<T>) {
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(x));
    } else {
        return static_cast<std::uint64_t>(x);
    }
}

/// The first n variates of d from g.
template <class Dist, class Gen>
golden_values first(Dist d, Gen g, std::size_t n = cbrng_golden::values_per_case) {
    golden_values v;
    for (std::size_t i = 0; i < n; ++i) v.push_back(bits_of(d(g)));
    return v;
}

cbrng::philox4x32 p42() {
    return cbrng::philox4x32{42};
}
cbrng::philox4x32 p7() {
    return cbrng::philox4x32{7};
}
std::mt19937_64 m64() {
    return std::mt19937_64{};
}

/// 1000 weights 1 + (i mod 7).
cbrng::discrete_distribution<int> discrete_1000() {
    std::vector<double> w(1000);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = 1.0 + static_cast<double>(i % 7);
    return cbrng::discrete_distribution<int>(w.begin(), w.end());
}

/// The golden piecewise distributions: boundaries 0, 1, 3, 3.5.
template <class R>
cbrng::piecewise_constant_distribution<R> pw_constant() {
    const R b[] = {0, 1, 3, 3.5};
    const R w[] = {1, 2, 0.5};
    return cbrng::piecewise_constant_distribution<R>(std::begin(b), std::end(b), std::begin(w));
}
template <class R>
cbrng::piecewise_linear_distribution<R> pw_linear() {
    const R b[] = {0, 1, 3, 3.5};
    const R w[] = {0, 2, 1, 0.5};
    return cbrng::piecewise_linear_distribution<R>(std::begin(b), std::end(b), std::begin(w));
}

/// Every golden case: its name in the table and how to compute it.
const std::vector<std::pair<std::string, std::function<golden_values()>>>& cases() {
    using cbrng::bernoulli_distribution;
    using cbrng::exponential_distribution;
    using cbrng::normal_distribution;
    using cbrng::uniform_int_distribution;
    using cbrng::uniform_real_distribution;
    static const std::vector<std::pair<std::string, std::function<golden_values()>>> all = {
        {"uniform_int<int>(1,6) philox4x32(42)",
         [] { return first(uniform_int_distribution<int>(1, 6), p42()); }},
        {"uniform_int<int>(1,6) mt19937_64()",
         [] { return first(uniform_int_distribution<int>(1, 6), m64()); }},
        {"uniform_int<int64_t>(-10^12,10^12) philox4x32(42)",
         [] {
             return first(uniform_int_distribution<std::int64_t>(-1000000000000, 1000000000000),
                          p42());
         }},
        {"uniform_int<int64_t>(-10^12,10^12) mt19937_64()",
         [] {
             return first(uniform_int_distribution<std::int64_t>(-1000000000000, 1000000000000),
                          m64());
         }},
        {"uniform_int<uint32_t>(0,3*2^30-1) philox4x32(7)",
         [] { return first(uniform_int_distribution<std::uint32_t>(0, (3u << 30) - 1u), p7()); }},
        {"uniform_int<int8_t>(-128,127) philox4x32(42)",
         [] { return first(uniform_int_distribution<std::int8_t>(-128, 127), p42()); }},
        {"uniform_int<uint64_t>(0,2^64-1) philox4x32(42)",
         [] { return first(uniform_int_distribution<std::uint64_t>(), p42()); }},
        {"uniform_real<double>(-1,1) philox4x32(42)",
         [] { return first(uniform_real_distribution<double>(-1, 1), p42()); }},
        {"uniform_real<double>(-1,1) mt19937_64()",
         [] { return first(uniform_real_distribution<double>(-1, 1), m64()); }},
        {"uniform_real<double>(0,1) mt19937()",
         [] { return first(uniform_real_distribution<double>(), std::mt19937{}); }},
        {"uniform_real<float>(0,1) philox4x32(42)",
         [] { return first(uniform_real_distribution<float>(), p42()); }},
        {"uniform_real<float>(0,1) mt19937_64()",
         [] { return first(uniform_real_distribution<float>(), m64()); }},
        {"normal<double>(0,1) philox4x32(42)",
         [] { return first(normal_distribution<double>(), p42()); }},
        {"normal<double>(0,1) mt19937_64()",
         [] { return first(normal_distribution<double>(), m64()); }},
        {"normal<double>(0,1) mt19937()",
         [] { return first(normal_distribution<double>(), std::mt19937{}); }},
        {"normal<double>(0,1) philox4x64(42)",
         [] { return first(normal_distribution<double>(), cbrng::philox4x64{42}); }},
        {"normal<double>(10,3) philox4x32(42)",
         [] { return first(normal_distribution<double>(10, 3), p42()); }},
        {"normal<float>(0,1) philox4x32(42)",
         [] { return first(normal_distribution<float>(), p42()); }},
        {"normal<float>(0,1) mt19937_64()",
         [] { return first(normal_distribution<float>(), m64()); }},
        {"exponential<double>(1.5) philox4x32(42)",
         [] { return first(exponential_distribution<double>(1.5), p42()); }},
        {"exponential<double>(1.5) mt19937_64()",
         [] { return first(exponential_distribution<double>(1.5), m64()); }},
        {"exponential<float>(0.5) philox4x32(42)",
         [] { return first(exponential_distribution<float>(0.5f), p42()); }},
        {"exponential<float>(0.5) mt19937_64()",
         [] { return first(exponential_distribution<float>(0.5f), m64()); }},
        {"bernoulli(0.3) philox4x32(42)", [] { return first(bernoulli_distribution(0.3), p42()); }},
        {"bernoulli(0.3) mt19937_64()", [] { return first(bernoulli_distribution(0.3), m64()); }},
        {"variate_at normal<double>(0,1) philox4x32(42) at 0,1,2,3,7,8,100,1000,10^6,10^9,"
         "10^12,2^40,2^50,2^60,2^62,2^63-1",
         [] {
             const std::uint64_t at[] = {0,
                                         1,
                                         2,
                                         3,
                                         7,
                                         8,
                                         100,
                                         1000,
                                         1000000,
                                         1000000000,
                                         1000000000000,
                                         std::uint64_t{1} << 40,
                                         std::uint64_t{1} << 50,
                                         std::uint64_t{1} << 60,
                                         std::uint64_t{1} << 62,
                                         (std::uint64_t{1} << 63) - 1};
             normal_distribution<double> d;
             golden_values v;
             for (const auto i : at) v.push_back(bits_of(cbrng::variate_at(p42(), d, i)));
             return v;
         }},
        // Inversion family (extreme_value, cauchy, lognormal, weibull, geometric).
        {"extreme_value<double>(0,1) philox4x32(42)",
         [] { return first(cbrng::extreme_value_distribution<double>(), p42()); }},
        {"extreme_value<double>(-2,3) mt19937_64()",
         [] { return first(cbrng::extreme_value_distribution<double>(-2, 3), m64()); }},
        {"extreme_value<float>(1,0.5) philox4x32(42)",
         [] { return first(cbrng::extreme_value_distribution<float>(1, 0.5f), p42()); }},
        {"extreme_value<float>(1,0.5) mt19937_64()",
         [] { return first(cbrng::extreme_value_distribution<float>(1, 0.5f), m64()); }},
        {"cauchy<double>(0,1) philox4x32(42)",
         [] { return first(cbrng::cauchy_distribution<double>(), p42()); }},
        {"cauchy<double>(5,0.25) mt19937_64()",
         [] { return first(cbrng::cauchy_distribution<double>(5, 0.25), m64()); }},
        {"cauchy<float>(0,1) philox4x32(42)",
         [] { return first(cbrng::cauchy_distribution<float>(), p42()); }},
        {"cauchy<float>(-1,2) mt19937_64()",
         [] { return first(cbrng::cauchy_distribution<float>(-1, 2), m64()); }},
        {"lognormal<double>(0,1) philox4x32(42)",
         [] { return first(cbrng::lognormal_distribution<double>(), p42()); }},
        {"lognormal<double>(1,0.25) mt19937_64()",
         [] { return first(cbrng::lognormal_distribution<double>(1, 0.25), m64()); }},
        {"lognormal<float>(0,0.5) philox4x32(42)",
         [] { return first(cbrng::lognormal_distribution<float>(0, 0.5f), p42()); }},
        {"lognormal<float>(0,0.5) mt19937_64()",
         [] { return first(cbrng::lognormal_distribution<float>(0, 0.5f), m64()); }},
        {"weibull<double>(1.5,2) philox4x32(42)",
         [] { return first(cbrng::weibull_distribution<double>(1.5, 2), p42()); }},
        {"weibull<double>(0.5,1) mt19937_64()",
         [] { return first(cbrng::weibull_distribution<double>(0.5, 1), m64()); }},
        {"weibull<float>(2,1) philox4x32(42)",
         [] { return first(cbrng::weibull_distribution<float>(2, 1), p42()); }},
        {"weibull<float>(0.7,3) mt19937_64()",
         [] { return first(cbrng::weibull_distribution<float>(0.7f, 3), m64()); }},
        {"geometric<int>(0.3) philox4x32(42)",
         [] { return first(cbrng::geometric_distribution<int>(0.3), p42()); }},
        {"geometric<int64_t>(0.001) mt19937_64()",
         [] { return first(cbrng::geometric_distribution<std::int64_t>(0.001), m64()); }},
        {"geometric<uint8_t>(0.01) philox4x32(42) (saturates at 255)",
         [] { return first(cbrng::geometric_distribution<std::uint8_t>(0.01), p42()); }},
        {"geometric<uint64_t>(1e-15) mt19937_64()",
         [] { return first(cbrng::geometric_distribution<std::uint64_t>(1e-15), m64()); }},
        // Gamma family (gamma, chi_squared, student_t, fisher_f, beta): every
        // branch (the boost below 1, Marsaglia-Tsang, the log-space forms).
        {"gamma<double>(0.5,1) philox4x32(42)",
         [] { return first(cbrng::gamma_distribution<double>(0.5), p42()); }},
        {"gamma<double>(1,2) mt19937_64()",
         [] { return first(cbrng::gamma_distribution<double>(1, 2), m64()); }},
        {"gamma<double>(2,1) philox4x32(42)",
         [] { return first(cbrng::gamma_distribution<double>(2), p42()); }},
        {"gamma<double>(30,0.5) mt19937_64()",
         [] { return first(cbrng::gamma_distribution<double>(30, 0.5), m64()); }},
        {"gamma<double>(0.01,1) mt19937()",
         [] { return first(cbrng::gamma_distribution<double>(0.01), std::mt19937{}); }},
        {"gamma<float>(0.5,1) philox4x32(42)",
         [] { return first(cbrng::gamma_distribution<float>(0.5f), p42()); }},
        {"gamma<float>(30,1) mt19937_64()",
         [] { return first(cbrng::gamma_distribution<float>(30), m64()); }},
        {"chi_squared<double>(0.5) philox4x32(42)",
         [] { return first(cbrng::chi_squared_distribution<double>(0.5), p42()); }},
        {"chi_squared<double>(100) mt19937_64()",
         [] { return first(cbrng::chi_squared_distribution<double>(100), m64()); }},
        {"chi_squared<float>(3) philox4x32(42)",
         [] { return first(cbrng::chi_squared_distribution<float>(3), p42()); }},
        {"student_t<double>(0.8) philox4x32(42)",
         [] { return first(cbrng::student_t_distribution<double>(0.8), p42()); }},
        {"student_t<double>(3) mt19937_64()",
         [] { return first(cbrng::student_t_distribution<double>(3), m64()); }},
        {"student_t<double>(1000) philox4x32(42)",
         [] { return first(cbrng::student_t_distribution<double>(1000), p42()); }},
        {"student_t<float>(5) mt19937_64()",
         [] { return first(cbrng::student_t_distribution<float>(5), m64()); }},
        {"fisher_f<double>(1,1) philox4x32(42)",
         [] { return first(cbrng::fisher_f_distribution<double>(1, 1), p42()); }},
        {"fisher_f<double>(5,10) mt19937_64()",
         [] { return first(cbrng::fisher_f_distribution<double>(5, 10), m64()); }},
        {"fisher_f<float>(30,50) philox4x32(42)",
         [] { return first(cbrng::fisher_f_distribution<float>(30, 50), p42()); }},
        {"beta<double>(0.5,0.5) philox4x32(42)",
         [] { return first(cbrng::beta_distribution<double>(0.5, 0.5), p42()); }},
        {"beta<double>(2,3) mt19937_64()",
         [] { return first(cbrng::beta_distribution<double>(2, 3), m64()); }},
        {"beta<double>(0.2,5) philox4x32(42)",
         [] { return first(cbrng::beta_distribution<double>(0.2, 5), p42()); }},
        {"beta<float>(0.1,0.1) mt19937_64()",
         [] { return first(cbrng::beta_distribution<float>(0.1f, 0.1f), m64()); }},
        {"beta<float>(40,30) philox4x32(42)",
         [] { return first(cbrng::beta_distribution<float>(40, 30), p42()); }},
        // Discrete family (poisson, binomial, negative_binomial, discrete) and
        // shuffle / sample: every branch of every algorithm.
        {"poisson<int>(3) philox4x32(42)",
         [] { return first(cbrng::poisson_distribution<int>(3), p42()); }},
        {"poisson<int>(3) mt19937_64()",
         [] { return first(cbrng::poisson_distribution<int>(3), m64()); }},
        {"poisson<int>(10) philox4x32(42)",
         [] { return first(cbrng::poisson_distribution<int>(10), p42()); }},
        {"poisson<int>(1000) mt19937_64()",
         [] { return first(cbrng::poisson_distribution<int>(1000), m64()); }},
        {"poisson<int64_t>(1e9) philox4x32(42)",
         [] { return first(cbrng::poisson_distribution<std::int64_t>(1e9), p42()); }},
        {"poisson<uint8_t>(60) mt19937()",
         [] { return first(cbrng::poisson_distribution<std::uint8_t>(60), std::mt19937{}); }},
        {"binomial<int>(10,0.3) philox4x32(42)",
         [] { return first(cbrng::binomial_distribution<int>(10, 0.3), p42()); }},
        {"binomial<int>(40,0.95) mt19937_64()",
         [] { return first(cbrng::binomial_distribution<int>(40, 0.95), m64()); }},
        {"binomial<int>(100,0.3) philox4x32(42)",
         [] { return first(cbrng::binomial_distribution<int>(100, 0.3), p42()); }},
        {"binomial<int>(50,0.8) mt19937_64()",
         [] { return first(cbrng::binomial_distribution<int>(50, 0.8), m64()); }},
        {"binomial<int64_t>(10^6,0.5) philox4x32(42)",
         [] { return first(cbrng::binomial_distribution<std::int64_t>(1000000, 0.5), p42()); }},
        {"binomial<uint16_t>(60000,0.001) mt19937()",
         [] {
             return first(cbrng::binomial_distribution<std::uint16_t>(60000, 0.001),
                          std::mt19937{});
         }},
        {"negative_binomial<int>(3,0.25) philox4x32(42)",
         [] { return first(cbrng::negative_binomial_distribution<int>(3, 0.25), p42()); }},
        {"negative_binomial<int64_t>(10,0.01) mt19937_64()",
         [] {
             return first(cbrng::negative_binomial_distribution<std::int64_t>(10, 0.01), m64());
         }},
        {"discrete<int>(1,2,3,0,4) philox4x32(42)",
         [] {
             return first(cbrng::discrete_distribution<int>{1, 2, 3, 0, 4}, p42());
         }},
        {"discrete<int>(1000 weights w_i = 1 + i mod 7) mt19937_64()",
         [] { return first(discrete_1000(), m64()); }},
        {"piecewise_constant<double>(0,1,3,3.5; 1,2,0.5) philox4x32(42)",
         [] { return first(pw_constant<double>(), p42()); }},
        {"piecewise_constant<float>(0,1,3,3.5; 1,2,0.5) mt19937_64()",
         [] { return first(pw_constant<float>(), m64()); }},
        {"piecewise_linear<double>(0,1,3,3.5; 0,2,1,0.5) philox4x32(42)",
         [] { return first(pw_linear<double>(), p42()); }},
        {"piecewise_linear<float>(0,1,3,3.5; 0,2,1,0.5) mt19937_64()",
         [] { return first(pw_linear<float>(), m64()); }},
        {"shuffle(0..15) philox4x32(42)",
         [] {
             auto g = p42();
             std::vector<std::uint64_t> v(cbrng_golden::values_per_case);
             for (std::size_t i = 0; i < v.size(); ++i) v[i] = i;
             cbrng::shuffle(v.begin(), v.end(), g);
             return v;
         }},
        {"shuffle(0..15) mt19937_64()",
         [] {
             auto g = m64();
             std::vector<std::uint64_t> v(cbrng_golden::values_per_case);
             for (std::size_t i = 0; i < v.size(); ++i) v[i] = i;
             cbrng::shuffle(v.begin(), v.end(), g);
             return v;
         }},
        {"sample(16 of 0..999, forward) philox4x32(42)",
         [] {
             auto g = p42();
             std::vector<std::uint64_t> pop(1000);
             for (std::size_t i = 0; i < pop.size(); ++i) pop[i] = i;
             golden_values v(cbrng_golden::values_per_case);
             cbrng::sample(pop.begin(), pop.end(), v.begin(), v.size(), g);
             return v;
         }},
        {"sample(16 of 0..999, input) mt19937_64()",
         [] {
             auto g = m64();
             std::stringstream text;
             for (int i = 0; i < 1000; ++i) text << i << ' ';
             golden_values v(cbrng_golden::values_per_case);
             cbrng::sample(std::istream_iterator<std::uint64_t>(text),
                           std::istream_iterator<std::uint64_t>(), v.begin(), v.size(), g);
             return v;
         }},
    };
    return all;
}

const cbrng_golden::golden_case* find_golden(const std::string& name) {
    for (const auto& c : cbrng_golden::distributions) {
        if (name == c.name) return &c;
    }
    return nullptr;
}

void print_table() {
    std::printf("inline constexpr golden_case distributions[] = {\n");
    for (const auto& [name, compute] : cases()) {
        const golden_values v = compute();
        std::printf("    {\"%s\",\n     {", name.c_str());
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::printf("%s0x%016llxu",
                        i == 0       ? ""
                        : i % 3 == 0 ? ",\n      "
                                     : ", ",
                        static_cast<unsigned long long>(v[i]));
        }
        std::printf("}},\n");
    }
    std::printf("};\n");
}

/// The raw words the golden generators yield.
template <class Word, class Gen>
std::vector<Word> words_of(Gen g, std::size_t n) {
    std::vector<Word> w(n);
    for (auto& x : w) x = static_cast<Word>(g());
    return w;
}

template <class Real, class Word, class Param>
golden_values via_transform(const std::vector<Word>& words, const Param& p,
                            cbrng::detail::isa which) {
    std::vector<Real> out(cbrng_golden::values_per_case);
    cbrng::detail::transform(words.data(), out.data(), out.size(), p, which);
    golden_values v;
    for (const Real x : out) v.push_back(bits_of(x));
    return v;
}

std::vector<cbrng::detail::isa> supported_isas() {
    std::vector<cbrng::detail::isa> v;
    for (const auto i :
         {cbrng::detail::isa::scalar, cbrng::detail::isa::avx2, cbrng::detail::isa::avx512}) {
        if (cbrng::detail::isa_supported(i)) v.push_back(i);
    }
    return v;
}

golden_values table(const std::string& name) {
    const auto* g = find_golden(name);
    REQUIRE(g != nullptr);
    return golden_values(std::begin(g->values), std::end(g->values));
}

}  // namespace

TEST_CASE("distribution golden values", "[golden]") {
    if (std::getenv("CBRNG_PRINT_GOLDEN") != nullptr) print_table();
    CHECK(std::size(cbrng_golden::distributions) == cases().size());
    for (const auto& [name, compute] : cases()) {
        INFO(name);
        const auto* g = find_golden(name);
        REQUIRE(g != nullptr);
        CHECK(compute() == golden_values(std::begin(g->values), std::end(g->values)));
    }
}

TEST_CASE("golden values through every batch transform path", "[golden][transform]") {
    using namespace cbrng::detail;
    constexpr std::size_t n = cbrng_golden::values_per_case;
    const auto w32 = words_of<std::uint32_t>(p42(), 2 * n);
    const auto w64 = words_of<std::uint64_t>(m64(), n);
    for (const isa which : supported_isas()) {
        INFO("isa " << isa_name(which));
        CHECK(via_transform<double>(w32, uniform_real_param<double>(-1, 1), which) ==
              table("uniform_real<double>(-1,1) philox4x32(42)"));
        CHECK(via_transform<double>(w64, uniform_real_param<double>(-1, 1), which) ==
              table("uniform_real<double>(-1,1) mt19937_64()"));
        CHECK(via_transform<float>(w32, uniform_real_param<float>(), which) ==
              table("uniform_real<float>(0,1) philox4x32(42)"));
        CHECK(via_transform<float>(w64, uniform_real_param<float>(), which) ==
              table("uniform_real<float>(0,1) mt19937_64()"));
        CHECK(via_transform<double>(w32, normal_param<double>(), which) ==
              table("normal<double>(0,1) philox4x32(42)"));
        CHECK(via_transform<double>(w64, normal_param<double>(), which) ==
              table("normal<double>(0,1) mt19937_64()"));
        CHECK(via_transform<double>(w32, normal_param<double>(10, 3), which) ==
              table("normal<double>(10,3) philox4x32(42)"));
        CHECK(via_transform<float>(w32, normal_param<float>(), which) ==
              table("normal<float>(0,1) philox4x32(42)"));
        CHECK(via_transform<float>(w64, normal_param<float>(), which) ==
              table("normal<float>(0,1) mt19937_64()"));
        CHECK(via_transform<double>(w32, exponential_param<double>(1.5), which) ==
              table("exponential<double>(1.5) philox4x32(42)"));
        CHECK(via_transform<double>(w64, exponential_param<double>(1.5), which) ==
              table("exponential<double>(1.5) mt19937_64()"));
        CHECK(via_transform<float>(w32, exponential_param<float>(0.5f), which) ==
              table("exponential<float>(0.5) philox4x32(42)"));
        CHECK(via_transform<float>(w64, exponential_param<float>(0.5f), which) ==
              table("exponential<float>(0.5) mt19937_64()"));
    }
}

// ---------------------------------------------------------------- inversion family
// extreme_value, cauchy, lognormal, weibull, geometric: the table through
// variate_at and fill, and cross-checked against long-double references
// computed from the same uniforms.
namespace {

/// The golden case `name` through variate_at (i = 0..15 from the start) and
/// through fill from the start.
template <class Dist, class Gen>
void check_random_access_and_fill(const std::string& name, Dist d, const Gen& g0) {
    INFO(name);
    constexpr std::size_t n = cbrng_golden::values_per_case;
    golden_values at;
    for (std::size_t i = 0; i < n; ++i) at.push_back(bits_of(cbrng::variate_at(g0, d, i)));
    CHECK(at == table(name));
    std::vector<typename Dist::result_type> out(n);
    Gen g = g0;
    cbrng::fill(g, out.begin(), out.end(), d);
    golden_values filled;
    for (const auto x : out) filled.push_back(bits_of(x));
    CHECK(filled == table(name));
}

/// tan(pi t) in long double, reduced as tan_pi does so the reference is well
/// conditioned for |t| near 1/2 (1/2 - |t| is exact).
long double tan_pi_ref(long double t) {
    const long double pi = 3.141592653589793238462643383279502884L;
    const long double a = std::fabs(t);
    const long double r = a <= 0.25L ? std::tan(pi * a) : 1.0L / std::tan(pi * (0.5L - a));
    return t < 0 ? -r : r;
}

/// Each golden value of `name` is within max_ulps ulps of Real at
/// max(|ref|, scale) of ref(u), u the variate's uniform on the normal grid.
template <class Real, class Gen, class Ref>
void check_against_reference(const std::string& name, Gen g, Ref ref, long double scale,
                             double max_ulps) {
    INFO(name);
    const auto want = table(name);
    double worst = 0;
    for (std::size_t i = 0; i < want.size(); ++i) {
        const auto x = cbrng::detail::generate_variate_bits<Real>(g);
        const long double u =
            sizeof(Real) == 8
                ? std::ldexp(static_cast<long double>(2 * (std::uint64_t{x} >> 12) + 1), -53)
                : std::ldexp(static_cast<long double>(2 * std::uint64_t{x} + 1), -33);
        const long double r = ref(u);
        Real got;
        if constexpr (sizeof(Real) == 8) {
            got = cbrng::detail::double_from_bits(want[i]);
        } else {
            got = cbrng::detail::float_from_bits(static_cast<std::uint32_t>(want[i]));
        }
        int e = 0;
        std::frexp(static_cast<double>(std::max(std::fabs(r), scale)), &e);
        const long double ulp = std::ldexp(1.0L, e - std::numeric_limits<Real>::digits);
        worst = std::max(worst, static_cast<double>(std::fabs(got - r) / ulp));
    }
    CHECK(worst <= max_ulps);
}

}  // namespace

TEST_CASE("inversion family: golden values through variate_at and fill", "[golden]") {
    using namespace cbrng;
    check_random_access_and_fill("extreme_value<double>(0,1) philox4x32(42)",
                                 extreme_value_distribution<double>(), p42());
    check_random_access_and_fill("extreme_value<double>(-2,3) mt19937_64()",
                                 extreme_value_distribution<double>(-2, 3), m64());
    check_random_access_and_fill("extreme_value<float>(1,0.5) philox4x32(42)",
                                 extreme_value_distribution<float>(1, 0.5f), p42());
    check_random_access_and_fill("cauchy<double>(0,1) philox4x32(42)",
                                 cauchy_distribution<double>(), p42());
    check_random_access_and_fill("cauchy<float>(-1,2) mt19937_64()",
                                 cauchy_distribution<float>(-1, 2), m64());
    check_random_access_and_fill("cauchy<float>(0,1) philox4x32(42)", cauchy_distribution<float>(),
                                 p42());
    check_random_access_and_fill("lognormal<double>(0,1) philox4x32(42)",
                                 lognormal_distribution<double>(), p42());
    check_random_access_and_fill("lognormal<float>(0,0.5) philox4x32(42)",
                                 lognormal_distribution<float>(0, 0.5f), p42());
    check_random_access_and_fill("weibull<double>(1.5,2) philox4x32(42)",
                                 weibull_distribution<double>(1.5, 2), p42());
    check_random_access_and_fill("weibull<float>(2,1) philox4x32(42)",
                                 weibull_distribution<float>(2, 1), p42());
    check_random_access_and_fill("geometric<int>(0.3) philox4x32(42)",
                                 geometric_distribution<int>(0.3), p42());
    check_random_access_and_fill("geometric<uint8_t>(0.01) philox4x32(42) (saturates at 255)",
                                 geometric_distribution<std::uint8_t>(0.01), p42());
    check_random_access_and_fill("geometric<uint64_t>(1e-15) mt19937_64()",
                                 geometric_distribution<std::uint64_t>(1e-15), m64());
}

TEST_CASE("inversion family: golden values against long-double references", "[golden]") {
    const auto gumbel = [](long double a, long double b) {
        return [a, b](long double u) { return a - b * std::log(-std::log(u)); };
    };
    check_against_reference<double>("extreme_value<double>(0,1) philox4x32(42)", p42(),
                                    gumbel(0, 1), 1, 4);
    check_against_reference<double>("extreme_value<double>(-2,3) mt19937_64()", m64(),
                                    gumbel(-2, 3), 3, 4);
    check_against_reference<float>("extreme_value<float>(1,0.5) philox4x32(42)", p42(),
                                   gumbel(1, 0.5L), 1, 1);
    check_against_reference<float>("extreme_value<float>(1,0.5) mt19937_64()", m64(),
                                   gumbel(1, 0.5L), 1, 1);
    const auto cauchy = [](long double a, long double b) {
        return [a, b](long double u) { return a + b * tan_pi_ref(u - 0.5L); };
    };
    check_against_reference<double>("cauchy<double>(0,1) philox4x32(42)", p42(), cauchy(0, 1), 0,
                                    2);
    check_against_reference<double>("cauchy<double>(5,0.25) mt19937_64()", m64(), cauchy(5, 0.25L),
                                    5, 4);
    check_against_reference<float>("cauchy<float>(0,1) philox4x32(42)", p42(), cauchy(0, 1), 0, 1);
    check_against_reference<float>("cauchy<float>(-1,2) mt19937_64()", m64(), cauchy(-1, 2), 1, 1);
    // lognormal: exp(m + s z) with the library's z (its accuracy: detail_math_test).
    const auto lognormal = [](long double m, long double s) {
        return [m, s](long double u) {
            return std::exp(m + s * cbrng::detail::normal_quantile(static_cast<double>(u)));
        };
    };
    check_against_reference<double>("lognormal<double>(0,1) philox4x32(42)", p42(), lognormal(0, 1),
                                    0, 2);
    check_against_reference<double>("lognormal<double>(1,0.25) mt19937_64()", m64(),
                                    lognormal(1, 0.25L), 0, 2);
    check_against_reference<float>("lognormal<float>(0,0.5) philox4x32(42)", p42(),
                                   lognormal(0, 0.5L), 0, 1);
    check_against_reference<float>("lognormal<float>(0,0.5) mt19937_64()", m64(),
                                   lognormal(0, 0.5L), 0, 1);
    const auto weibull = [](long double a, long double b) {
        return [a, b](long double u) { return b * std::pow(-std::log(u), 1 / a); };
    };
    check_against_reference<double>("weibull<double>(1.5,2) philox4x32(42)", p42(),
                                    weibull(1.5L, 2), 0, 4);
    check_against_reference<double>("weibull<double>(0.5,1) mt19937_64()", m64(), weibull(0.5L, 1),
                                    0, 4);
    check_against_reference<float>("weibull<float>(2,1) philox4x32(42)", p42(), weibull(2, 1), 0,
                                   1);
    check_against_reference<float>("weibull<float>(0.7,3) mt19937_64()", m64(),
                                   weibull(static_cast<long double>(0.7f), 3), 0, 1);
}

TEST_CASE("geometric golden values against long-double inversion", "[golden]") {
    const auto check = [](const std::string& name, auto g, long double p, long double max) {
        INFO(name);
        const auto want = table(name);
        for (const auto w : want) {
            const std::uint64_t x = cbrng::detail::generate_variate_bits<double>(g);
            const long double u = std::ldexp(static_cast<long double>((x >> 11) + 1), -53);
            const long double r = std::log(u) / std::log1p(-p);
            const long double k = std::min(std::floor(r), max);
            // The double quotient carries a relative error of a few 2^-53: the
            // floor is exact unless r is that close to an integer.
            const long double slack = 1e-15L * std::max(1.0L, r);
            if (std::fabs(r - std::round(r)) > slack) {
                CHECK(static_cast<long double>(w) == k);
            } else {
                CHECK(std::fabs(static_cast<long double>(w) - k) <= 1);
            }
        }
    };
    check("geometric<int>(0.3) philox4x32(42)", p42(), 0.3L, 2147483647.0L);
    check("geometric<int64_t>(0.001) mt19937_64()", m64(), 0.001L, 9223372036854775807.0L);
    check("geometric<uint8_t>(0.01) philox4x32(42) (saturates at 255)", p42(), 0.01L, 255.0L);
    check("geometric<uint64_t>(1e-15) mt19937_64()", m64(), 1e-15L, 18446744073709551615.0L);
}

// ---------------------------------------------------------------- gamma family
// gamma, chi_squared, student_t, fisher_f, beta (variable consumption, so no
// variate_at): the table through fill, and cross-checked against the
// long-double re-implementation of the same algorithms from the same draws
// (tests/support/gamma_family_util.hpp).
namespace {

/// The golden case `name` through fill from the start.
template <class Dist, class Gen>
void check_fill(const std::string& name, Dist d, const Gen& g0) {
    INFO(name);
    std::vector<typename Dist::result_type> out(cbrng_golden::values_per_case);
    Gen g = g0;
    cbrng::fill(g, out.begin(), out.end(), d);
    golden_values filled;
    for (const auto x : out) filled.push_back(bits_of(x));
    CHECK(filled == table(name));
}

/// Each golden value of `name` against ref(g) (one long-double variate from
/// g): relative 1e-12 for double (room for the methods' conditioning, see
/// distributions_gamma_test), the double result rounded once for float.
template <class Real, class Gen, class Ref>
void check_against_family_reference(const std::string& name, Gen g, Ref ref) {
    INFO(name);
    const auto want = table(name);
    double worst = 0;
    for (const auto w : want) {
        const long double r = ref(g);
        Real got;
        if constexpr (sizeof(Real) == 8) {
            got = cbrng::detail::double_from_bits(w);
        } else {
            got = cbrng::detail::float_from_bits(static_cast<std::uint32_t>(w));
        }
        worst = std::max(worst, cbrng_test::rel_error_units<Real>(got, r));
    }
    CHECK(worst <= (sizeof(Real) == 8 ? 1e-12 * 0x1p53 : 1.01));
}

}  // namespace

TEST_CASE("gamma family: golden values through fill", "[golden]") {
    using namespace cbrng;
    check_fill("gamma<double>(0.5,1) philox4x32(42)", gamma_distribution<double>(0.5), p42());
    check_fill("gamma<double>(30,0.5) mt19937_64()", gamma_distribution<double>(30, 0.5), m64());
    check_fill("gamma<float>(0.5,1) philox4x32(42)", gamma_distribution<float>(0.5f), p42());
    check_fill("chi_squared<double>(100) mt19937_64()", chi_squared_distribution<double>(100),
               m64());
    check_fill("student_t<double>(0.8) philox4x32(42)", student_t_distribution<double>(0.8), p42());
    check_fill("student_t<float>(5) mt19937_64()", student_t_distribution<float>(5), m64());
    check_fill("fisher_f<double>(1,1) philox4x32(42)", fisher_f_distribution<double>(1, 1), p42());
    check_fill("beta<double>(0.2,5) philox4x32(42)", beta_distribution<double>(0.2, 5), p42());
    check_fill("beta<float>(0.1,0.1) mt19937_64()", beta_distribution<float>(0.1f, 0.1f), m64());
}

TEST_CASE("gamma family: golden values against the long-double re-implementation", "[golden]") {
    using cbrng_test::ref_beta;
    using cbrng_test::ref_fisher_f;
    using cbrng_test::ref_gamma;
    using cbrng_test::ref_student_t;
    check_against_family_reference<double>(
        "gamma<double>(0.5,1) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_gamma<double>(g, 0.5L); });
    check_against_family_reference<double>(
        "gamma<double>(1,2) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return 2 * ref_gamma<double>(g, 1.0L); });
    check_against_family_reference<double>(
        "gamma<double>(2,1) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_gamma<double>(g, 2.0L); });
    check_against_family_reference<double>(
        "gamma<double>(30,0.5) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return ref_gamma<double>(g, 30.0L) / 2; });
    check_against_family_reference<double>(
        "gamma<double>(0.01,1) mt19937()", std::mt19937{},
        [](std::mt19937& g) { return ref_gamma<double>(g, 0.01L); });
    check_against_family_reference<float>(
        "gamma<float>(0.5,1) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_gamma<float>(g, 0.5L); });
    check_against_family_reference<float>(
        "gamma<float>(30,1) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return ref_gamma<float>(g, 30.0L); });
    check_against_family_reference<double>(
        "chi_squared<double>(0.5) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return 2 * ref_gamma<double>(g, 0.25L); });
    check_against_family_reference<double>(
        "chi_squared<double>(100) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return 2 * ref_gamma<double>(g, 50.0L); });
    check_against_family_reference<float>(
        "chi_squared<float>(3) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return 2 * ref_gamma<float>(g, 1.5L); });
    check_against_family_reference<double>(
        "student_t<double>(0.8) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_student_t<double>(g, 0.8L); });
    check_against_family_reference<double>(
        "student_t<double>(3) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return ref_student_t<double>(g, 3.0L); });
    check_against_family_reference<double>(
        "student_t<double>(1000) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_student_t<double>(g, 1000.0L); });
    check_against_family_reference<float>(
        "student_t<float>(5) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return ref_student_t<float>(g, 5.0L); });
    check_against_family_reference<double>(
        "fisher_f<double>(1,1) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_fisher_f<double>(g, 1.0L, 1.0L); });
    check_against_family_reference<double>(
        "fisher_f<double>(5,10) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return ref_fisher_f<double>(g, 5.0L, 10.0L); });
    check_against_family_reference<float>(
        "fisher_f<float>(30,50) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_fisher_f<float>(g, 30.0L, 50.0L); });
    check_against_family_reference<double>(
        "beta<double>(0.5,0.5) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_beta<double>(g, 0.5L, 0.5L); });
    check_against_family_reference<double>(
        "beta<double>(2,3) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return ref_beta<double>(g, 2.0L, 3.0L); });
    check_against_family_reference<double>(
        "beta<double>(0.2,5) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_beta<double>(g, 0.2L, 5.0L); });
    check_against_family_reference<float>(
        "beta<float>(0.1,0.1) mt19937_64()", m64(),
        [](std::mt19937_64& g) { return ref_beta<float>(g, 0.1f, 0.1f); });
    check_against_family_reference<float>(
        "beta<float>(40,30) philox4x32(42)", p42(),
        [](cbrng::philox4x32& g) { return ref_beta<float>(g, 40.0L, 30.0L); });
}

TEST_CASE("inversion family: golden values through every batch transform path",
          "[golden][transform]") {
    using namespace cbrng::detail;
    constexpr std::size_t n = cbrng_golden::values_per_case;
    const auto w32 = words_of<std::uint32_t>(p42(), 2 * n);
    const auto w64 = words_of<std::uint64_t>(m64(), n);
    for (const isa which : supported_isas()) {
        INFO("isa " << isa_name(which));
        CHECK(via_transform<double>(w32, extreme_value_param<double>(), which) ==
              table("extreme_value<double>(0,1) philox4x32(42)"));
        CHECK(via_transform<double>(w64, extreme_value_param<double>(-2, 3), which) ==
              table("extreme_value<double>(-2,3) mt19937_64()"));
        CHECK(via_transform<float>(w32, extreme_value_param<float>(1, 0.5f), which) ==
              table("extreme_value<float>(1,0.5) philox4x32(42)"));
        CHECK(via_transform<float>(w64, extreme_value_param<float>(1, 0.5f), which) ==
              table("extreme_value<float>(1,0.5) mt19937_64()"));
        CHECK(via_transform<double>(w32, lognormal_param<double>(), which) ==
              table("lognormal<double>(0,1) philox4x32(42)"));
        CHECK(via_transform<double>(w64, lognormal_param<double>(1, 0.25), which) ==
              table("lognormal<double>(1,0.25) mt19937_64()"));
        CHECK(via_transform<float>(w32, lognormal_param<float>(0, 0.5f), which) ==
              table("lognormal<float>(0,0.5) philox4x32(42)"));
        CHECK(via_transform<float>(w64, lognormal_param<float>(0, 0.5f), which) ==
              table("lognormal<float>(0,0.5) mt19937_64()"));
        CHECK(via_transform<double>(w32, weibull_param<double>(1.5, 2), which) ==
              table("weibull<double>(1.5,2) philox4x32(42)"));
        CHECK(via_transform<double>(w64, weibull_param<double>(0.5, 1), which) ==
              table("weibull<double>(0.5,1) mt19937_64()"));
        CHECK(via_transform<float>(w32, weibull_param<float>(2, 1), which) ==
              table("weibull<float>(2,1) philox4x32(42)"));
        CHECK(via_transform<float>(w64, weibull_param<float>(0.7f, 3), which) ==
              table("weibull<float>(0.7,3) mt19937_64()"));
        CHECK(via_transform<double>(w32, cauchy_param<double>(), which) ==
              table("cauchy<double>(0,1) philox4x32(42)"));
        CHECK(via_transform<double>(w64, cauchy_param<double>(5, 0.25), which) ==
              table("cauchy<double>(5,0.25) mt19937_64()"));
        CHECK(via_transform<float>(w32, cauchy_param<float>(), which) ==
              table("cauchy<float>(0,1) philox4x32(42)"));
        CHECK(via_transform<float>(w64, cauchy_param<float>(-1, 2), which) ==
              table("cauchy<float>(-1,2) mt19937_64()"));
    }
}

TEST_CASE("discrete: golden values through variate_at and fill", "[golden]") {
    check_random_access_and_fill("discrete<int>(1,2,3,0,4) philox4x32(42)",
                                 cbrng::discrete_distribution<int>{1, 2, 3, 0, 4}, p42());
    check_random_access_and_fill("discrete<int>(1000 weights w_i = 1 + i mod 7) mt19937_64()",
                                 discrete_1000(), m64());
}

TEST_CASE("discrete family: golden values through fill", "[golden]") {
    // Variable consumption: fill is the loop of scalar calls.
    const auto filled = [](auto d, auto g) {
        std::vector<typename decltype(d)::result_type> out(cbrng_golden::values_per_case);
        cbrng::fill(g, out.begin(), out.end(), d);
        golden_values v;
        for (const auto x : out) v.push_back(bits_of(x));
        return v;
    };
    CHECK(filled(cbrng::poisson_distribution<int>(3), p42()) ==
          table("poisson<int>(3) philox4x32(42)"));
    CHECK(filled(cbrng::poisson_distribution<int>(1000), m64()) ==
          table("poisson<int>(1000) mt19937_64()"));
    CHECK(filled(cbrng::binomial_distribution<int>(100, 0.3), p42()) ==
          table("binomial<int>(100,0.3) philox4x32(42)"));
    CHECK(filled(cbrng::negative_binomial_distribution<int>(3, 0.25), p42()) ==
          table("negative_binomial<int>(3,0.25) philox4x32(42)"));
}

TEST_CASE("piecewise: golden values through variate_at and fill, and against long double",
          "[golden]") {
    check_random_access_and_fill("piecewise_constant<double>(0,1,3,3.5; 1,2,0.5) philox4x32(42)",
                                 pw_constant<double>(), p42());
    check_random_access_and_fill("piecewise_constant<float>(0,1,3,3.5; 1,2,0.5) mt19937_64()",
                                 pw_constant<float>(), m64());
    check_random_access_and_fill("piecewise_linear<double>(0,1,3,3.5; 0,2,1,0.5) philox4x32(42)",
                                 pw_linear<double>(), p42());
    check_random_access_and_fill("piecewise_linear<float>(0,1,3,3.5; 0,2,1,0.5) mt19937_64()",
                                 pw_linear<float>(), m64());
    // The same draws through a long-double inverse: the interval from the
    // (integer) alias table, the position from u.
    const auto reference = [](const std::string& name, const auto& d, auto g, bool linear) {
        INFO(name);
        using R = typename std::decay_t<decltype(d)>::result_type;
        const auto want = table(name);
        const auto b = d.intervals();
        const auto& w = d.param().weights();
        double worst = 0;
        for (const auto bits : want) {
            const std::uint64_t x = cbrng::detail::generate_bits64(g);
            const auto y = cbrng::detail::generate_variate_bits<R>(g);
            const auto i = static_cast<std::size_t>(d.param().table().view().pick(x));
            const long double u = sizeof(R) == 8
                                      ? std::ldexp(static_cast<long double>(y >> 11), -53)
                                      : std::ldexp(static_cast<long double>(y >> 8), -24);
            long double t = u;
            if (linear && u != 0) {
                const long double a = w[i];
                const long double c = w[i + 1];
                t = a == c ? u : (std::sqrt(a * a + (c * c - a * a) * u) - a) / (c - a);
            }
            const long double ref = b[i] + t * (static_cast<long double>(b[i + 1]) - b[i]);
            R got;
            if constexpr (sizeof(R) == 8) {
                got = cbrng::detail::double_from_bits(bits);
            } else {
                got = cbrng::detail::float_from_bits(static_cast<std::uint32_t>(bits));
            }
            const long double ulp =
                std::ldexp(1.0L, std::ilogb(static_cast<double>(std::max(std::fabs(ref), 1.0L))) -
                                     std::numeric_limits<R>::digits + 1);
            worst = std::max(worst, static_cast<double>(std::fabs(got - ref) / ulp));
        }
        CHECK(worst <= 4);
    };
    reference("piecewise_constant<double>(0,1,3,3.5; 1,2,0.5) philox4x32(42)",
              pw_constant<double>(), p42(), false);
    reference("piecewise_constant<float>(0,1,3,3.5; 1,2,0.5) mt19937_64()", pw_constant<float>(),
              m64(), false);
    reference("piecewise_linear<double>(0,1,3,3.5; 0,2,1,0.5) philox4x32(42)", pw_linear<double>(),
              p42(), true);
    reference("piecewise_linear<float>(0,1,3,3.5; 0,2,1,0.5) mt19937_64()", pw_linear<float>(),
              m64(), true);
}
