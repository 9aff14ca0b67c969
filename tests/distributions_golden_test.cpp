// Golden values of every distribution (tests/golden_distributions.hpp): the
// first 16 variates from fixed generators, frozen. The same table is checked
// through the scalar operator(), through variate_at, and through every batch
// transform path this CPU has, so slow and fast paths answer to one table.
// The cross-build check runs this test in -O0, -O3 -march=native and clang++
// builds (docs/distributions.md).
//
// Regenerating the table is an OUTPUT CHANGE (DESIGN §8). It is done only on
// purpose:   CBRNG_PRINT_GOLDEN=1 ./distributions_golden_test
// prints the current values in the header's format.
#include <cbrng/detail/transform.hpp>
#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/engine.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include <catch2/catch.hpp>

#include "golden_distributions.hpp"

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
