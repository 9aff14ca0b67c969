// Tests for include/cbrng/stream.hpp: the frozen layout (golden values and a
// from-the-formula recomputation), injectivity, positions, errors, text I/O.
#include <catch2/catch.hpp>

#include <cbrng/detail/cpu.hpp>
#include <cbrng/stream.hpp>

#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "support/golden_streams.hpp"

namespace {

using u64 = std::uint64_t;
constexpr u64 max64 = std::numeric_limits<u64>::max();

static_assert(std::is_trivially_copyable_v<cbrng::stream<>>);
static_assert(std::is_same_v<cbrng::stream<>::bijection_type, cbrng::philox4x32_10>);
static_assert(cbrng::stream<>::capacity == (u64{1} << 34));
static_assert(cbrng::stream<>::max_process == 0xffffffffu);
static_assert(cbrng::stream<cbrng::philox2x64_10>::capacity == (u64{1} << 33));
static_assert(cbrng::stream<cbrng::threefry4x64_20>::capacity == max64 - 3);
static_assert(cbrng::stream<cbrng::threefry2x64_20>::max_process == max64);
#if defined(__cpp_lib_concepts)
static_assert(std::uniform_random_bit_generator<cbrng::stream<>>);
#endif

// Constant evaluation works too: the first word of stream {0,0,0} is the
// first word of philox4x32_10({0,0,0,0}, {0,0}) (Random123's KAT).
constexpr std::uint32_t first_word() {
    cbrng::stream<> s{cbrng::stream_id{0, 0, 0}};
    return s();
}
static_assert(first_word() == 0x6627e8d5u);

template <class B>
void check_golden(const char* name) {
    std::size_t checked = 0;
    for (const auto& g : cbrng_test::golden_streams) {
        if (std::strcmp(g.generator, name) != 0) continue;
        cbrng::stream<B> s{cbrng::stream_id{g.id[0], g.id[1], g.id[2]}};
        INFO(name << " {" << g.id[0] << ", " << g.id[1] << ", " << g.id[2] << "}");
        for (u64 w : g.first) CHECK(s() == w);
        s.set_position(1000);
        CHECK(s() == g.at_1000);
        ++checked;
    }
    CHECK(checked == 3);
}

// The layout written out independently of stream.hpp, from the README table.
struct layout_formula {
    template <class B>
    static std::pair<typename B::key_type, typename B::counter_type> of(const cbrng::stream_id& id,
                                                                        u64 block);
};
template <>
std::pair<cbrng::philox4x32_10::key_type, cbrng::philox4x32_10::counter_type>
layout_formula::of<cbrng::philox4x32_10>(const cbrng::stream_id& id, u64 b) {
    return {{{std::uint32_t(id.seed), std::uint32_t(id.seed >> 32)}},
            {{std::uint32_t(b), std::uint32_t(id.task), std::uint32_t(id.task >> 32),
              std::uint32_t(id.process)}}};
}
template <>
std::pair<cbrng::threefry4x32_20::key_type, cbrng::threefry4x32_20::counter_type>
layout_formula::of<cbrng::threefry4x32_20>(const cbrng::stream_id& id, u64 b) {
    return {{{std::uint32_t(id.seed), std::uint32_t(id.seed >> 32), 0, 0}},
            {{std::uint32_t(b), std::uint32_t(id.task), std::uint32_t(id.task >> 32),
              std::uint32_t(id.process)}}};
}
template <>
std::pair<cbrng::philox2x64_10::key_type, cbrng::philox2x64_10::counter_type>
layout_formula::of<cbrng::philox2x64_10>(const cbrng::stream_id& id, u64 b) {
    return {{{id.seed}}, {{(id.process << 32) + b, id.task}}};
}
template <>
std::pair<cbrng::philox4x64_10::key_type, cbrng::philox4x64_10::counter_type>
layout_formula::of<cbrng::philox4x64_10>(const cbrng::stream_id& id, u64 b) {
    return {{{id.seed, 0}}, {{b, id.task, id.process, 0}}};
}
template <>
std::pair<cbrng::threefry2x64_20::key_type, cbrng::threefry2x64_20::counter_type>
layout_formula::of<cbrng::threefry2x64_20>(const cbrng::stream_id& id, u64 b) {
    return {{{id.seed, id.process}}, {{b, id.task}}};
}
template <>
std::pair<cbrng::threefry4x64_20::key_type, cbrng::threefry4x64_20::counter_type>
layout_formula::of<cbrng::threefry4x64_20>(const cbrng::stream_id& id, u64 b) {
    return {{{id.seed, 0, 0, 0}}, {{b, id.task, id.process, 0}}};
}

template <class B>
void check_formula() {
    using S = cbrng::stream<B>;
    std::mt19937_64 rng(7);
    for (int t = 0; t < 200; ++t) {
        const cbrng::stream_id id{rng(), rng() & S::max_process, rng()};
        const u64 pos = rng() % (S::capacity - 64);
        S s{id, pos};
        for (u64 p = pos; p < pos + 9; ++p) {
            const u64 block = p / S::word_count;
            const auto kc = layout_formula::of<B>(id, block);
            const auto expect = B{}(kc.second, kc.first)[p % S::word_count];
            REQUIRE(s() == expect);
        }
    }
}

// (key, counter) as one comparable byte string.
template <class B>
std::vector<u64> key_counter(const cbrng::stream_id& id, u64 block) {
    using S = cbrng::stream<B>;
    std::vector<u64> v;
    for (auto w : S::make_key(id)) v.push_back(w);
    for (auto w : S::make_counter(id, block)) v.push_back(w);
    return v;
}

template <class B>
void check_injective() {
    using S = cbrng::stream<B>;
    // Exhaustive on reduced field widths: every field takes its 3 smallest
    // and 3 largest values (all bits flip between them), every combination.
    auto edges = [](u64 max) { return std::vector<u64>{0, 1, 2, max - 2, max - 1, max}; };
    const auto seeds = edges(max64), tasks = edges(max64), procs = edges(S::max_process),
               blocks = edges(S::block_limit - 1);
    std::set<std::vector<u64>> seen;
    std::size_t n = 0;
    for (u64 s : seeds)
        for (u64 p : procs)
            for (u64 t : tasks)
                for (u64 b : blocks) {
                    seen.insert(key_counter<B>({s, p, t}, b));
                    ++n;
                }
    CHECK(seen.size() == n);
    // Randomized on full widths.
    std::mt19937_64 rng(11);
    std::set<std::tuple<u64, u64, u64, u64>> ids;
    std::set<std::vector<u64>> kcs;
    for (int i = 0; i < 20000; ++i) {
        const cbrng::stream_id id{rng(), rng() & S::max_process,
                                  rng() % 4 == 0 ? rng() % 8 : rng()};
        const u64 b = rng() % 4 == 0 ? rng() % 8 : rng() % S::block_limit;
        const bool new_id = ids.insert({id.seed, id.process, id.task, b}).second;
        const bool new_kc = kcs.insert(key_counter<B>(id, b)).second;
        CHECK(new_id == new_kc);
    }
}

template <class B>
void check_no_shared_blocks() {
    using S = cbrng::stream<B>;
    // Distinct (id, block) pairs among 4000 streams with neighbouring ids x 16 blocks give
    // distinct output blocks: no two streams in the sample share a block.
    std::set<std::vector<u64>> blocks;
    std::set<std::vector<u64>> inputs;
    std::mt19937_64 rng2(17);
    for (int i = 0; i < 4000; ++i) {
        const cbrng::stream_id id{rng2() % 8, rng2() % 8, rng2() % 64};  // neighbours
        S s{id};
        for (u64 b = 0; b < 16; ++b) {
            if (!inputs.insert(key_counter<B>(id, b)).second) continue;
            const auto blk = s.block(b);
            CHECK(blocks.insert(std::vector<u64>(blk.begin(), blk.end())).second);
        }
    }
    CHECK(blocks.size() == inputs.size());
}

template <class B>
void check_positions() {
    using S = cbrng::stream<B>;
    S a{cbrng::stream_id{5, 6, 7}};
    std::vector<typename S::result_type> seq;
    for (int i = 0; i < 40; ++i) seq.push_back(a());
    CHECK(a.position() == 40);
    for (u64 start = 0; start < 12; ++start) {
        for (u64 n = 0; n < 20; ++n) {
            S b{cbrng::stream_id{5, 6, 7}};
            for (u64 i = 0; i < start; ++i) b();
            b.discard(n);
            CHECK(b.position() == start + n);
            CHECK(b() == seq[start + n]);
            S c{cbrng::stream_id{5, 6, 7}, start + n};
            CHECK(c == S(cbrng::stream_id{5, 6, 7}, start + n));
            CHECK(c() == seq[start + n]);
        }
    }
    // The last words of a stream, then the documented error, not a wrap.
    S end{cbrng::stream_id{1, 2, 3}, S::capacity - 2};
    CHECK(end.remaining() == 2);
    const auto w1 = end();
    const auto w2 = end();
    CHECK(end.block(S::block_limit - 1)[S::word_count - 2] == w1);
    CHECK(end.block(S::block_limit - 1)[S::word_count - 1] == w2);
    CHECK(end.position() == S::capacity);
    CHECK_THROWS_AS(end(), std::out_of_range);
    CHECK(end.position() == S::capacity);
    S d{cbrng::stream_id{1, 2, 3}};
    CHECK_THROWS_AS(d.set_position(S::capacity + 1), std::out_of_range);
    CHECK_THROWS_AS(d.discard(S::capacity + 1), std::out_of_range);
    CHECK(d.position() == 0);
    d.discard(S::capacity);
    CHECK(d.remaining() == 0);
    CHECK_THROWS_AS(d.discard(1), std::out_of_range);
    CHECK_THROWS_WITH(d(), Catch::Contains("past the end") && Catch::Contains("capacity"));
}

}  // namespace

TEST_CASE("golden values freeze every stream layout", "[stream]") {
    check_golden<cbrng::philox4x32_10>("philox4x32_10");
    check_golden<cbrng::philox2x64_10>("philox2x64_10");
    check_golden<cbrng::philox4x64_10>("philox4x64_10");
    check_golden<cbrng::threefry4x32_20>("threefry4x32_20");
    check_golden<cbrng::threefry2x64_20>("threefry2x64_20");
    check_golden<cbrng::threefry4x64_20>("threefry4x64_20");
}

TEST_CASE("stream outputs equal the documented formula over the bijection", "[stream]") {
    check_formula<cbrng::philox4x32_10>();
    check_formula<cbrng::philox2x64_10>();
    check_formula<cbrng::philox4x64_10>();
    check_formula<cbrng::threefry4x32_20>();
    check_formula<cbrng::threefry2x64_20>();
    check_formula<cbrng::threefry4x64_20>();
}

TEST_CASE("the layout is injective", "[stream]") {
    check_injective<cbrng::philox4x32_10>();
    check_injective<cbrng::philox2x64_10>();
    check_injective<cbrng::philox4x64_10>();
    check_injective<cbrng::threefry4x32_20>();
    check_injective<cbrng::threefry2x64_20>();
    check_injective<cbrng::threefry4x64_20>();
}

TEST_CASE("no shared block among thousands of random streams", "[stream]") {
    check_no_shared_blocks<cbrng::philox4x32_10>();
    check_no_shared_blocks<cbrng::threefry4x64_20>();
    check_no_shared_blocks<cbrng::philox2x64_10>();
}

TEST_CASE("positions, discard and the end of a stream", "[stream]") {
    check_positions<cbrng::philox4x32_10>();
    check_positions<cbrng::philox2x64_10>();
    check_positions<cbrng::philox4x64_10>();
    check_positions<cbrng::threefry4x32_20>();
    check_positions<cbrng::threefry2x64_20>();
    check_positions<cbrng::threefry4x64_20>();
}

TEST_CASE("an id that does not fit is std::out_of_range naming the field", "[stream]") {
    CHECK_THROWS_AS((cbrng::stream<>{cbrng::stream_id{1, u64{1} << 32, 0}}), std::out_of_range);
    CHECK_THROWS_WITH(
        (cbrng::stream<>{cbrng::stream_id{1, u64{1} << 32, 0}}),
        Catch::Contains("process id 4294967296") && Catch::Contains("limit 4294967295"));
    CHECK_THROWS_AS((cbrng::stream<cbrng::philox2x64_10>{1, max64, 0}), std::out_of_range);
    CHECK_NOTHROW((cbrng::stream<>{max64, 0xffffffffu, max64}));
    CHECK_NOTHROW((cbrng::stream<cbrng::threefry2x64_20>{max64, max64, max64}));
}

// stream_id{seed, process, task} from any integer type: no narrowing, the
// value itself (never a wrap), and a negative value is std::out_of_range
// naming the field. (tests/snippets/integer_ids.cpp checks that none of these
// spellings warns under -Wconversion -Wsign-conversion.)
static_assert(std::is_trivially_copyable_v<cbrng::stream_id>);
static_assert(cbrng::stream_id{1, 2, 3}.process == 2);
static_assert(cbrng::stream_id{-0, 0L, 7u}.task == 7);
static_assert(cbrng::stream_id{} == cbrng::stream_id{0, 0, 0});
static_assert(cbrng::stream_id{5} == cbrng::stream_id{5, 0, 0});
static_assert(cbrng::stream_id{5, 6} == cbrng::stream_id{5, 6, 0});
static_assert(!std::is_constructible_v<cbrng::stream_id, double>);
static_assert(!std::is_constructible_v<cbrng::stream_id, int, float, int>);
// {seed} is explicit: stream<>{1, 2} must not be read as (stream_id{1}, position 2).
static_assert(!std::is_convertible_v<int, cbrng::stream_id>);
static_assert(!std::is_constructible_v<cbrng::stream<>, int, int>);
static_assert(std::is_constructible_v<cbrng::stream<>, int, long, std::size_t>);

enum legacy_phase { phase_warmup = 3 };  // unscoped enums convert as their underlying type

TEMPLATE_TEST_CASE("stream_id and the stream constructors take any integer type", "[stream][ids]",
                   int, long, long long, short, signed char, char, unsigned, unsigned long,
                   unsigned long long, unsigned short, unsigned char, std::size_t, std::int64_t,
                   std::uint64_t, std::int32_t, std::uint32_t, char16_t, char32_t, wchar_t) {
    using T = TestType;
    const T seed = static_cast<T>(42), process = static_cast<T>(3), task = static_cast<T>(17);
    const cbrng::stream_id id{seed, process, task};
    CHECK(id.seed == 42);
    CHECK(id.process == 3);
    CHECK(id.task == 17);
    CHECK(cbrng::stream_id{seed} == cbrng::stream_id{u64{42}, u64{0}, u64{0}});
    CHECK(cbrng::stream_id{seed, process} == cbrng::stream_id{u64{42}, u64{3}, u64{0}});

    // The largest value of T is that value, never truncated or wrapped.
    const T top = std::numeric_limits<T>::max();
    const cbrng::stream_id high{top, T{}, top};
    CHECK(high.seed == static_cast<u64>(top));
    CHECK(high.process == 0);
    CHECK(high.task == static_cast<u64>(top));

    // Every constructor taking the fields gives the stream of the u64 id.
    const cbrng::stream<> expect{cbrng::stream_id{u64{42}, u64{3}, u64{17}}};
    cbrng::stream<> a{id}, b{seed, process, task}, want = expect;
    cbrng::buffered_stream<> c{seed, process, task};
    for (int i = 0; i < 9; ++i) {
        const std::uint32_t w = want();
        CHECK(a() == w);
        CHECK(b() == w);
        CHECK(c() == w);
    }
    CHECK(cbrng::stream<cbrng::threefry2x64_20>{seed, top, task}.id().process ==
          static_cast<u64>(top));

    if constexpr (std::is_signed_v<T>) {
        const T minus = static_cast<T>(-3);
        CHECK_THROWS_MATCHES((cbrng::stream_id{minus, process, task}), std::out_of_range,
                             Catch::Message("cbrng::stream_id: seed must be >= 0 (got -3)"));
        CHECK_THROWS_MATCHES((cbrng::stream_id{seed, minus, task}), std::out_of_range,
                             Catch::Message("cbrng::stream_id: process must be >= 0 (got -3)"));
        CHECK_THROWS_MATCHES((cbrng::stream_id{seed, process, minus}), std::out_of_range,
                             Catch::Message("cbrng::stream_id: task must be >= 0 (got -3)"));
        CHECK_THROWS_MATCHES((cbrng::stream_id{minus}), std::out_of_range,
                             Catch::Message("cbrng::stream_id: seed must be >= 0 (got -3)"));
        CHECK_THROWS_MATCHES((cbrng::stream_id{seed, minus}), std::out_of_range,
                             Catch::Message("cbrng::stream_id: process must be >= 0 (got -3)"));
        CHECK_THROWS_MATCHES((cbrng::stream<>{seed, process, minus}), std::out_of_range,
                             Catch::Message("cbrng::stream_id: task must be >= 0 (got -3)"));
        CHECK_THROWS_MATCHES((cbrng::buffered_stream<>{seed, minus, task}), std::out_of_range,
                             Catch::Message("cbrng::stream_id: process must be >= 0 (got -3)"));
        const T lowest = std::numeric_limits<T>::min();
        CHECK_THROWS_MATCHES((cbrng::stream_id{seed, lowest, task}), std::out_of_range,
                             Catch::Message("cbrng::stream_id: process must be >= 0 (got " +
                                            std::to_string(static_cast<long long>(lowest)) + ")"));
    }
}

TEST_CASE("stream_id from mixed integer types and unscoped enums", "[stream][ids]") {
    const int rank = 7;
    const std::size_t index = 9;
    const long long seed = 0x7fffffffffffffffLL;
    const cbrng::stream_id id{seed, rank, index};
    CHECK(id == cbrng::stream_id{u64{0x7fffffffffffffffu}, u64{7}, u64{9}});
    CHECK(cbrng::stream_id{1, phase_warmup, 2}.process == 3);
    // Fields stay plain, writable std::uint64_t members.
    cbrng::stream_id w;
    w.task = max64;
    CHECK(w == cbrng::stream_id{0, 0, max64});
    static_assert(std::is_same_v<decltype(w.seed), std::uint64_t>);
    // A process id too wide for the generator is still the stream's error.
    CHECK_THROWS_WITH((cbrng::stream<>{1, std::int64_t{1} << 32, 0}),
                      Catch::Contains("process id 4294967296"));
}

TEST_CASE("streams are distinct, equal only with same id and position", "[stream]") {
    cbrng::stream<> a{1, 2, 3}, b{1, 2, 3}, c{1, 2, 4};
    CHECK(a == b);
    CHECK(a != c);
    a();
    CHECK(a != b);
    b();
    CHECK(a == b);
    CHECK(a.id() == cbrng::stream_id{1, 2, 3});
    const cbrng::stream<> d;
    CHECK(d.id() == cbrng::stream_id{0, 0, 0});
    CHECK(d.position() == 0);
}

TEST_CASE("stream text round trip and rejected malformed text", "[stream]") {
    cbrng::stream<cbrng::threefry4x64_20> s{max64, 17, 99};
    for (int i = 0; i < 7; ++i) s();
    std::stringstream ss;
    ss << s;
    CHECK(ss.str() == std::to_string(max64) + " 17 99 7");
    cbrng::stream<cbrng::threefry4x64_20> t;
    ss >> t;
    CHECK(t == s);
    CHECK(t() == s());
    for (const char* bad : {"", "1 2 3", "1 2 3 x", "1 -2 3 4", "1 4294967296 3 4",
                            "1 2 3 17179869185", "1 2 3 4.5"}) {
        cbrng::stream<> u{9, 9, 9};
        u();
        const auto before = u;
        std::istringstream in(bad);
        in >> u;
        INFO("text: '" << bad << "'");
        CHECK(in.fail());
        CHECK(u == before);
    }
}

TEST_CASE("std algorithms accept a stream", "[stream]") {
    cbrng::stream<> s{3, 0, 1};
    std::uniform_int_distribution<int> d(0, 9);
    int sum = 0;
    for (int i = 0; i < 1000; ++i) sum += d(s);
    CHECK(sum > 3000);
    CHECK(sum < 6000);
}

namespace {

// A stream refills two blocks at a time (detail/block_pair.hpp). Whatever the
// path (the AVX2 pair kernel for philox4x32 or the bijection twice) and
// wherever the draws start, word p must be word p % N of block p / N.
template <class B>
void check_buffer_paths() {
    using S = cbrng::stream<B>;
    constexpr u64 N = S::word_count;
    namespace d = cbrng::detail;
    for (const d::isa path : {d::isa::scalar, d::isa::avx2}) {
        const d::scoped_isa forced{path};
        if (!forced.ok()) continue;  // this CPU cannot run the path
        INFO("path " << d::isa_name(path));
        const cbrng::stream_id id{0x0123456789abcdefu, 3, 0xfedcba9876543210u};
        for (u64 start = 0; start < 4 * N; ++start) {
            S s{id, start};
            for (u64 p = start; p < start + 5 * N; ++p) {
                INFO("position " << p);
                CHECK(s.position() == p);
                CHECK(s() == s.block(p / N)[p % N]);
            }
        }
        // The last blocks: an odd number of blocks left pairs all but the last.
        for (u64 left = 0; left <= 5 * N; ++left) {
            S s{id, S::capacity - left};
            for (u64 p = S::capacity - left; p < S::capacity; ++p) {
                CHECK(s() == s.block(p / N)[p % N]);
            }
            CHECK(s.remaining() == 0);
            CHECK_THROWS_AS(s(), std::out_of_range);
        }
    }
}

}  // namespace

TEST_CASE("the two-block buffer gives the same words on every path and position", "[stream]") {
    check_buffer_paths<cbrng::philox4x32_10>();
    check_buffer_paths<cbrng::philox<4, 32, 7>>();
    check_buffer_paths<cbrng::philox2x64_10>();
    check_buffer_paths<cbrng::philox4x64_10>();
    check_buffer_paths<cbrng::threefry4x32_20>();
    check_buffer_paths<cbrng::threefry2x64_20>();
    check_buffer_paths<cbrng::threefry4x64_20>();
}

#if CBRNG_HAS_X86_SIMD
TEST_CASE("the AVX2 Philox4x32 pair kernel equals the bijection", "[stream]") {
    namespace d = cbrng::detail;
    if (!d::isa_supported(d::isa::avx2)) {
        WARN("skipped: this CPU has no AVX2");
        return;
    }
    std::mt19937_64 rng(23);
    for (int i = 0; i < 20000; ++i) {
        cbrng::philox4x32_10::counter_type c{};
        for (auto& w : c) w = static_cast<std::uint32_t>(rng());
        if (i % 4 == 0) c[0] = 0xffffffffu - static_cast<std::uint32_t>(i % 3);  // + 1 wraps too
        const cbrng::philox4x32_10::key_type k{
            {static_cast<std::uint32_t>(rng()), static_cast<std::uint32_t>(rng())}};
        std::uint32_t got10[8], got7[8];
        using host = d::philox4x32_pair_host<10>;
        const std::uint64_t c01 = host::words_64(c[0], c[1]), c23 = host::words_64(c[2], c[3]);
        d::philox4x32_pair_avx2<10>(got10, c01, c23, host::words_64(k[0], k[1]));
        d::philox4x32_pair_avx2<7>(got7, c01, c23, host::words_64(k[0], k[1]));
        cbrng::word_array<std::uint32_t, 8> want10{}, want7{};
        d::block_pair_portable<cbrng::philox4x32_10>(c, k, want10);
        d::block_pair_portable<cbrng::philox<4, 32, 7>>(c, k, want7);
        for (std::size_t j = 0; j < 8; ++j) {
            CHECK(got10[j] == want10[j]);
            CHECK(got7[j] == want7[j]);
        }
        auto c1 = c;
        ++c1[0];
        CHECK(cbrng::philox4x32_10{}(c1, k)[0] == want10[4]);
    }
}
#endif

namespace {

/// select_word(a, i) == a[i] for every i, for an array of N distinct words.
template <std::size_t N>
bool select_word_agrees() {
    cbrng::word_array<std::uint32_t, N> a{};
    for (std::size_t i = 0; i < N; ++i) a[i] = 0x9E3779B9u * static_cast<std::uint32_t>(i + 1);
    for (unsigned i = 0; i < N; ++i) {
        if (cbrng::detail::select_word(a, i) != a[i]) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("the device read of a stream's buffer selects the indexed word", "[stream]") {
    // stream::operator() reads its buffer through select_word in device code
    // (the buffer holds 4 or 8 words); checked here on the host, where it is
    // the same code, and at compile time.
    CHECK(select_word_agrees<1>());
    CHECK(select_word_agrees<2>());
    CHECK(select_word_agrees<4>());
    CHECK(select_word_agrees<8>());
    CHECK(select_word_agrees<16>());
    constexpr cbrng::word_array<std::uint64_t, 8> a{{10, 11, 12, 13, 14, 15, 16, 17}};
    static_assert(cbrng::detail::select_word(a, 0) == 10 &&
                  cbrng::detail::select_word(a, 5) == 15 && cbrng::detail::select_word(a, 7) == 17);
}
