// The body shared by the two translation units of simd_kernels_odr_test
// (simd_kernels_odr_test.cpp, default target; simd_kernels_odr_native.cpp,
// -march=native): every block kernel fill() can call, on every path this CPU
// runs, and the emulated kernels, for lengths 0..67 at fixed counters and
// keys, appended word by word. Included once per TU, inside no namespace;
// each TU wraps it in a function of its own name.
#include <cbrng/detail/cpu.hpp>
#include <cbrng/detail/simd/kernels.hpp>
#include <cbrng/detail/simd/scalar.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/threefry.hpp>

#include <cstddef>
#include <cstdint>
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
    return out;
}

}  // namespace
