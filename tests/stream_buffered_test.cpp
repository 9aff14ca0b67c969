// Tests for cbrng::buffered_stream (include/cbrng/stream.hpp): word for word
// the words of cbrng::stream for the same id, on every SIMD path, across many
// refills, after set_position and discard at every offset, up to the end of
// the stream; the same errors, comparisons and text form.
#include <catch2/catch.hpp>

#include <cbrng/detail/cpu.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <array>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using cbrng::detail::isa;

static_assert(std::is_trivially_copyable_v<cbrng::buffered_stream<>>);
static_assert(cbrng::buffered_stream<>::buffer_blocks == 32);

template <class F>
void for_each_path(F&& f) {
    for (const isa p : {isa::scalar, isa::avx2, isa::avx512}) {
        cbrng::detail::scoped_isa forced{p};
        if (!forced.ok()) {
            WARN("this CPU cannot run the " << cbrng::detail::isa_name(p) << " path: skipped");
            continue;
        }
        INFO("path " << cbrng::detail::isa_name(p));
        f();
    }
}

/// n draws of a stream and a buffered_stream of generator B (buffer of
/// Blocks blocks) with the same id from position p agree, and so do the
/// positions after each draw.
template <class B, std::size_t Blocks>
void check_same_words(std::uint64_t p, std::uint64_t n) {
    const cbrng::stream_id id{0x5eed, 3, 77};
    cbrng::stream<B> s{id, p};
    cbrng::buffered_stream<B, Blocks> b{id, p};
    for (std::uint64_t i = 0; i < n; ++i) {
        INFO("position " << p << " + " << i);
        REQUIRE(b() == s());
        REQUIRE(b.position() == s.position());
    }
}

template <class B>
void check_generator() {
    constexpr std::uint64_t N = B::word_count;
    for_each_path([] {
        for (std::uint64_t p = 0; p < 2 * N + 1; ++p) check_same_words<B, 32>(p, 3 * 32 * N + 5);
        check_same_words<B, 2>(1, 40 * N);
        check_same_words<B, 5>(3, 40 * N);
        check_same_words<B, 32>(1000003, 100 * N);
    });
}

}  // namespace

TEST_CASE("buffered_stream returns the words of stream for every generator", "[stream]") {
    check_generator<cbrng::philox4x32_10>();
    check_generator<cbrng::threefry4x64_20>();
    check_generator<cbrng::philox2x64_10>();
    check_generator<cbrng::philox4x64_10>();
    check_generator<cbrng::threefry4x32_20>();
    check_generator<cbrng::threefry2x64_20>();
}

TEST_CASE("buffered_stream discard, set_position and comparisons", "[stream]") {
    const cbrng::stream_id id{1, 2, 3};
    cbrng::stream<> s{id};
    cbrng::buffered_stream<> b{id};
    for (std::uint64_t step = 0; step < 300; step += 7) {
        s.discard(step);
        b.discard(step);
        REQUIRE(b.position() == s.position());
        REQUIRE(b() == s());
    }
    b.set_position(12345);
    s.set_position(12345);
    REQUIRE(b() == s());
    REQUIRE(cbrng::buffered_stream<>{id, 99} == cbrng::buffered_stream<>{s.id(), 99});
    REQUIRE(cbrng::buffered_stream<>{id, 99} != cbrng::buffered_stream<>{id, 98});
    REQUIRE(cbrng::buffered_stream<>{cbrng::stream<>{id, 41}} == cbrng::buffered_stream<>{id, 41});
    REQUIRE(cbrng::buffered_stream<>{} == cbrng::buffered_stream<>{cbrng::stream_id{}});
    REQUIRE(b.block(5) == s.block(5));
}

TEST_CASE("buffered_stream runs to the end of the stream and throws there", "[stream]") {
    using S = cbrng::stream<>;
    using BS = cbrng::buffered_stream<>;
    const cbrng::stream_id id{9, 0, 9};
    S s{id, S::capacity - 301};
    BS b{id, BS::capacity - 301};
    for (int i = 0; i < 301; ++i) REQUIRE(b() == s());
    REQUIRE(b.remaining() == 0);
    REQUIRE_THROWS_MATCHES(b(), std::out_of_range,
                           Catch::Message("cbrng::buffered_stream<philox4x32>: ran past the end "
                                          "of the stream (capacity 17179869184 words)"));
    REQUIRE_THROWS_AS(s(), std::out_of_range);
    BS c{id};
    REQUIRE_THROWS_MATCHES(
        c.set_position(BS::capacity + 1), std::out_of_range,
        Catch::Message("cbrng::buffered_stream<philox4x32>::set_position(17179869185): "
                       "past the end of the stream, whose capacity is 17179869184 words"));
    c.set_position(BS::capacity - 2);
    REQUIRE_THROWS_AS(c.discard(3), std::out_of_range);
    REQUIRE(c.position() == BS::capacity - 2);  // did not move
    using P = cbrng::buffered_stream<cbrng::philox2x64_10>;
    REQUIRE_THROWS_AS(P(cbrng::stream_id{0, P::max_process + 1, 0}), std::out_of_range);
    REQUIRE_THROWS_WITH(P(cbrng::stream_id{0, P::max_process + 1, 0}),
                        Catch::Contains("cbrng::buffered_stream<philox2x64>: process id"));
}

TEST_CASE("buffered_stream text form is stream's", "[stream]") {
    cbrng::buffered_stream<> b{cbrng::stream_id{4, 5, 6}, 1234567};
    std::ostringstream os;
    os << b;
    REQUIRE(os.str() == "4 5 6 1234567");
    std::istringstream is{os.str()};
    cbrng::stream<> s;
    REQUIRE(static_cast<bool>(is >> s));
    REQUIRE(s.position() == 1234567);
    std::istringstream is2{"4 5 6 1234567"};
    cbrng::buffered_stream<> c;
    REQUIRE(static_cast<bool>(is2 >> c));
    REQUIRE(c == b);
    std::istringstream bad{"4 5 x"};
    cbrng::buffered_stream<> d{cbrng::stream_id{1, 1, 1}};
    REQUIRE_FALSE(static_cast<bool>(bad >> d));
    REQUIRE(d == cbrng::buffered_stream<>{cbrng::stream_id{1, 1, 1}});
}

TEST_CASE("distributions over buffered_stream return stream's variates", "[stream]") {
    cbrng::stream<> s{cbrng::stream_id{8, 8, 8}};
    cbrng::buffered_stream<> b{cbrng::stream_id{8, 8, 8}};
    cbrng::normal_distribution<double> d{};
    for (int i = 0; i < 1000; ++i) REQUIRE(d(b) == d(s));
}

TEST_CASE("fill over a buffered_stream writes stream's words and moves it as the draws would",
          "[stream][fill]") {
    const cbrng::stream_id id{6, 6, 6};
    for_each_path([&] {
        for (std::uint64_t start : {0u, 1u, 3u, 130u}) {
            for (std::size_t n : {0u, 1u, 7u, 64u, 129u, 1000u}) {
                INFO("start " << start << ", length " << n);
                cbrng::stream<> s{id, start};
                cbrng::buffered_stream<> b{id, start};
                (void)b();  // a partly used large buffer
                (void)s();
                std::vector<std::uint32_t> want(n), got(n);
                for (auto& w : want) w = s();
                cbrng::fill(b, got.begin(), got.end());
                REQUIRE(got == want);
                REQUIRE(b.position() == s.position());
                REQUIRE(b() == s());
                std::vector<double> dw(n), dg(n);
                const cbrng::normal_distribution<double> d{};
                for (auto& x : dw) x = d(s);
                cbrng::fill(b, dg.begin(), dg.end(), d);
                REQUIRE(dg == dw);
                REQUIRE(b() == s());
            }
        }
    });
}
