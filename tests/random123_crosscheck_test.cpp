// Randomized cross-check against the installed Random123 headers: for every
// shape and every round count Random123 accepts, 10,000 random (counter, key)
// pairs give the same block. Random123 is a test-only dependency; it defines
// function-like macros named after the generators (philox4x32(c, k), ...), so
// this translation unit names cbrng's types only through cbrng::philox<...>.
#include <catch2/catch.hpp>

#include <Random123/philox.h>
#include <Random123/threefry.h>

#include <cbrng/philox.hpp>
#include <cbrng/threefry.hpp>

#include <cstdint>
#include <random>

#include "support/test_util.hpp"

namespace {

constexpr int pairs_per_case = 10000;

template <class Mine, class Theirs>
std::size_t compare(std::mt19937_64& rng) {
    using w = typename Mine::word_type;
    std::size_t equal = 0;
    for (int t = 0; t < pairs_per_case; ++t) {
        typename Mine::counter_type c{};
        typename Mine::key_type k{};
        typename Theirs::ctr_type tc{};
        typename Theirs::key_type tk{};
        for (std::size_t i = 0; i < c.size(); ++i) tc.v[i] = c[i] = static_cast<w>(rng());
        for (std::size_t i = 0; i < k.size(); ++i) tk.v[i] = k[i] = static_cast<w>(rng());
        Theirs theirs;
        const auto expect = theirs(tc, tk);
        const auto got = Mine{}(c, k);
        bool same = true;
        for (std::size_t i = 0; i < c.size(); ++i) same = same && got[i] == expect.v[i];
        equal += same ? 1 : 0;
    }
    return equal;
}

template <std::size_t N, std::size_t W, unsigned MaxR, class F>
void run_all(const char* name, F pick) {
    std::mt19937_64 rng(12345 + N * 100 + W);
    std::size_t cases = 0;
    cbrng_test::for_each_round<MaxR>([&](auto r) {
        const std::size_t eq = pick(r, rng);
        INFO(name << " R=" << decltype(r)::value);
        CHECK(eq == static_cast<std::size_t>(pairs_per_case));
        ++cases;
    });
    CHECK(cases == MaxR);
    WARN(name << ": " << cases << " round counts x " << pairs_per_case << " pairs equal");
}

}  // namespace

TEST_CASE("Philox equals Random123 for every shape and round count", "[random123]") {
    run_all<2, 32, 16>("philox2x32", [](auto r, std::mt19937_64& g) {
        return compare<cbrng::philox<2, 32, decltype(r)::value>,
                       r123::Philox2x32_R<decltype(r)::value>>(g);
    });
    run_all<4, 32, 16>("philox4x32", [](auto r, std::mt19937_64& g) {
        return compare<cbrng::philox<4, 32, decltype(r)::value>,
                       r123::Philox4x32_R<decltype(r)::value>>(g);
    });
    run_all<2, 64, 16>("philox2x64", [](auto r, std::mt19937_64& g) {
        return compare<cbrng::philox<2, 64, decltype(r)::value>,
                       r123::Philox2x64_R<decltype(r)::value>>(g);
    });
    run_all<4, 64, 16>("philox4x64", [](auto r, std::mt19937_64& g) {
        return compare<cbrng::philox<4, 64, decltype(r)::value>,
                       r123::Philox4x64_R<decltype(r)::value>>(g);
    });
}

TEST_CASE("Threefry equals Random123 for every shape and round count", "[random123]") {
    run_all<2, 32, 32>("threefry2x32", [](auto r, std::mt19937_64& g) {
        return compare<cbrng::threefry<2, 32, decltype(r)::value>,
                       r123::Threefry2x32_R<decltype(r)::value>>(g);
    });
    run_all<4, 32, 72>("threefry4x32", [](auto r, std::mt19937_64& g) {
        return compare<cbrng::threefry<4, 32, decltype(r)::value>,
                       r123::Threefry4x32_R<decltype(r)::value>>(g);
    });
    run_all<2, 64, 32>("threefry2x64", [](auto r, std::mt19937_64& g) {
        return compare<cbrng::threefry<2, 64, decltype(r)::value>,
                       r123::Threefry2x64_R<decltype(r)::value>>(g);
    });
    run_all<4, 64, 72>("threefry4x64", [](auto r, std::mt19937_64& g) {
        return compare<cbrng::threefry<4, 64, decltype(r)::value>,
                       r123::Threefry4x64_R<decltype(r)::value>>(g);
    });
}
