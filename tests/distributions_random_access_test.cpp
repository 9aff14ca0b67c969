// Tests include/cbrng/distributions/random_access.hpp: variate_at(g, d, i)
// equals the (i+1)-th sequential variate for every distribution with fixed
// consumption, from 32- and 64-bit generators and streams, leaves g
// untouched, and reaches far positions in O(1).
#include <cbrng/distributions/bernoulli.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/random_access.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/stream.hpp>

#include <cstdint>
#include <random>

#include <catch2/catch.hpp>

namespace {

template <class Gen, class Dist>
void check_sequential(const Gen& g0, Dist d, std::uint64_t n) {
    Gen seq = g0;
    for (std::uint64_t i = 0; i < n; ++i) {
        const auto expected = d(seq);
        const auto got = cbrng::variate_at(g0, d, i);
        REQUIRE(got == expected);
    }
}

template <class Gen>
void check_all(const Gen& g) {
    check_sequential(g, cbrng::uniform_real_distribution<double>(-1, 1), 300);
    check_sequential(g, cbrng::uniform_real_distribution<float>(0, 5), 300);
    check_sequential(g, cbrng::normal_distribution<double>(2, 3), 300);
    check_sequential(g, cbrng::normal_distribution<float>(), 300);
    check_sequential(g, cbrng::exponential_distribution<double>(0.5), 300);
    check_sequential(g, cbrng::exponential_distribution<float>(2), 300);
    check_sequential(g, cbrng::bernoulli_distribution(0.4), 300);
}

}  // namespace

TEST_CASE("variate_at equals the sequential variates", "[random_access]") {
    SECTION("philox4x32 (32-bit words, two per double)") {
        check_all(cbrng::philox4x32{42});
    }
    SECTION("philox4x64") {
        check_all(cbrng::philox4x64{42});
    }
    SECTION("stream<>") {
        check_all(cbrng::stream<>{cbrng::stream_id{1, 2, 3}});
    }
    SECTION("a generator part-way through a block") {
        cbrng::philox4x32 g{7};
        g.discard(3);
        check_all(g);
    }
    SECTION("std::mt19937_64 and std::mt19937 (O(n) discard, still correct)") {
        check_all(std::mt19937_64{5});
        check_all(std::mt19937{5});
    }
}

TEST_CASE("variate_at leaves the generator untouched and jumps far", "[random_access]") {
    const cbrng::philox4x32 g{9};
    const cbrng::philox4x32 copy = g;
    cbrng::normal_distribution<double> d;
    const std::uint64_t far = (std::uint64_t{1} << 63) + 12345;
    const double x = cbrng::variate_at(g, d, far);
    CHECK(g == copy);
    // Position far means 2 * far words: the same as discarding 2^64 + 24690.
    cbrng::philox4x32 h = g;
    h.discard(std::uint64_t{1} << 63);
    h.discard(std::uint64_t{1} << 63);
    h.discard(24690);
    CHECK(d(h) == x);
    const cbrng::philox4x64 g64{9};
    cbrng::philox4x64 h64 = g64;
    h64.discard(far);
    CHECK(cbrng::variate_at(g64, d, far) == d(h64));
}
