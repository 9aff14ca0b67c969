// Tests for include/cbrng/engine.hpp: cbrng::philox_engine (C++26 semantics)
// and cbrng::counter_engine.
#include <catch2/catch.hpp>

#include <cbrng/engine.hpp>
#include <cbrng/threefry.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>
#include <type_traits>
#include <vector>

#if defined(__cpp_lib_concepts)
#include <concepts>
static_assert(std::uniform_random_bit_generator<cbrng::philox4x32>);
static_assert(std::uniform_random_bit_generator<cbrng::philox4x64>);
static_assert(std::uniform_random_bit_generator<cbrng::counter_engine<cbrng::threefry4x64_20>>);
#endif

static_assert(std::is_trivially_copyable_v<cbrng::philox4x32>);
static_assert(std::is_trivially_copyable_v<cbrng::counter_engine<cbrng::threefry2x64_20>>);
static_assert(cbrng::philox4x32::min() == 0 && cbrng::philox4x32::max() == 0xffffffffu);
static_assert(cbrng::philox4x64::max() == std::numeric_limits<std::uint64_t>::max());
static_assert(cbrng::philox4x32::default_seed == 20111115u);
static_assert(cbrng::philox4x32::multipliers[0] == 0xCD9E8D57 &&
              cbrng::philox4x32::round_consts[1] == 0xBB67AE85);

namespace {

// The 10000th output, computed at compile time too.
constexpr std::uint64_t ten_thousandth_4x32() {
    cbrng::philox4x32 e;
    e.discard(9999);
    return e();
}
static_assert(ten_thousandth_4x32() == 1955073260u);

template <class E>
std::vector<typename E::result_type> draw(E& e, std::size_t n) {
    std::vector<typename E::result_type> v(n);
    for (auto& x : v) x = e();
    return v;
}

}  // namespace

TEST_CASE("philox4x32 and philox4x64 give the standard's required values", "[engine]") {
    cbrng::philox4x32 a;
    for (int i = 1; i < 10000; ++i) a();
    CHECK(a() == 1955073260u);
    cbrng::philox4x64 b;
    for (int i = 1; i < 10000; ++i) b();
    CHECK(b() == 3409172418970261260u);
    WARN("philox4x32 10000th: 1955073260 and philox4x64 10000th: 3409172418970261260 observed");
}

TEST_CASE("first block of default-constructed engines", "[engine]") {
    cbrng::philox4x32 a;
    CHECK(draw(a, 4) ==
          std::vector<std::uint_fast32_t>{3587538684u, 1324224816u, 3068087177u, 2030706281u});
    cbrng::philox4x64 b;
    CHECK(draw(b, 4) == std::vector<std::uint_fast64_t>{4854577551194240716u, 11024447680751626801u,
                                                        6491473261962256061u,
                                                        17735969495851009945u});
}

TEST_CASE("engine output is Random123's bijection at counter k/4", "[engine]") {
    cbrng::philox4x32 e(42);
    const cbrng::philox4x32_10 f;
    for (std::uint32_t block = 0; block < 8; ++block) {
        const auto y = f({block, 0, 0, 0}, {42, 0});
        for (std::size_t j = 0; j < 4; ++j) CHECK(e() == y[j]);
    }
    cbrng::counter_engine<cbrng::philox4x32_10> c;
    cbrng::philox4x32 d;
    for (int i = 0; i < 100; ++i) CHECK(c() == d());
}

TEST_CASE("set_counter takes the most significant word first", "[engine]") {
    cbrng::philox4x32 e(7);
    e.set_counter({1, 2, 3, 4});
    const auto y = cbrng::philox4x32_10{}({4, 3, 2, 1}, {7, 0});
    for (std::size_t j = 0; j < 4; ++j) CHECK(e() == y[j]);
    // The counter then counts up from X = {4,3,2,1} (word 0 least significant).
    const auto y2 = cbrng::philox4x32_10{}({5, 3, 2, 1}, {7, 0});
    CHECK(e() == y2[0]);
    // Values wider than w are reduced modulo 2^w.
    cbrng::philox4x32 f(7);
    f.set_counter({0x100000001u, 2, 3, 4});
    CHECK(f.counter()[3] == 1u);
}

template <class E>
void check_discard(E proto, unsigned long long n) {
    E a = proto, b = proto;
    for (unsigned long long i = 0; i < n; ++i) a();
    b.discard(n);
    CHECK(a == b);
    CHECK(a() == b());
}

TEST_CASE("discard(n) equals n calls across block edges and word carries", "[engine]") {
    for (unsigned long long n = 0; n < 40; ++n) {
        for (int pre = 0; pre < 5; ++pre) {
            cbrng::philox4x32 e(3);
            for (int i = 0; i < pre; ++i) e();
            check_discard(e, n);
            cbrng::counter_engine<cbrng::threefry2x64_20> t{{9, 10}};
            for (int i = 0; i < pre; ++i) t();
            check_discard(t, n);
        }
    }
    // Counter near 2^32 - 1 in the low words: carries into words 1, 2, 3.
    const std::uint32_t m32 = 0xffffffffu;
    cbrng::philox4x32 e;
    e.set_counter({0, m32, m32, m32 - 1});
    for (unsigned long long n : {1ull, 3ull, 4ull, 5ull, 8ull, 9ull, 64ull, 1000ull}) {
        check_discard(e, n);
    }
    cbrng::philox4x32 big_a;
    big_a.set_counter({0, 0, 0, m32});
    big_a.discard(4ull * 3 + 1);      // crosses into word 1
    CHECK(big_a.counter()[0] == 3u);  // 2^32 - 1 + 3 skipped blocks wraps to 2, +1 computed
    CHECK(big_a.counter()[1] == 1u);
    // A discard larger than 2^32 blocks lands in word 1 and above.
    cbrng::philox4x32 c1, c2;
    c1.discard(4ull << 33);  // 2^33 blocks
    c2.set_counter({0, 0, 2, 0});
    CHECK(c1 == c2);
    // 64-bit words: counter near 2^64 - 1.
    const std::uint64_t m64 = std::numeric_limits<std::uint64_t>::max();
    cbrng::philox4x64 f;
    f.set_counter({0, 0, m64, m64 - 1});
    for (unsigned long long n : {1ull, 4ull, 5ull, 9ull, 12ull, 100ull}) check_discard(f, n);
    cbrng::philox4x64 g;
    g.set_counter({0, 0, 0, m64});
    g.discard(std::numeric_limits<unsigned long long>::max());
    // z = 2^64 - 1 words with nothing buffered: (z - 1) / 4 = 2^62 - 1 blocks are
    // skipped, one is computed, so X0 = (2^64 - 1) + 2^62 wraps and carries.
    CHECK(g.counter()[0] == (std::uint64_t{1} << 62) - 1);
    CHECK(g.counter()[1] == 1u);  // the carry reached word 1
    // Full cycle of a 4-word counter wraps to zero.
    cbrng::philox4x32 w;
    w.set_counter({m32, m32, m32, m32});
    w();
    CHECK(w.counter() == cbrng::philox4x32::counter_type{0, 0, 0, 0});
}

TEST_CASE("seed(Sseq&) follows the standard", "[engine]") {
    // seed_seq's output depends on how many words are asked for: (n/2) * p.
    std::seed_seq q0{1, 2, 3, 4, 5};
    std::array<std::uint32_t, 2> a2{};
    q0.generate(a2.begin(), a2.end());
    std::seed_seq q1{1, 2, 3, 4, 5};
    std::array<std::uint32_t, 4> a{};
    q1.generate(a.begin(), a.end());
    std::seed_seq q2{1, 2, 3, 4, 5};
    cbrng::philox4x32 e32(q2);
    CHECK(e32.key()[0] == a2[0]);  // p = 1: one 32-bit word per key word
    CHECK(e32.key()[1] == a2[1]);
    std::seed_seq q3{1, 2, 3, 4, 5};
    cbrng::philox4x64 e64(q3);  // p = 2: two words per key word, low first
    CHECK(e64.key()[0] == (std::uint64_t{a[1]} << 32 | a[0]));
    CHECK(e64.key()[1] == (std::uint64_t{a[3]} << 32 | a[2]));
    cbrng::philox4x64 re;
    std::seed_seq q4{1, 2, 3, 4, 5};
    re.seed(q4);
    CHECK(re == e64);
}

TEST_CASE("seed(value) and equality", "[engine]") {
    cbrng::philox4x32 a(5), b;
    CHECK(a != b);
    b.seed(5);
    CHECK(a == b);
    a();
    CHECK(a != b);
    b();
    CHECK(a == b);
    cbrng::philox4x32 c(0x1'0000'0005u);  // reduced mod 2^32
    CHECK(c == cbrng::philox4x32(5));
}

TEST_CASE("text round trip and rejected malformed text", "[engine]") {
    cbrng::philox4x64 e(99);
    for (int i = 0; i < 6; ++i) e();
    std::stringstream ss;
    ss << std::hex << e;
    CHECK((ss.flags() & std::ios_base::basefield) == std::ios_base::hex);  // restored
    cbrng::philox4x64 f;
    ss >> f;
    CHECK(ss);
    CHECK(e == f);
    CHECK(e() == f());

    for (const char* bad : {"", "1 2 3", "1 2 3 4 5 6 x", "1 2 3 4 5 6 4", "-1 0 0 0 0 0 0",
                            "1 2 3 4 5 6 0x1", "18446744073709551616 0 0 0 0 0 0"}) {
        cbrng::philox4x64 g(1);
        const cbrng::philox4x64 before = g;
        std::istringstream in(bad);
        in >> g;
        INFO("text: '" << bad << "'");
        CHECK(in.fail());
        CHECK(g == before);
    }
    // A 32-bit engine rejects words of 2^32 and above.
    cbrng::philox4x32 h;
    std::istringstream in("4294967296 0 0 0 0 0 3");
    in >> h;
    CHECK(in.fail());
    CHECK(h == cbrng::philox4x32{});
}

TEST_CASE("engines work with std::shuffle and std distributions", "[engine]") {
    std::vector<int> v(100);
    std::iota(v.begin(), v.end(), 0);
    cbrng::philox4x32 e;
    std::shuffle(v.begin(), v.end(), e);
    CHECK(std::is_permutation(v.begin(), v.end(), std::vector<int>(v).begin()));
    std::uniform_int_distribution<int> d(1, 6);
    cbrng::counter_engine<cbrng::threefry4x64_20> t;
    for (int i = 0; i < 100; ++i) {
        const int x = d(t);
        CHECK((x >= 1 && x <= 6));
    }
}
