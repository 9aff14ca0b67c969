// The body shared by the two translation units of simd_kernels_odr_test
// (simd_kernels_odr_test.cpp, default target; simd_kernels_odr_native.cpp,
// -march=native): every block kernel fill() can call, on every path this CPU
// runs, and the emulated kernels, for lengths 0..67 at fixed counters and
// keys, appended word by word; then the batch transforms of every parameter
// family (detail::transform on every path, and the emulated layer) for
// lengths 0..67 of fixed words, appended variate by variate. Included once per TU, inside no
// namespace; each TU wraps it in a function of its own name.
#include <cbrng/detail/cpu.hpp>
#include <cbrng/detail/simd/kernels_emu.hpp>
#include <cbrng/detail/simd/scalar.hpp>
#include <cbrng/detail/simd/transforms_emu.hpp>
#include <cbrng/detail/transform.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/threefry.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

template <class F>
void odr_append(std::vector<std::uint64_t>& out, std::size_t& mismatches) {
    using cbrng::detail::isa;
    using word = typename F::word_type;
    constexpr std::size_t N = F::word_count;
    const isa best = cbrng::detail::active_isa();
    typename F::counter_type c{};
    typename F::key_type k{};
    for (std::size_t j = 0; j < N; ++j) c[j] = static_cast<word>(0x9E3779B97F4A7C15u * (j + 1));
    for (std::size_t j = 0; j < k.size(); ++j) k[j] = static_cast<word>(0xD1B54A32D192ED03u + j);
    for (std::size_t n = 0; n <= 67; ++n) {
        std::vector<word> want(N * n + 1), got(N * n + 1);
        cbrng::detail::simd::scalar_blocks<F>(want.data(), n, c, k);
        for (const isa p : {isa::scalar, isa::avx2, isa::avx512}) {
            if (static_cast<int>(p) > static_cast<int>(best)) continue;
            cbrng::detail::fill_kernel<F>::run(p, got.data(), n, c, k);
            if (got != want) ++mismatches;
            for (const word w : got) out.push_back(w);
        }
    }
}

template <class Real>
std::uint64_t odr_bits(Real x) {
    if constexpr (sizeof(Real) == 8) {
        std::uint64_t b;
        std::memcpy(&b, &x, sizeof b);
        return b;
    } else {
        std::uint32_t b;
        std::memcpy(&b, &x, sizeof b);
        return b;
    }
}

template <class Word, class Real, class Param>
void odr_transform_append(const Param& prm, std::vector<std::uint64_t>& out,
                          std::size_t& mismatches) {
    using cbrng::detail::isa;
    constexpr std::size_t max_n = 67;
    constexpr std::size_t wpv = cbrng::detail::batch_words_per_variate<Real, Word>;
    const isa best = cbrng::detail::active_isa();
    std::vector<Word> words(max_n * wpv);
    std::uint64_t x = 0x243F6A8885A308D3u;
    for (Word& w : words) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        w = static_cast<Word>(x >> (x % 3 == 0 ? 40 : 0));  // some small words: tails
    }
    std::vector<Real> want(max_n), got(max_n);
    cbrng::detail::transform(words.data(), want.data(), max_n, prm, isa::scalar);
    for (std::size_t n = 0; n <= max_n; ++n) {
        for (const isa p : {isa::scalar, isa::avx2, isa::avx512}) {
            if (static_cast<int>(p) > static_cast<int>(best)) continue;
            cbrng::detail::transform(words.data(), got.data(), n, prm, p);
            if (std::memcmp(got.data(), want.data(), n * sizeof(Real)) != 0) ++mismatches;
            for (std::size_t i = 0; i < n; ++i) out.push_back(odr_bits(got[i]));
        }
        // The emulated layer, whose functions carry no target of their own.
        cbrng::detail::simd::emu::transform<cbrng::detail::simd::ops_real_emu<2>>(
            words.data(), got.data(), n, prm);
        if (std::memcmp(got.data(), want.data(), n * sizeof(Real)) != 0) ++mismatches;
        for (std::size_t i = 0; i < n; ++i) out.push_back(odr_bits(got[i]));
    }
}

template <class Word>
void odr_transforms_append(std::vector<std::uint64_t>& out, std::size_t& mismatches) {
    namespace d = cbrng::detail;
    odr_transform_append<Word, double>(d::uniform_real_param<double>(-1, 3), out, mismatches);
    odr_transform_append<Word, float>(d::uniform_real_param<float>(), out, mismatches);
    odr_transform_append<Word, double>(d::normal_param<double>(1, 2), out, mismatches);
    odr_transform_append<Word, float>(d::normal_param<float>(), out, mismatches);
    odr_transform_append<Word, double>(d::exponential_param<double>(2), out, mismatches);
    odr_transform_append<Word, float>(d::exponential_param<float>(), out, mismatches);
    odr_transform_append<Word, double>(d::extreme_value_param<double>(), out, mismatches);
    odr_transform_append<Word, double>(d::lognormal_param<double>(0, 100), out, mismatches);
    odr_transform_append<Word, float>(d::weibull_param<float>(0.5f, 2), out, mismatches);
    odr_transform_append<Word, double>(d::cauchy_param<double>(), out, mismatches);
}

std::vector<std::uint64_t> odr_results(std::size_t& mismatches) {
    std::vector<std::uint64_t> out;
    mismatches = 0;
    odr_append<cbrng::philox4x32_10>(out, mismatches);
    odr_append<cbrng::philox2x64_10>(out, mismatches);
    odr_append<cbrng::philox4x64_10>(out, mismatches);
    odr_append<cbrng::threefry4x64_20>(out, mismatches);
    odr_append<cbrng::threefry4x32_20>(out, mismatches);
    odr_append<cbrng::threefry2x64_20>(out, mismatches);
    // The emulated layer, whose functions carry no target of their own.
    std::vector<std::uint32_t> e(4 * 37);
    cbrng::detail::simd::emu::philox_blocks<cbrng::detail::simd::ops_emu<4>, 4, 32, 10, 2>(
        e.data(), 37, {{1, 2, 3, 4}}, {{5, 6}});
    for (const std::uint32_t w : e) out.push_back(w);
    odr_transforms_append<std::uint64_t>(out, mismatches);
    odr_transforms_append<std::uint32_t>(out, mismatches);
    return out;
}

}  // namespace
