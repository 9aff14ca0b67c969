// creation_bench: the cost of giving a new task its own generator.
//
// BM_Create<Subject> times, per iteration, what a task-parallel program does
// for every task: make a generator for that task (the task id changes every
// iteration) and draw 8 numbers from it. Items are tasks. Baselines:
// std::mt19937 seeded with one integer (the common per-task idiom: 624 words
// of state to initialise and twist) and pcg32 with a new stream per task (the
// cheapest established alternative). The results are kept alive with
// benchmark::DoNotOptimize, so nothing can be hoisted out of the loop.
#include <benchmark/benchmark.h>

#include <cbrng/stream.hpp>

#include <cstdint>
#include <random>

// Random123's C API defines function-like macros named philox4x32(c, k), ...;
// no cbrng name followed by a parenthesis appears after this point.
// clang-format off
#include <Random123/philox.h>  // first: the others need its feature macros
#include <Random123/MicroURNG.hpp>
#include <Random123/conventional/Engine.hpp>
// clang-format on
#include <pcg_random.hpp>

namespace {

constexpr int draws_per_task = 8;
constexpr std::uint64_t seed = 0x5eed;

/// Per iteration: Make{}(task) builds the task's generator, then 8 draws.
template <class Make>
void BM_Create(benchmark::State& state) {
    std::uint64_t task = static_cast<std::uint64_t>(state.thread_index());
    for (auto _ : state) {
        auto gen = Make{}(task);
        for (int i = 0; i < draws_per_task; ++i) benchmark::DoNotOptimize(gen());
        ++task;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["draws_per_task"] = draws_per_task;
}

template <class Bijection>
struct make_stream {
    cbrng::stream<Bijection> operator()(std::uint64_t task) const {
        return cbrng::stream<Bijection>{seed, 0, task};
    }
};
struct make_buffered_stream {
    cbrng::buffered_stream<> operator()(std::uint64_t task) const {
        return cbrng::buffered_stream<>{seed, 0, task};
    }
};
template <class Engine>
struct make_seeded {
    Engine operator()(std::uint64_t task) const {
        return Engine{static_cast<typename Engine::result_type>(seed ^ task)};
    }
};
struct make_pcg32 {
    pcg32 operator()(std::uint64_t task) const { return pcg32{seed, task}; }
};
struct make_r123_engine {  // a new key per task
    using engine = r123::Engine<r123::Philox4x32>;
    engine operator()(std::uint64_t task) const {
        const engine::ukey_type key = {
            {static_cast<std::uint32_t>(task), static_cast<std::uint32_t>(task >> 32)}};
        return engine{key};
    }
};
struct make_r123_micro {  // the task in the counter, the seed as key
    using urng = r123::MicroURNG<r123::Philox4x32>;
    urng operator()(std::uint64_t task) const {
        const r123::Philox4x32::ctr_type ctr = {
            {0, static_cast<std::uint32_t>(task), static_cast<std::uint32_t>(task >> 32), 0}};
        const r123::Philox4x32::ukey_type key = {{static_cast<std::uint32_t>(seed), 0}};
        return urng{ctr, key};
    }
};

}  // namespace

BENCHMARK_TEMPLATE(BM_Create, make_seeded<std::mt19937>)->Name("BM_Create/std::mt19937");
BENCHMARK_TEMPLATE(BM_Create, make_pcg32)->Name("BM_Create/pcg32");
BENCHMARK_TEMPLATE(BM_Create, make_stream<cbrng::philox4x32_10>)
    ->Name("BM_Create/cbrng::stream<philox4x32_10>");
BENCHMARK_TEMPLATE(BM_Create, make_buffered_stream)
    ->Name("BM_Create/cbrng::buffered_stream<philox4x32_10>");
BENCHMARK_TEMPLATE(BM_Create, make_stream<cbrng::philox4x64_10>)
    ->Name("BM_Create/cbrng::stream<philox4x64_10>");
BENCHMARK_TEMPLATE(BM_Create, make_stream<cbrng::threefry4x64_20>)
    ->Name("BM_Create/cbrng::stream<threefry4x64_20>");
BENCHMARK_TEMPLATE(BM_Create, make_seeded<std::mt19937_64>)->Name("BM_Create/std::mt19937_64");
BENCHMARK_TEMPLATE(BM_Create, make_r123_engine)->Name("BM_Create/r123::Engine<Philox4x32>");
BENCHMARK_TEMPLATE(BM_Create, make_r123_micro)->Name("BM_Create/r123::MicroURNG<Philox4x32>");

BENCHMARK_MAIN();
