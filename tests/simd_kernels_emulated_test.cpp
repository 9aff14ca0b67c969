// Tests for the block kernels of include/cbrng/detail/simd/kernels/ on any
// CPU: every kernel instantiated on the plain-C++ vector layer ops_emu<L>
// (lane counts 1, 4 and 8, several group counts, with and without
// scalar-side blocks) equals the scalar reference (detail/simd/scalar.hpp,
// the bijection itself) for every length 0..300, at counters that end on the
// word-0 carry boundary or start anywhere, stored at every misalignment, and
// writes nothing outside its blocks. Where the CPU has AVX2 or AVX-512 the
// real kernels fill() calls get the same check.
#include <catch2/catch.hpp>

#include <cbrng/detail/cpu.hpp>
#include <cbrng/detail/simd/kernels_emu.hpp>
#include <cbrng/detail/simd/scalar.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/threefry.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace {

namespace simd = cbrng::detail::simd;

constexpr std::size_t max_blocks = 300;
constexpr std::size_t guard = 5;  // words checked untouched on each side

/// Runs kernel(out, n, c, k) for n = 0..300 and four counters (the first ends
/// exactly at the word-0 carry boundary, the second starts at word 0 = 0),
/// stored at misalignment n % 4 words (so every misalignment meets every
/// length class), and compares with the scalar reference.
template <class F, class Kernel>
void check_kernel(Kernel kernel, std::uint64_t seed) {
    using word = typename F::word_type;
    constexpr std::size_t N = F::word_count;
    constexpr word poison = static_cast<word>(0x5A5A5A5A5A5A5A5Au);
    std::mt19937_64 rng(seed);
    std::vector<word> got(N * max_blocks + 2 * guard + 4), want(got.size());
    std::size_t mismatches = 0;
    for (std::size_t n = 0; n <= max_blocks; ++n) {
        for (int trial = 0; trial < 4; ++trial) {
            typename F::counter_type c{};
            typename F::key_type k{};
            for (auto& w : c) w = static_cast<word>(rng());
            for (auto& w : k) w = static_cast<word>(rng());
            if (trial == 0) c[0] = static_cast<word>(word{0} - static_cast<word>(n));
            if (trial == 1) c[0] = 0;
            const std::size_t mis = (n + static_cast<std::size_t>(trial)) % 4;
            std::fill(got.begin(), got.end(), poison);
            std::fill(want.begin(), want.end(), poison);
            kernel(got.data() + guard + mis, n, c, k);
            simd::scalar_blocks<F>(want.data() + guard + mis, n, c, k);
            if (got != want) ++mismatches;
        }
    }
    CHECK(mismatches == 0);
}

template <class O, std::size_t G>
void check_emulated_philox() {
    using namespace simd::emu;
    check_kernel<cbrng::philox4x32_10>(philox_blocks<O, 4, 32, 10, G>, 1);
    check_kernel<cbrng::philox2x64_10>(philox_blocks<O, 2, 64, 10, G>, 2);
    check_kernel<cbrng::philox4x64_10>(philox_blocks<O, 4, 64, 10, G>, 3);
}

template <class O, std::size_t G, std::size_t S>
void check_emulated_threefry() {
    using namespace simd::emu;
    check_kernel<cbrng::threefry4x64_20>(threefry_blocks<O, 4, 64, 20, G, S>, 4);
    check_kernel<cbrng::threefry4x32_20>(threefry_blocks<O, 4, 32, 20, G, S>, 5);
    check_kernel<cbrng::threefry2x64_20>(threefry_blocks<O, 2, 64, 20, G, S>, 6);
}

}  // namespace

TEST_CASE("emulated Philox kernels equal the bijection", "[simd][emulated]") {
    check_emulated_philox<simd::ops_emu<1>, 1>();
    check_emulated_philox<simd::ops_emu<4>, 1>();
    check_emulated_philox<simd::ops_emu<4>, 4>();
    check_emulated_philox<simd::ops_emu<8>, 2>();
    check_emulated_philox<simd::ops_emu<8>, 3>();
}

TEST_CASE("emulated Threefry kernels equal the bijection", "[simd][emulated]") {
    check_emulated_threefry<simd::ops_emu<1>, 1, 0>();
    check_emulated_threefry<simd::ops_emu<4>, 2, 2>();
    check_emulated_threefry<simd::ops_emu<4>, 3, 0>();
    check_emulated_threefry<simd::ops_emu<8>, 3, 1>();
}

#if CBRNG_HAS_X86_SIMD
TEST_CASE("AVX2 and AVX-512 kernels equal the bijection where the CPU has them", "[simd]") {
    using cbrng::detail::isa;
    const isa best = cbrng::detail::active_isa();
    if (best == isa::avx2 || best == isa::avx512) {
        check_kernel<cbrng::philox4x32_10>(simd::avx2::blocks<simd::ops_avx2, cbrng::philox4x32_10>,
                                           11);
        check_kernel<cbrng::philox2x64_10>(simd::avx2::blocks<simd::ops_avx2, cbrng::philox2x64_10>,
                                           12);
        check_kernel<cbrng::philox4x64_10>(simd::avx2::blocks<simd::ops_avx2, cbrng::philox4x64_10>,
                                           13);
        check_kernel<cbrng::threefry4x64_20>(
            simd::avx2::blocks<simd::ops_avx2, cbrng::threefry4x64_20>, 14);
        check_kernel<cbrng::threefry4x32_20>(
            simd::avx2::blocks<simd::ops_avx2, cbrng::threefry4x32_20>, 15);
        check_kernel<cbrng::threefry2x64_20>(
            simd::avx2::blocks<simd::ops_avx2, cbrng::threefry2x64_20>, 16);
    } else {
        WARN("no AVX2 on this CPU: real AVX2 kernels not run");
    }
    if (best == isa::avx512) {
        check_kernel<cbrng::philox4x32_10>(
            simd::avx512::blocks<simd::ops_avx512, cbrng::philox4x32_10>, 21);
        check_kernel<cbrng::philox2x64_10>(
            simd::avx512::blocks<simd::ops_avx512, cbrng::philox2x64_10>, 22);
        check_kernel<cbrng::philox4x64_10>(
            simd::avx512::blocks<simd::ops_avx512, cbrng::philox4x64_10>, 23);
        check_kernel<cbrng::threefry4x64_20>(
            simd::avx512::blocks<simd::ops_avx512, cbrng::threefry4x64_20>, 24);
        check_kernel<cbrng::threefry4x32_20>(
            simd::avx512::blocks<simd::ops_avx512, cbrng::threefry4x32_20>, 25);
        check_kernel<cbrng::threefry2x64_20>(
            simd::avx512::blocks<simd::ops_avx512, cbrng::threefry2x64_20>, 26);
    } else {
        WARN("no AVX-512 on this CPU: real AVX-512 kernels not run");
    }
}
#endif
