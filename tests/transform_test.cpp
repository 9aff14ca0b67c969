// Tests include/cbrng/detail/transform.hpp (and its AVX2 / AVX-512 back ends):
// every SIMD path this CPU supports, forced on in turn, writes exactly the
// scalar path's bits for every length 0..300, every misalignment of the
// output pointer within a 64-byte line, several word offsets, word buffers
// mixing central, tail and far-tail inputs, and every parameter kind
// (including the overflowing-span fallback); in-place batches; and the
// run-time ISA selection of detail/cpu.hpp. Paths the CPU lacks are skipped
// with a message (their code is still compiled: target attributes).
#include <cbrng/detail/cpu.hpp>
#include <cbrng/detail/transform.hpp>

#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {

namespace d = cbrng::detail;
using d::isa;

/// Random words with every regime of the normal and exponential transforms:
/// mostly uniform, some tiny (far lower tail), some near all-ones (far upper
/// tail), some moderately small (tails), plus the extremes.
template <class Word>
std::vector<Word> test_words(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 g{seed};
    std::vector<Word> w(n);
    constexpr unsigned bits = sizeof(Word) * 8;
    for (auto& x : w) {
        const std::uint64_t r = g();
        switch (g() % 10) {
            case 0:
                x = static_cast<Word>(r >> 52);
                break;  // tiny: far lower tail
            case 1:
                x = static_cast<Word>(~(r >> 52));
                break;  // far upper tail
            case 2:
                x = 0;
                break;
            case 3:
                x = static_cast<Word>(~Word{0});
                break;
            case 4:
                x = static_cast<Word>((r >> (64 - bits)) >> 4);
                break;  // tails
            default:
                x = static_cast<Word>(r);
        }
    }
    w[0] = 0;
    w[1] = static_cast<Word>(~Word{0});
    w[2] = 1;
    w[5] = static_cast<Word>(Word{1} << (bits - 1));
    return w;
}

std::vector<isa> simd_isas() {
    return {isa::avx2, isa::avx512};
}

/// For one (Word, Real, Param) combination: every SIMD isa against scalar.
template <class Word, class Real, class Param>
void check_paths(const Param& p, const std::string& what) {
    constexpr std::size_t max_n = 300;
    constexpr std::size_t wpv = d::batch_words_per_variate<Real, Word>;
    constexpr std::size_t max_word_offset = 5;
    constexpr std::size_t line = 64 / sizeof(Real);  // misalignments within a cache line
    const std::vector<Word> words = test_words<Word>(max_n * wpv + max_word_offset + 8, 0xC0FFEE);
    // Output buffer with room for any misalignment; aligned base.
    std::vector<Real> storage(max_n + 2 * line + 64);
    auto* base = reinterpret_cast<Real*>((reinterpret_cast<std::uintptr_t>(storage.data()) + 63) &
                                         ~std::uintptr_t{63});
    std::vector<Real> ref(max_n);
    for (const isa which : simd_isas()) {
        if (!d::isa_supported(which)) {
            WARN("skipped: this CPU lacks " << d::isa_name(which) << " (" << what << ")");
            continue;
        }
        std::size_t mismatches = 0;
        for (std::size_t off = 0; off <= max_word_offset; ++off) {
            const Word* in = words.data() + off;
            d::transform(in, ref.data(), max_n, p, isa::scalar);
            for (std::size_t n = 0; n <= max_n; ++n) {
                // Misalignments cycle with n and the word offset so every pair of
                // (length, misalignment) is covered across offsets.
                for (std::size_t k = (n + off) % 4; k < line; k += 4) {
                    Real* out = base + k;
                    std::memset(static_cast<void*>(base), 0xA5, (max_n + line) * sizeof(Real));
                    d::transform(in, out, n, p, which);
                    if (std::memcmp(out, ref.data(), n * sizeof(Real)) != 0) ++mismatches;
                    // Nothing written past the end.
                    unsigned char after[sizeof(Real)];
                    std::memcpy(after, out + n, sizeof(Real));
                    for (const unsigned char c : after) {
                        if (c != 0xA5) ++mismatches;
                    }
                }
            }
        }
        INFO(what << ", " << d::isa_name(which));
        CHECK(mismatches == 0);
    }
}

template <class Word, class Real, class Param>
void check_in_place(const Param& p, const std::string& what) {
    constexpr std::size_t n = 257;
    constexpr std::size_t wpv = d::batch_words_per_variate<Real, Word>;
    const std::vector<Word> words = test_words<Word>(n * wpv, 77);
    std::vector<Real> ref(n);
    d::transform(words.data(), ref.data(), n, p, isa::scalar);
    for (const isa which : {isa::scalar, isa::avx2, isa::avx512}) {
        if (!d::isa_supported(which)) continue;
        // A buffer big enough for both, words first, transformed in place.
        std::vector<std::uint64_t> buf((std::max(n * wpv * sizeof(Word), n * sizeof(Real)) + 7) /
                                       8);
        std::memcpy(buf.data(), words.data(), words.size() * sizeof(Word));
        auto* w = reinterpret_cast<Word*>(buf.data());
        auto* out = reinterpret_cast<Real*>(buf.data());
        d::transform(w, out, n, p, which);
        INFO(what << " in place, " << d::isa_name(which));
        CHECK(std::memcmp(buf.data(), ref.data(), n * sizeof(Real)) == 0);
    }
}

template <class Real, class Param>
void check_both_words(const Param& p, const std::string& what) {
    check_paths<std::uint64_t, Real>(p, what + ", 64-bit words");
    check_paths<std::uint32_t, Real>(p, what + ", 32-bit words");
    check_in_place<std::uint64_t, Real>(p, what + ", 64-bit words");
    check_in_place<std::uint32_t, Real>(p, what + ", 32-bit words");
}

constexpr double dmax = std::numeric_limits<double>::max();
constexpr float fmax_ = std::numeric_limits<float>::max();

}  // namespace

TEST_CASE("transform: uniform_real, every SIMD path equals scalar", "[transform]") {
    check_both_words<double>(d::uniform_real_param<double>(), "uniform double [0,1)");
    check_both_words<double>(d::uniform_real_param<double>(-3, 7), "uniform double [-3,7)");
    check_both_words<double>(d::uniform_real_param<double>(0.5, 1.0), "uniform double [.5,1)");
    check_both_words<double>(d::uniform_real_param<double>(1.0, 1.0 + 0x1p-52),
                             "uniform double rounding to b");
    check_both_words<double>(d::uniform_real_param<double>(-dmax, dmax), "uniform double overflow");
    check_both_words<double>(d::uniform_real_param<double>(2.5, 2.5), "uniform double a == b");
    check_both_words<double>(d::uniform_real_param<double>(0, 4 * 4.9406564584124654e-324),
                             "uniform double subnormal");
    check_both_words<float>(d::uniform_real_param<float>(), "uniform float [0,1)");
    check_both_words<float>(d::uniform_real_param<float>(-1e3f, 1e-3f), "uniform float");
    check_both_words<float>(d::uniform_real_param<float>(1.0f, 1.0f + 0x1p-23f),
                            "uniform float rounding to b");
    check_both_words<float>(d::uniform_real_param<float>(-fmax_, fmax_), "uniform float overflow");
}

TEST_CASE("transform: normal, every SIMD path equals scalar", "[transform]") {
    check_both_words<double>(d::normal_param<double>(), "normal double N(0,1)");
    check_both_words<double>(d::normal_param<double>(-1e3, 7), "normal double N(-1e3,7)");
    check_both_words<double>(d::normal_param<double>(0, 5e-324), "normal double subnormal sd");
    check_both_words<float>(d::normal_param<float>(), "normal float N(0,1)");
    check_both_words<float>(d::normal_param<float>(1e30f, 1e25f), "normal float huge");
}

TEST_CASE("transform: exponential, every SIMD path equals scalar", "[transform]") {
    check_both_words<double>(d::exponential_param<double>(), "exponential double 1");
    check_both_words<double>(d::exponential_param<double>(1e300), "exponential double 1e300");
    check_both_words<double>(d::exponential_param<double>(5e-324), "exponential double 5e-324");
    check_both_words<float>(d::exponential_param<float>(), "exponential float 1");
    check_both_words<float>(d::exponential_param<float>(3e38f), "exponential float 3e38");
    check_both_words<float>(d::exponential_param<float>(1e-30f), "exponential float 1e-30");
}

TEST_CASE("transform: words per variate", "[transform]") {
    STATIC_REQUIRE(d::batch_words_per_variate<double, std::uint32_t> == 2);
    STATIC_REQUIRE(d::batch_words_per_variate<double, std::uint64_t> == 1);
    STATIC_REQUIRE(d::batch_words_per_variate<float, std::uint32_t> == 1);
    STATIC_REQUIRE(d::batch_words_per_variate<float, std::uint64_t> == 1);
}

TEST_CASE("cpu: detection and the thread_local override", "[transform][cpu]") {
    const isa best = d::detect_isa();
    WARN("this CPU: best isa " << d::isa_name(best));
    CHECK(d::isa_supported(isa::scalar));
    CHECK(d::isa_supported(best));
    CHECK(d::active_isa() == best);
    {
        const d::scoped_isa force{isa::scalar};
        CHECK(force.ok());
        CHECK(d::active_isa() == isa::scalar);
        {
            const d::scoped_isa inner{best};
            CHECK(d::active_isa() == best);
        }
        CHECK(d::active_isa() == isa::scalar);
    }
    CHECK(d::active_isa() == best);
    if (!d::isa_supported(isa::avx512)) {
        CHECK_FALSE(d::force_isa(isa::avx512));  // refused: never runs unsupported code
        CHECK(d::active_isa() == best);
    }
    CHECK(d::force_isa(isa::scalar));
    CHECK(d::active_isa() == isa::scalar);
    d::unforce_isa();
    CHECK(d::active_isa() == best);
    CHECK(std::string(d::isa_name(isa::avx2)) == "avx2");
    // The default argument of transform follows the override.
    const std::vector<std::uint64_t> w = test_words<std::uint64_t>(64, 5);
    std::vector<double> a(64), b(64);
    d::transform(w.data(), a.data(), 64, d::normal_param<double>(), isa::scalar);
    {
        const d::scoped_isa force{best};
        d::transform(w.data(), b.data(), 64, d::normal_param<double>());
    }
    CHECK(a == b);
}
