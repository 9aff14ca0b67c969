// Tests include/cbrng/detail/fill/uniform_int.hpp, cbrng::fill's bulk path
// for uniform_int_distribution: the values of the per-variate calls dist(g),
// bit for bit, and g left exactly where they leave it, for every length
// 0..300 from several start offsets within a block, for ranges that reject
// often (near half of the attempts: [0, 2^63] and [0, 2^31]; a quarter:
// [0, 3 * 2^61) and [0, 3 * 2^29)) and rarely, full and single-value ranges,
// int32 / int64 / uint64 (and int8) results, over 32-bit-word and 64-bit-word
// generators (streams, a buffered stream, counter engines), with each SIMD
// back end forced in turn for the long runs; also a non-pointer iterator and
// the end of a stream.
#include <catch2/catch.hpp>

#include <cbrng/detail/cpu.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/engine.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using cbrng::uniform_int_distribution;
using cbrng::detail::isa;

template <class Int>
struct range {
    Int a;
    Int b;
    const char* what;
};

/// fill(g, ...) against the loop of d(h) calls on a copy, for lengths
/// 0..max_len from `offsets` words into the generator's block.
template <class G, class Int>
void check_lengths(const G& start, const uniform_int_distribution<Int>& d, std::size_t max_len,
                   std::initializer_list<unsigned> offsets) {
    for (const unsigned offset : offsets) {
        for (std::size_t len = 0; len <= max_len; ++len) {
            G g = start;
            g.discard(offset);
            G h = g;
            std::vector<Int> out(len);
            std::vector<Int> ref(len);
            cbrng::fill(g, out.data(), out.data() + len, d);
            for (Int& x : ref) x = d(h);
            if (out != ref || !(g == h)) {
                FAIL_CHECK("offset " << offset << ", length " << len << ": fill differs from "
                                     << "the scalar calls");
                return;
            }
        }
    }
}

template <class G, class Int>
void check_ranges(const G& start, std::initializer_list<range<Int>> ranges) {
    for (const range<Int>& r : ranges) {
        INFO("range " << r.what);
        const uniform_int_distribution<Int> d(r.a, r.b);
        check_lengths(start, d, 300, {0u, 1u, 3u});
        // Long runs cross the 2048-word chunks; each back end in turn.
        for (const isa p : {isa::scalar, isa::avx2, isa::avx512}) {
            cbrng::detail::scoped_isa forced{p};
            if (!forced.ok()) continue;
            G g = start;
            G h = g;
            std::vector<Int> out(5000);
            cbrng::fill(g, out.begin(), out.end(), d);
            std::size_t bad = 0;
            for (const Int x : out) bad += x == d(h) ? 0u : 1u;
            CHECK(bad == 0);
            CHECK(g == h);
        }
    }
}

constexpr std::uint64_t two63 = std::uint64_t{1} << 63;
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int32_t i32_max = std::numeric_limits<std::int32_t>::max();
constexpr std::int32_t i32_min = std::numeric_limits<std::int32_t>::min();

template <class G>
void check_generator(const G& start) {
    check_ranges<G, std::uint64_t>(
        start, {{0, two63, "[0, 2^63]: rejects about 1/2"},
                {0, 3 * (std::uint64_t{1} << 61) - 1, "[0, 3 * 2^61): rejects 1/4"},
                {0, std::uint64_t{1} << 31, "[0, 2^31]: rejects about 1/2 of 32-bit attempts"},
                {5, 5 + 3 * (std::uint64_t{1} << 29) - 1, "[5, 5 + 3 * 2^29): rejects 1/4"},
                {0, 999, "[0, 999]: rare rejection"},
                {0, ~std::uint64_t{0}, "full range"},
                {7, 7, "one value"}});
    check_ranges<G, std::int64_t>(
        start, {{i64_min, -1, "[-2^63, -1]: no rejection, 64-bit"},
                {-(std::int64_t{1} << 62), std::int64_t{1} << 62, "[-2^62, 2^62]: rejects 1/2"},
                {-3, std::int64_t{1} << 31, "[-3, 2^31]: 64-bit attempts, rejects a little"},
                {-(std::int64_t{1} << 30), std::int64_t{1} << 30, "[-2^30, 2^30]: rejects 1/2"},
                {-5, 1000, "[-5, 1000]: rare rejection"},
                {i64_min, i64_max, "full range"},
                {-9, -9, "one value"}});
    check_ranges<G, std::int32_t>(
        start, {{i32_min, i32_max, "full range"},
                {0, (std::int32_t{1} << 30) + 1, "[0, 2^30 + 1]: rejects 1/4"},
                {-(std::int32_t{1} << 30), std::int32_t{1} << 30, "[-2^30, 2^30]: rejects 1/2"},
                {1, 6, "a die"},
                {-100, -100, "one value"}});
    check_ranges<G, std::int8_t>(start, {{-128, 127, "full int8"}, {-100, 28, "129 values"}});
}

}  // namespace

TEST_CASE("uniform_int fill: 32-bit-word streams", "[fill][uniform_int]") {
    check_generator(cbrng::stream<cbrng::philox4x32_10>{cbrng::stream_id{7, 1, 2}});
    check_generator(cbrng::stream<cbrng::threefry4x32_20>{cbrng::stream_id{7, 1, 3}});
}

TEST_CASE("uniform_int fill: 64-bit-word streams", "[fill][uniform_int]") {
    check_generator(cbrng::stream<cbrng::threefry4x64_20>{cbrng::stream_id{8, 0, 1}});
    check_generator(cbrng::stream<cbrng::philox2x64_10>{cbrng::stream_id{8, 0, 2}});
}

TEST_CASE("uniform_int fill: buffered stream and engines", "[fill][uniform_int]") {
    check_generator(cbrng::buffered_stream<cbrng::philox4x32_10, 128>{cbrng::stream_id{9, 0, 0}});
    check_generator(cbrng::philox4x32{12345});  // uint_fast32_t words holding 32 bits
    check_generator(cbrng::philox4x64{12345});
}

TEST_CASE("uniform_int fill: a non-pointer iterator", "[fill][uniform_int]") {
    cbrng::stream<> g{cbrng::stream_id{3, 2, 1}};
    cbrng::stream<> h = g;
    const uniform_int_distribution<std::int64_t> d(0, std::int64_t{1} << 62);
    std::deque<std::int64_t> out(3000);
    cbrng::fill(g, out.begin(), out.end(), d);
    std::size_t bad = 0;
    for (const std::int64_t x : out) bad += x == d(h) ? 0u : 1u;
    CHECK(bad == 0);
    CHECK(g == h);
}

TEST_CASE("uniform_int fill at the end of a stream stops where the scalar calls do",
          "[fill][uniform_int]") {
    using S = cbrng::stream<>;
    for (const bool wide : {false, true}) {
        // wide: 64-bit attempts (two words each) from the 32-bit-word stream.
        const uniform_int_distribution<std::uint64_t> d(
            0, wide ? (std::uint64_t{1} << 32) + 5 : (std::uint64_t{1} << 31));
        for (const std::uint64_t left : {0u, 1u, 3u, 64u, 1001u, 5000u, 20000u}) {
            INFO("wide " << wide << ", words left " << left);
            S g{cbrng::stream_id{3, 0, 0}};
            g.set_position(S::capacity - left);
            S h = g;
            std::vector<std::uint64_t> out(3000, 1);
            std::vector<std::uint64_t> ref(3000, 1);
            std::size_t written = 0;
            bool threw = false;
            try {
                for (; written < ref.size(); ++written) ref[written] = d(h);
            } catch (const std::out_of_range&) {
                threw = true;
            }
            if (threw) {
                CHECK_THROWS_AS(cbrng::fill(g, out.begin(), out.end(), d), std::out_of_range);
            } else {
                cbrng::fill(g, out.begin(), out.end(), d);
            }
            CHECK(out == ref);
            CHECK(g == h);
            // 3000 variates at about 2 attempts each: past the end up to 5000 words
            CHECK(threw == (left <= 5000));
        }
    }
}
