// Tests for the batch transforms of include/cbrng/detail/simd/kernels/
// transform.inl on any CPU: every transform instantiated on the portable
// vector layer ops_real_emu<2> (2 double lanes, small lockstep counts)
// writes exactly the scalar reference's bits (detail::transform_scalar) for
// every length 0..300, several word offsets, every misalignment of the output
// within a 64-byte line, every parameter family and both Real types, for 32-
// and 64-bit words, and writes nothing past the end. Where the CPU has AVX2 or
// AVX-512 the layers detail::transform dispatches to get the same check
// through the same entry points.
#include <catch2/catch.hpp>

#include <cbrng/detail/cpu.hpp>
#include <cbrng/detail/simd/transforms_emu.hpp>
#include <cbrng/detail/transform_scalar.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {

namespace d = cbrng::detail;
namespace simd = cbrng::detail::simd;

constexpr std::size_t max_n = 300;
constexpr std::size_t max_word_offset = 3;

/// Random words with every regime of the transforms: mostly uniform, some
/// tiny (far lower tail), some near all-ones (far upper tail), some small
/// (tails), zeros and all-ones.
template <class Word>
std::vector<Word> regime_words(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 g{seed};
    std::vector<Word> w(n);
    constexpr unsigned bits = sizeof(Word) * 8;
    for (auto& x : w) {
        const std::uint64_t r = g();
        switch (g() % 10) {
            case 0:
                x = static_cast<Word>(r >> 52);
                break;
            case 1:
                x = static_cast<Word>(~(r >> 52));
                break;
            case 2:
                x = 0;
                break;
            case 3:
                x = static_cast<Word>(~Word{0});
                break;
            case 4:
                x = static_cast<Word>((r >> (64 - bits)) >> 4);
                break;
            default:
                x = static_cast<Word>(r);
        }
    }
    return w;
}

/// The entry points of one instantiation (Layer::run(words, out, n, p)).
template <std::size_t L>
struct emu_layer {
    template <class Word, class Real, class Param>
    static void run(const Word* w, Real* out, std::size_t n, const Param& p) {
        simd::emu::transform<simd::ops_real_emu<L>>(w, out, n, p);
    }
};
#if CBRNG_HAS_X86_SIMD
struct avx2_layer {
    template <class Word, class Real, class Param>
    static void run(const Word* w, Real* out, std::size_t n, const Param& p) {
        simd::avx2::transform<simd::ops_real_avx2>(w, out, n, p);
    }
};
struct avx512_layer {
    template <class Word, class Real, class Param>
    static void run(const Word* w, Real* out, std::size_t n, const Param& p) {
        simd::avx512::transform<simd::ops_real_avx512>(w, out, n, p);
    }
};
#endif

/// Runs Layer::run(words + off, out, n, p) for n = 0..300, word offsets
/// 0..3 and the output at misalignment (n + off) % line (so every pair of
/// length class and misalignment meets), against transform_scalar.
template <class Layer, class Word, class Real, class Param>
std::size_t mismatches_of(const Param& p) {
    constexpr std::size_t wpv = d::batch_words_per_variate<Real, Word>;
    constexpr std::size_t line = 64 / sizeof(Real);
    const std::vector<Word> words =
        regime_words<Word>(max_n * wpv + max_word_offset, 0xC0FFEE + sizeof(Word));
    std::vector<Real> storage(max_n + 2 * line + 64);
    auto* base = reinterpret_cast<Real*>((reinterpret_cast<std::uintptr_t>(storage.data()) + 63) &
                                         ~std::uintptr_t{63});
    std::vector<Real> ref(max_n);
    std::size_t bad = 0;
    for (std::size_t off = 0; off <= max_word_offset; ++off) {
        const Word* in = words.data() + off;
        d::transform_scalar(in, ref.data(), max_n, p);
        for (std::size_t n = 0; n <= max_n; ++n) {
            Real* out = base + (n + off) % line;
            std::memset(static_cast<void*>(base), 0xA5, (max_n + line + 1) * sizeof(Real));
            Layer::run(in, out, n, p);
            if (std::memcmp(out, ref.data(), n * sizeof(Real)) != 0) ++bad;
            unsigned char after[sizeof(Real)];
            std::memcpy(after, out + n, sizeof(Real));
            for (const unsigned char c : after) {
                if (c != 0xA5) ++bad;
            }
        }
    }
    return bad;
}

/// Every layer this build and CPU can run, for one parameter set of Real.
template <class Real, class Param>
void check_layers(const Param& p, const std::string& what) {
    INFO(what);
    CHECK(mismatches_of<emu_layer<2>, std::uint64_t, Real>(p) == 0);
    CHECK(mismatches_of<emu_layer<2>, std::uint32_t, Real>(p) == 0);
#if CBRNG_HAS_X86_SIMD
    if (d::isa_supported(d::isa::avx2)) {
        CHECK(mismatches_of<avx2_layer, std::uint64_t, Real>(p) == 0);
        CHECK(mismatches_of<avx2_layer, std::uint32_t, Real>(p) == 0);
    }
    if (d::isa_supported(d::isa::avx512)) {
        CHECK(mismatches_of<avx512_layer, std::uint64_t, Real>(p) == 0);
        CHECK(mismatches_of<avx512_layer, std::uint32_t, Real>(p) == 0);
    }
#endif
}

constexpr double dmax = std::numeric_limits<double>::max();
constexpr float fmax_ = std::numeric_limits<float>::max();

}  // namespace

TEST_CASE("emulated transforms: uniform_real equals scalar", "[simd][emulated][transform]") {
    check_layers<double>(d::uniform_real_param<double>(), "uniform double [0,1)");
    check_layers<double>(d::uniform_real_param<double>(-3, 7), "uniform double [-3,7)");
    check_layers<double>(d::uniform_real_param<double>(1.0, 1.0 + 0x1p-52),
                         "uniform double rounding to b");
    check_layers<double>(d::uniform_real_param<double>(-dmax, dmax), "uniform double overflow");
    check_layers<float>(d::uniform_real_param<float>(), "uniform float [0,1)");
    check_layers<float>(d::uniform_real_param<float>(1.0f, 1.0f + 0x1p-23f),
                        "uniform float rounding to b");
    check_layers<float>(d::uniform_real_param<float>(-fmax_, fmax_), "uniform float overflow");
}

TEST_CASE("emulated transforms: normal equals scalar", "[simd][emulated][transform]") {
    check_layers<double>(d::normal_param<double>(), "normal double N(0,1)");
    check_layers<double>(d::normal_param<double>(-1e3, 7), "normal double N(-1e3,7)");
    check_layers<float>(d::normal_param<float>(), "normal float N(0,1)");
    check_layers<float>(d::normal_param<float>(1e30f, 1e25f), "normal float huge");
}

TEST_CASE("emulated transforms: exponential equals scalar", "[simd][emulated][transform]") {
    check_layers<double>(d::exponential_param<double>(), "exponential double 1");
    check_layers<double>(d::exponential_param<double>(1e300), "exponential double 1e300");
    check_layers<float>(d::exponential_param<float>(), "exponential float 1");
    check_layers<float>(d::exponential_param<float>(3e38f), "exponential float 3e38");
}

TEST_CASE("emulated transforms: extreme_value, lognormal, weibull, cauchy equal scalar",
          "[simd][emulated][transform]") {
    check_layers<double>(d::extreme_value_param<double>(), "extreme_value double (0,1)");
    check_layers<double>(d::extreme_value_param<double>(-2, 1e3), "extreme_value double (-2,1e3)");
    check_layers<float>(d::extreme_value_param<float>(1, 2), "extreme_value float (1,2)");
    check_layers<double>(d::lognormal_param<double>(), "lognormal double (0,1)");
    // s = 200 puts many exponents outside the vector exp's range.
    check_layers<double>(d::lognormal_param<double>(0.5, 200), "lognormal double (0.5,200)");
    check_layers<float>(d::lognormal_param<float>(), "lognormal float (0,1)");
    check_layers<double>(d::weibull_param<double>(), "weibull double (1,1)");
    // a = 0.01 sends g / a outside the vector exp's range.
    check_layers<double>(d::weibull_param<double>(0.01, 3), "weibull double (0.01,3)");
    check_layers<float>(d::weibull_param<float>(2, 0.5f), "weibull float (2,0.5)");
    check_layers<double>(d::cauchy_param<double>(), "cauchy double (0,1)");
    check_layers<double>(d::cauchy_param<double>(-1, 1e-3), "cauchy double (-1,1e-3)");
    check_layers<float>(d::cauchy_param<float>(3, 2), "cauchy float (3,2)");
}
