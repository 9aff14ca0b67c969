// draw_bench: the cost of one call, generator in hand.
//
// BM_Draw<Subject> draws words one call at a time from a generator built
// before the timed loop, for every cbrng stream generator and engine and for
// the usual alternatives: std::mt19937(_64), pcg32/pcg64 and Random123's
// Engine and MicroURNG. The baseline is BM_DrawThreadLocal<std::mt19937>, the
// generator most programs reach for when threads must not share one. Items are
// words (32- or 64-bit, as the generator returns them); bytes/s puts the two
// widths on one scale. scripts/bench-report.sh turns the results into
// docs/performance.md.
//
// cbrng::buffered_stream rows show the larger-buffer trade-off against
// cbrng::stream. The rows named ".../-march=native" (std::mt19937, its
// thread_local form, pcg32) come from draw_baselines_native.cpp, compiled with
// -march=native while this file keeps the default flags.
#include <benchmark/benchmark.h>

#include <cbrng/engine.hpp>
#include <cbrng/stream.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>

// Random123's C API defines function-like macros named philox4x32(c, k),
// threefry4x64(c, k), ...; this file never writes a cbrng name followed by a
// parenthesis after this point.
// clang-format off
#include <Random123/philox.h>  // first: the others need its feature macros
#include <Random123/MicroURNG.hpp>
#include <Random123/conventional/Engine.hpp>
// clang-format on
#include <pcg_random.hpp>

/// draw_baselines_native.cpp's engines' first n outputs.
void draw_native_outputs(std::uint32_t* mt, std::uint32_t* pcg, int n);

namespace {

constexpr int batch = 64;  // calls per timed iteration
constexpr std::uint64_t seed = 0x5eed;

template <class Gen>
void set_rates(benchmark::State& state) {
    const auto words = static_cast<std::int64_t>(state.iterations()) * batch;
    state.SetItemsProcessed(words);
    state.SetBytesProcessed(words * static_cast<std::int64_t>(sizeof(typename Gen::result_type)));
}

/// Per-call draws from a generator made by Make{}() outside the timed loop.
template <class Make>
void BM_Draw(benchmark::State& state) {
    auto gen = Make{}();
    for (auto _ : state) {
        for (int i = 0; i < batch; ++i) benchmark::DoNotOptimize(gen());
    }
    set_rates<decltype(gen)>(state);
}

/// Per-call draws from this thread's thread_local engine, seeded once.
template <class Engine>
void BM_DrawThreadLocal(benchmark::State& state) {
    thread_local Engine gen{static_cast<typename Engine::result_type>(seed)};
    for (auto _ : state) {
        for (int i = 0; i < batch; ++i) benchmark::DoNotOptimize(gen());
    }
    set_rates<Engine>(state);
}

template <class Bijection>
struct make_stream {
    cbrng::stream<Bijection> operator()() const { return cbrng::stream<Bijection>{seed, 0, 7}; }
};
template <class Bijection>
struct make_buffered_stream {
    cbrng::buffered_stream<Bijection> operator()() const {
        return cbrng::buffered_stream<Bijection>{seed, 0, 7};
    }
};
struct make_philox4x32 {
    cbrng::philox4x32 operator()() const { return cbrng::philox4x32{}; }
};
struct make_counter_engine_threefry4x64 {
    using engine = cbrng::counter_engine<cbrng::threefry4x64_20>;
    engine operator()() const { return engine{engine::key_type{{seed, 1, 2, 3}}}; }
};
template <class Engine>
struct make_seeded {
    Engine operator()() const { return Engine{static_cast<typename Engine::result_type>(seed)}; }
};
struct make_pcg32 {
    pcg32 operator()() const { return pcg32{seed, 7}; }
};
struct make_pcg64 {
    pcg64 operator()() const { return pcg64{seed, 7}; }
};
struct make_r123_engine {
    using engine = r123::Engine<r123::Philox4x32>;
    engine operator()() const {
        const engine::ukey_type key = {{static_cast<std::uint32_t>(seed), 0}};
        return engine{key};
    }
};
struct make_r123_micro {
    using urng = r123::MicroURNG<r123::Philox4x32>;
    urng operator()() const {
        const r123::Philox4x32::ctr_type ctr = {{0, 7, 0, 0}};
        const r123::Philox4x32::ukey_type key = {{static_cast<std::uint32_t>(seed), 0}};
        return urng{ctr, key};
    }
};

/// The -march=native baselines are std::mt19937 and pcg32 (another type
/// would be another generator): checked before the runs.
const bool native_checked = [] {
    constexpr int n = 10000;
    static std::uint32_t mt[n], pcg[n];
    draw_native_outputs(mt, pcg, n);
    std::mt19937 a{static_cast<std::uint_fast32_t>(seed)};
    pcg32 b{seed, 7};
    for (int i = 0; i < n; ++i) {
        if (a() != mt[i] || b() != pcg[i]) {
            std::fputs("draw_bench: the -march=native baselines differ from std::mt19937/pcg32\n",
                       stderr);
            std::abort();
        }
    }
    return true;
}();

}  // namespace

BENCHMARK_TEMPLATE(BM_DrawThreadLocal, std::mt19937)->Name("BM_Draw/std::mt19937/thread_local");
BENCHMARK_TEMPLATE(BM_Draw, make_stream<cbrng::philox4x32_10>)
    ->Name("BM_Draw/cbrng::stream<philox4x32_10>");
BENCHMARK_TEMPLATE(BM_Draw, make_buffered_stream<cbrng::philox4x32_10>)
    ->Name("BM_Draw/cbrng::buffered_stream<philox4x32_10>");
BENCHMARK_TEMPLATE(BM_Draw, make_buffered_stream<cbrng::threefry4x64_20>)
    ->Name("BM_Draw/cbrng::buffered_stream<threefry4x64_20>");
BENCHMARK_TEMPLATE(BM_Draw, make_stream<cbrng::philox2x64_10>)
    ->Name("BM_Draw/cbrng::stream<philox2x64_10>");
BENCHMARK_TEMPLATE(BM_Draw, make_stream<cbrng::philox4x64_10>)
    ->Name("BM_Draw/cbrng::stream<philox4x64_10>");
BENCHMARK_TEMPLATE(BM_Draw, make_stream<cbrng::threefry4x32_20>)
    ->Name("BM_Draw/cbrng::stream<threefry4x32_20>");
BENCHMARK_TEMPLATE(BM_Draw, make_stream<cbrng::threefry2x64_20>)
    ->Name("BM_Draw/cbrng::stream<threefry2x64_20>");
BENCHMARK_TEMPLATE(BM_Draw, make_stream<cbrng::threefry4x64_20>)
    ->Name("BM_Draw/cbrng::stream<threefry4x64_20>");
BENCHMARK_TEMPLATE(BM_Draw, make_philox4x32)->Name("BM_Draw/cbrng::philox4x32");
BENCHMARK_TEMPLATE(BM_Draw, make_counter_engine_threefry4x64)
    ->Name("BM_Draw/cbrng::counter_engine<threefry4x64_20>");
BENCHMARK_TEMPLATE(BM_Draw, make_seeded<std::mt19937>)->Name("BM_Draw/std::mt19937");
BENCHMARK_TEMPLATE(BM_DrawThreadLocal, std::mt19937_64)
    ->Name("BM_Draw/std::mt19937_64/thread_local");
BENCHMARK_TEMPLATE(BM_Draw, make_seeded<std::mt19937_64>)->Name("BM_Draw/std::mt19937_64");
BENCHMARK_TEMPLATE(BM_Draw, make_pcg32)->Name("BM_Draw/pcg32");
BENCHMARK_TEMPLATE(BM_Draw, make_pcg64)->Name("BM_Draw/pcg64");
BENCHMARK_TEMPLATE(BM_Draw, make_r123_engine)->Name("BM_Draw/r123::Engine<Philox4x32>");
BENCHMARK_TEMPLATE(BM_Draw, make_r123_micro)->Name("BM_Draw/r123::MicroURNG<Philox4x32>");

BENCHMARK_MAIN();
