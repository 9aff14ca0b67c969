// Tests include/cbrng/algorithm.hpp: shuffle makes every permutation of 5
// elements equally likely (chi-square over 120 cells), sample every subset
// (forward iterators: selection sampling, order kept; input iterators:
// reservoir), with a computed failure budget; the draws each one makes;
// edge cases. The frozen permutations are in tests/support/golden_distributions.hpp.
#include <cbrng/algorithm.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/stream.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <forward_list>
#include <iterator>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/stats_util.hpp"
#include "support/urbg_util.hpp"

namespace {

/// The index of a permutation of 0..4 among the 120 (Lehmer code).
int permutation_index(const std::array<int, 5>& a) {
    int index = 0;
    for (int i = 0; i < 5; ++i) {
        int smaller = 0;
        for (int j = i + 1; j < 5; ++j)
            smaller += a[static_cast<std::size_t>(j)] < a[static_cast<std::size_t>(i)];
        index = index * (5 - i) + smaller;
    }
    return index;
}

/// A single-pass input iterator over 0..n-1.
class counting_input {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = int;
    using difference_type = std::ptrdiff_t;
    using pointer = const int*;
    using reference = int;
    explicit counting_input(int i) : i_(i) {}
    int operator*() const { return i_; }
    counting_input& operator++() {
        ++i_;
        return *this;
    }
    counting_input operator++(int) {
        const auto old = *this;
        ++i_;
        return old;
    }
    friend bool operator==(const counting_input& a, const counting_input& b) {
        return a.i_ == b.i_;
    }
    friend bool operator!=(const counting_input& a, const counting_input& b) { return !(a == b); }

  private:
    int i_;
};

}  // namespace

TEST_CASE("shuffle: every permutation of 5 equally likely (chi-square, 120 cells)",
          "[algorithm][stats]") {
    cbrng_test::pvalue_log log;
    const auto run = [&log](auto gen, const std::string& name) {
        std::vector<std::uint64_t> counts(120);
        for (int rep = 0; rep < 240000; ++rep) {
            std::array<int, 5> a{0, 1, 2, 3, 4};
            cbrng::shuffle(a.begin(), a.end(), gen);
            ++counts[static_cast<std::size_t>(permutation_index(a))];
        }
        log.add(name, cbrng_test::chi2_uniform_pvalue(counts));
    };
    run(cbrng::philox4x32{1}, "philox4x32");
    run(cbrng::philox4x64{2}, "philox4x64");
    run(std::mt19937{3}, "mt19937");
    run(std::mt19937_64{4}, "mt19937_64");
    run(cbrng::stream<>{cbrng::stream_id{5, 0, 0}}, "stream<>");
    // Position of one element in a longer shuffle: uniform over 50 places.
    for (const int tracked : {0, 25, 49}) {
        cbrng::philox4x32 g{6};
        std::vector<std::uint64_t> counts(50);
        std::vector<int> v(50);
        for (int rep = 0; rep < 50000; ++rep) {
            std::iota(v.begin(), v.end(), 0);
            cbrng::shuffle(v.begin(), v.end(), g);
            ++counts[static_cast<std::size_t>(std::find(v.begin(), v.end(), tracked) - v.begin())];
        }
        log.add("50 elements, element " + std::to_string(tracked),
                cbrng_test::chi2_uniform_pvalue(counts));
    }
    log.require_within_budget();
}

TEST_CASE("sample: every subset equally likely (chi-square)", "[algorithm][stats]") {
    cbrng_test::pvalue_log log;
    // Forward: 2 of 5, order kept: the 10 subsets.
    {
        cbrng::philox4x32 g{7};
        std::map<int, std::uint64_t> seen;
        const std::forward_list<int> population{0, 1, 2, 3, 4};
        for (int rep = 0; rep < 100000; ++rep) {
            std::array<int, 2> out{};
            const auto end = cbrng::sample(population.begin(), population.end(), out.begin(), 2, g);
            REQUIRE(end == out.end());
            REQUIRE(out[0] < out[1]);  // stable
            ++seen[out[0] * 5 + out[1]];
        }
        REQUIRE(seen.size() == 10);
        std::vector<std::uint64_t> counts;
        for (const auto& kv : seen) counts.push_back(kv.second);
        log.add("forward 2 of 5", cbrng_test::chi2_uniform_pvalue(counts));
    }
    // Input: 3 of 7 by reservoir: the 35 subsets.
    {
        std::mt19937_64 g{8};
        std::map<int, std::uint64_t> seen;
        for (int rep = 0; rep < 140000; ++rep) {
            std::array<int, 3> out{};
            const auto end = cbrng::sample(counting_input{0}, counting_input{7}, out.begin(), 3, g);
            REQUIRE(end == out.end());
            std::sort(out.begin(), out.end());
            ++seen[(out[0] * 7 + out[1]) * 7 + out[2]];
        }
        REQUIRE(seen.size() == 35);
        std::vector<std::uint64_t> counts;
        for (const auto& kv : seen) counts.push_back(kv.second);
        log.add("input 3 of 7", cbrng_test::chi2_uniform_pvalue(counts));
    }
    log.require_within_budget();
}

TEST_CASE("shuffle: the permutation of draw-then-swap Fisher-Yates", "[algorithm]") {
    // Reference: Fisher-Yates from the back, each j drawn just before its swap
    // (the header's definition), against shuffle, at small sizes, on a
    // proxy-reference container (vector<bool>) and on a deque; both must also
    // have taken the same number of draws.
    const auto reference = [](auto& v, auto& g) {
        for (std::uint64_t i = v.size() - 1; i != 0; --i) {
            const std::uint64_t j = cbrng::detail::uniform_offset(g, i);
            auto a = v.begin() + static_cast<std::ptrdiff_t>(i);
            auto b = v.begin() + static_cast<std::ptrdiff_t>(j);
            std::iter_swap(a, b);
        }
    };
    for (std::size_t n = 2; n <= 40; ++n) {
        std::vector<int> a(n);
        std::iota(a.begin(), a.end(), 0);
        auto b = a;
        cbrng::philox4x32 g1{n};
        cbrng::philox4x32 g2{n};
        cbrng::shuffle(a.begin(), a.end(), g1);
        reference(b, g2);
        CHECK(a == b);
        CHECK(g1() == g2());  // the same number of draws taken
    }
    std::vector<bool> bits(37);
    for (std::size_t i = 0; i < bits.size(); i += 3) bits[i] = true;
    auto bits_ref = bits;
    std::mt19937_64 h1{5};
    std::mt19937_64 h2{5};
    cbrng::shuffle(bits.begin(), bits.end(), h1);
    reference(bits_ref, h2);
    CHECK(bits == bits_ref);
    std::deque<int> d(1000);
    std::iota(d.begin(), d.end(), 0);
    auto d_ref = d;
    cbrng::stream<> s1{cbrng::stream_id{1, 2, 3}};
    cbrng::stream<> s2{cbrng::stream_id{1, 2, 3}};
    cbrng::shuffle(d.begin(), d.end(), s1);
    reference(d_ref, s2);
    CHECK(d == d_ref);
}

TEST_CASE("shuffle and sample: draws made and edge cases", "[algorithm]") {
    // shuffle: n - 1 bounded draws, none for n <= 1.
    cbrng_test::counting_urbg<std::mt19937> g{std::mt19937{1}};
    std::vector<int> v(1000);
    std::iota(v.begin(), v.end(), 0);
    cbrng::shuffle(v.begin(), v.begin(), g);
    cbrng::shuffle(v.begin(), v.begin() + 1, g);
    CHECK(g.calls() == 0);
    cbrng::shuffle(v.begin(), v.end(), g);
    CHECK(g.calls() >= 999);
    CHECK(g.calls() <= 1005);  // a rejection has probability below 1000 / 2^32 per step
    auto sorted = v;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < 1000; ++i) CHECK(sorted[static_cast<std::size_t>(i)] == i);

    // sample: n larger than the population takes all of it, in order.
    std::vector<int> out(10, -1);
    cbrng::philox4x32 p{2};
    const std::vector<int> pop{5, 6, 7};
    auto end = cbrng::sample(pop.begin(), pop.end(), out.begin(), 10, p);
    CHECK(end - out.begin() == 3);
    CHECK(std::vector<int>(out.begin(), end) == pop);
    end = cbrng::sample(pop.begin(), pop.end(), out.begin(), 0, p);
    CHECK(end == out.begin());
    end = cbrng::sample(pop.begin(), pop.end(), out.begin(), -3, p);
    CHECK(end == out.begin());
    end = cbrng::sample(counting_input{0}, counting_input{2}, out.begin(), 5, p);
    CHECK(end - out.begin() == 2);
    // Selection sampling stops drawing once the sample is complete.
    cbrng_test::counting_urbg<std::mt19937_64> h{std::mt19937_64{3}};
    std::vector<int> big(100000);
    std::iota(big.begin(), big.end(), 0);
    std::vector<int> one(1);
    (void)cbrng::sample(big.begin(), big.end(), one.begin(), 1, h);
    CHECK(h.calls() <= static_cast<std::size_t>(one[0]) + 1);
    // To an output-only iterator.
    std::vector<int> collected;
    cbrng::sample(big.begin(), big.end(), std::back_inserter(collected), 50, p);
    CHECK(collected.size() == 50);
    CHECK(std::is_sorted(collected.begin(), collected.end()));
}
