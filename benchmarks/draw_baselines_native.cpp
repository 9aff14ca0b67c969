// draw_bench's -march=native baselines: per-call draws from std::mt19937 and
// pcg32 compiled with -O3 -march=native, the strongest form of the usual
// alternatives, in the same binary as cbrng's rows (which stay at the default
// flags: cbrng's SIMD paths are chosen at run time).
//
// This translation unit alone gets -march=native (benchmarks/CMakeLists.txt).
// Its engines are instantiated with other template arguments than
// draw_bench.cpp's std::mt19937 and pcg32 (an unsigned int result type; a
// multiplier mixin of its own), so their member functions are distinct
// entities: the same inline function compiled with two sets of flags would be
// an ODR violation, and the linker would keep one copy for both rows (so this
// file must not name std::mt19937 or pcg32 themselves). The outputs are those
// of std::mt19937 and pcg32: draw_bench.cpp compares them, through
// draw_native_outputs, before the runs.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>

#include <pcg_random.hpp>

namespace {

constexpr int batch = 64;  // calls per timed iteration, as in draw_bench.cpp
constexpr std::uint64_t seed = 0x5eed;

/// std::mt19937 with std::uint32_t as its result type (std::mt19937's is
/// std::uint_fast32_t): the same algorithm and outputs, a distinct type.
using mt19937_native =
    std::mersenne_twister_engine<std::uint32_t, 32, 624, 397, 31, 0x9908b0dfu, 11, 0xffffffffu, 7,
                                 0x9d2c5680u, 15, 0xefc60000u, 18, 1812433253u>;

/// pcg32 (pcg_engines::setseq_xsh_rr_64_32) with a multiplier mixin of its
/// own holding the same multiplier: the same outputs, a distinct type.
struct pcg_multiplier_native {
    static constexpr std::uint64_t multiplier() { return 6364136223846793005ULL; }
};
using pcg32_native =
    pcg_detail::engine<std::uint32_t, std::uint64_t,
                       pcg_detail::xsh_rr_mixin<std::uint32_t, std::uint64_t>, true,
                       pcg_detail::specific_stream<std::uint64_t>, pcg_multiplier_native>;

template <class Gen>
void set_rates(benchmark::State& state) {
    const auto words = static_cast<std::int64_t>(state.iterations()) * batch;
    state.SetItemsProcessed(words);
    state.SetBytesProcessed(words * static_cast<std::int64_t>(sizeof(typename Gen::result_type)));
}

template <class Gen>
void draw(benchmark::State& state, Gen& gen) {
    for (auto _ : state) {
        for (int i = 0; i < batch; ++i) benchmark::DoNotOptimize(gen());
    }
    set_rates<Gen>(state);
}

void BM_DrawMt19937Native(benchmark::State& state) {
    mt19937_native gen{static_cast<std::uint32_t>(seed)};
    draw(state, gen);
}
void BM_DrawMt19937ThreadLocalNative(benchmark::State& state) {
    thread_local mt19937_native gen{static_cast<std::uint32_t>(seed)};
    draw(state, gen);
}
void BM_DrawPcg32Native(benchmark::State& state) {
    pcg32_native gen{seed, 7};
    draw(state, gen);
}

}  // namespace

/// The first n outputs of this file's two engines, seeded as the benchmarks
/// seed them (draw_bench.cpp checks them against std::mt19937 and pcg32).
void draw_native_outputs(std::uint32_t* mt, std::uint32_t* pcg, int n) {
    mt19937_native a{static_cast<std::uint32_t>(seed)};
    pcg32_native b{seed, 7};
    for (int i = 0; i < n; ++i) {
        mt[i] = a();
        pcg[i] = b();
    }
}

BENCHMARK(BM_DrawMt19937Native)->Name("BM_Draw/std::mt19937/-march=native");
BENCHMARK(BM_DrawMt19937ThreadLocalNative)->Name("BM_Draw/std::mt19937/thread_local/-march=native");
BENCHMARK(BM_DrawPcg32Native)->Name("BM_Draw/pcg32/-march=native");
