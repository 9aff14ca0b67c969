// distributions_bench: the cost of one variate of the newer distributions,
// rows, cbrng against libstdc++'s std:: distribution, in one binary.
//
// Every row is "<distribution>(<parameters>)/<library>":
//  - cbrng: the cbrng distribution drawing from cbrng::stream<> (Philox4x32-10,
//    the library's default stream), one call per variate;
//  - std: the std:: distribution of the same parameters drawing from
//    std::mt19937_64 (the engine std:: users reach for), one call per variate;
//  - cbrng_fill: the same variates written by cbrng::fill into a buffer of
//    1000 (lognormal: its SIMD transform; the others: the scalar sampler
//    drawing words the SIMD kernels computed ahead) -- the like-for-like row
//    for numpy, which also fills arrays;
//  - cbrng_fill_prefetched (uniform_int rows only): the fill path before the
//    uniform_int bulk path (detail/fill/uniform_int.hpp), one dist() call per
//    variate over detail::prefetched_words, kept as that path's baseline.
// Generators and distributions are built outside the timed loop; items are
// variates (for shuffle: elements, one shuffle of 10^6 per iteration).
// numpy's Generator(PCG64) is timed on the same rows by
// benchmarks/numpy_distributions.py; scripts/bench-distributions.sh runs both
// and writes the side-by-side table of docs/performance.md.
#include <benchmark/benchmark.h>

#include <cbrng/algorithm.hpp>
#include <cbrng/distributions/binomial.hpp>
#include <cbrng/distributions/discrete.hpp>
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr int batch = 1000;  // variates per timed iteration
constexpr std::uint64_t seed = 0x5eed;

cbrng::stream<> cbrng_gen() {
    return cbrng::stream<>{cbrng::stream_id{seed, 0, 0}};
}
std::mt19937_64 std_gen() {
    return std::mt19937_64{seed};
}

/// batch calls of d(g) per iteration.
template <class Gen, class Dist>
void draw_loop(benchmark::State& state, Gen g, Dist d) {
    for (auto _ : state) {
        for (int i = 0; i < batch; ++i) benchmark::DoNotOptimize(d(g));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * batch);
}

/// cbrng::fill of batch variates per iteration.
template <class Dist>
void fill_loop(benchmark::State& state, Dist d) {
    auto g = cbrng_gen();
    std::vector<typename Dist::result_type> out(batch);
    for (auto _ : state) {
        cbrng::fill(g, out.begin(), out.end(), d);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * batch);
}

template <class CbrngDist, class StdDist>
void add_row(const std::string& row, CbrngDist c, StdDist s) {
    benchmark::RegisterBenchmark((row + "/cbrng").c_str(), [c](benchmark::State& state) {
        draw_loop(state, cbrng_gen(), c);
    });
    benchmark::RegisterBenchmark((row + "/std").c_str(),
                                 [s](benchmark::State& state) { draw_loop(state, std_gen(), s); });
    benchmark::RegisterBenchmark((row + "/cbrng_fill").c_str(),
                                 [c](benchmark::State& state) { fill_loop(state, c); });
}

/// The per-variate fill over prefetched words (the path before the bulk one).
template <class Dist>
void prefetched_loop(benchmark::State& state, Dist d) {
    auto g = cbrng_gen();
    std::vector<typename Dist::result_type> out(batch);
    for (auto _ : state) {
        cbrng::detail::prefetched_words<cbrng::stream<>> words{g};
        for (auto& x : out) x = d(words);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * batch);
}

template <class CbrngDist, class StdDist>
void add_uniform_int_row(const std::string& row, CbrngDist c, StdDist s) {
    add_row(row, c, s);
    benchmark::RegisterBenchmark((row + "/cbrng_fill_prefetched").c_str(),
                                 [c](benchmark::State& state) { prefetched_loop(state, c); });
}

/// 1000 weights, the same for both libraries.
std::vector<double> weights() {
    std::mt19937_64 g{1};
    std::vector<double> w(1000);
    for (auto& x : w) x = static_cast<double>(g() >> 11) * 0x1p-53;
    return w;
}

constexpr std::size_t shuffle_size = 1000000;

template <class Gen, class Shuffle>
void shuffle_loop(benchmark::State& state, Gen g, Shuffle shuffle) {
    std::vector<std::uint32_t> v(shuffle_size);
    std::iota(v.begin(), v.end(), 0u);
    for (auto _ : state) {
        shuffle(v, g);
        benchmark::DoNotOptimize(v.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(shuffle_size));
}

void register_all() {
    for (const double alpha : {0.5, 2.0, 30.0}) {
        const std::string a = alpha == 0.5 ? "0.5" : alpha == 2.0 ? "2" : "30";
        add_row("gamma(" + a + ")", cbrng::gamma_distribution<double>(alpha),
                std::gamma_distribution<double>(alpha));
    }
    add_row("poisson(3)", cbrng::poisson_distribution<int>(3), std::poisson_distribution<int>(3));
    add_row("poisson(1000)", cbrng::poisson_distribution<int>(1000),
            std::poisson_distribution<int>(1000));
    add_row("binomial(100,0.3)", cbrng::binomial_distribution<int>(100, 0.3),
            std::binomial_distribution<int>(100, 0.3));
    add_row("binomial(1e6,0.5)", cbrng::binomial_distribution<int>(1000000, 0.5),
            std::binomial_distribution<int>(1000000, 0.5));
    add_uniform_int_row("uniform_int(0,999)", cbrng::uniform_int_distribution<std::int64_t>(0, 999),
                        std::uniform_int_distribution<std::int64_t>(0, 999));
    // 2^31 + 1 values: about half of the 32-bit attempts are rejected.
    const std::int64_t half = (std::int64_t{1} << 31);
    add_uniform_int_row("uniform_int(0,2^31)",
                        cbrng::uniform_int_distribution<std::int64_t>(0, half),
                        std::uniform_int_distribution<std::int64_t>(0, half));
    const auto w = weights();
    add_row("discrete(1000)", cbrng::discrete_distribution<int>(w.begin(), w.end()),
            std::discrete_distribution<int>(w.begin(), w.end()));
    add_row("lognormal(0,1)", cbrng::lognormal_distribution<double>(0, 1),
            std::lognormal_distribution<double>(0, 1));
    benchmark::RegisterBenchmark("shuffle(1e6)/cbrng", [](benchmark::State& state) {
        shuffle_loop(state, cbrng_gen(),
                     [](auto& v, auto& g) { cbrng::shuffle(v.begin(), v.end(), g); });
    });
    benchmark::RegisterBenchmark("shuffle(1e6)/std", [](benchmark::State& state) {
        shuffle_loop(state, std_gen(),
                     [](auto& v, auto& g) { std::shuffle(v.begin(), v.end(), g); });
    });
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
