// contention_bench: what threads pay to share (or not share) a generator.
//
// Every variant runs tasks of 64 draws on 1, 2, 4 and 8 threads and reports
// draws per second of wall time, summed over the threads. Baseline:
// BM_Contention/std::mt19937/mutex_shared, one generator behind one mutex
// taken for every draw, the design of numpy.random's global functions and of
// many "random()" helpers. Against it:
//   - mutex_shared_per_task: the same, the lock taken once per task of 64
//     draws (numpy's `rng.random(64)`);
//   - thread_local: one std::mt19937 per thread, seeded once per thread;
//   - cbrng::stream<>/per_task: a new stream named by the task id per task;
//   - cbrng::current_stream/task_scope: a task_scope per task and every draw
//     through cbrng::current_stream(), the ambient interface.
// Scaling stops at the machine's core count; beyond it threads time-share.
#include <benchmark/benchmark.h>

#include <cbrng/ambient.hpp>
#include <cbrng/stream.hpp>

#include <cstdint>
#include <mutex>
#include <random>

namespace {

constexpr int draws_per_task = 64;
constexpr std::uint64_t seed = 0x5eed;

// The shared generator of the baseline: deliberately global and locked.
std::mutex shared_mutex;
std::mt19937 shared_mt{static_cast<std::mt19937::result_type>(seed)};

void set_rates(benchmark::State& state) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * draws_per_task);
}

/// The first task id of this thread; tasks then advance by the thread count,
/// so no two threads share a task.
std::uint64_t first_task(const benchmark::State& state) {
    return static_cast<std::uint64_t>(state.thread_index());
}
std::uint64_t task_stride(const benchmark::State& state) {
    return static_cast<std::uint64_t>(state.threads());
}

void BM_ContentionMutexShared(benchmark::State& state) {
    for (auto _ : state) {
        for (int i = 0; i < draws_per_task; ++i) {
            std::uint32_t x;
            {
                const std::lock_guard<std::mutex> lock{shared_mutex};
                x = static_cast<std::uint32_t>(shared_mt());
            }
            benchmark::DoNotOptimize(x);
        }
    }
    set_rates(state);
}

void BM_ContentionMutexSharedPerTask(benchmark::State& state) {
    for (auto _ : state) {
        const std::lock_guard<std::mutex> lock{shared_mutex};
        for (int i = 0; i < draws_per_task; ++i) benchmark::DoNotOptimize(shared_mt());
    }
    set_rates(state);
}

void BM_ContentionThreadLocal(benchmark::State& state) {
    thread_local std::mt19937 gen;
    gen.seed(static_cast<std::mt19937::result_type>(seed + first_task(state)));
    for (auto _ : state) {
        for (int i = 0; i < draws_per_task; ++i) benchmark::DoNotOptimize(gen());
    }
    set_rates(state);
}

void BM_ContentionStreamPerTask(benchmark::State& state) {
    std::uint64_t task = first_task(state);
    const std::uint64_t stride = task_stride(state);
    for (auto _ : state) {
        cbrng::stream<> s{seed, 0, task};
        for (int i = 0; i < draws_per_task; ++i) benchmark::DoNotOptimize(s());
        task += stride;
    }
    set_rates(state);
}

void BM_ContentionCurrentStream(benchmark::State& state) {
    std::uint64_t task = first_task(state);
    const std::uint64_t stride = task_stride(state);
    for (auto _ : state) {
        const cbrng::task_scope scope{seed, 0, task};
        for (int i = 0; i < draws_per_task; ++i)
            benchmark::DoNotOptimize(cbrng::current_stream()());
        task += stride;
    }
    set_rates(state);
}

void threads(benchmark::internal::Benchmark* b) {
    b->Threads(1)->Threads(2)->Threads(4)->Threads(8)->UseRealTime();
}

}  // namespace

BENCHMARK(BM_ContentionMutexShared)
    ->Name("BM_Contention/std::mt19937/mutex_shared")
    ->Apply(threads);
BENCHMARK(BM_ContentionMutexSharedPerTask)
    ->Name("BM_Contention/std::mt19937/mutex_shared_per_task")
    ->Apply(threads);
BENCHMARK(BM_ContentionThreadLocal)
    ->Name("BM_Contention/std::mt19937/thread_local")
    ->Apply(threads);
BENCHMARK(BM_ContentionStreamPerTask)
    ->Name("BM_Contention/cbrng::stream<>/per_task")
    ->Apply(threads);
BENCHMARK(BM_ContentionCurrentStream)
    ->Name("BM_Contention/cbrng::current_stream/task_scope")
    ->Apply(threads);

BENCHMARK_MAIN();
