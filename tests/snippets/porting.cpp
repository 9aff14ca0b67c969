// The C++ snippets of docs/porting.md, each copied here unchanged so that they
// are compiled (with g++ and clang++, warnings as errors) and cannot rot. Edit
// both together. Plain int variables stand in for omp_get_max_threads(), MPI
// ranks and the like, so the file compiles without OpenMP or MPI. Without
// -fopenmp the compilers ignore the OpenMP pragmas; the warnings they give for
// that are switched off by the flags line below (read by
// tests/snippets/CMakeLists.txt; g++ 12 cannot switch it off from the source)
// and, for clang++, by the pragma.
// flags: -Wno-unknown-pragmas
#include <cbrng/cbrng.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <random>
#include <thread>
#include <vector>

#if defined(__clang__)
#pragma clang diagnostic ignored "-Wsource-uses-openmp"
#endif

double simulate_std(unsigned seed, int n) {
    std::mt19937 gen(seed);  // one engine: a task's numbers depend on who drew before
    std::normal_distribution<double> noise(0.0, 1.0);
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += noise(gen);
    return sum;
}

double simulate(int seed, int task, int n) {
    cbrng::stream<> s{cbrng::stream_id{seed, 0, task}};  // this task's own stream
    cbrng::normal_distribution<double> noise(0.0, 1.0);
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += noise(s);
    return sum;
}

void run_openmp(int seed, int n_tasks, int n, double* per_task) {
#pragma omp parallel for schedule(dynamic)
    for (int task = 0; task < n_tasks; ++task) {
        per_task[task] = simulate(seed, task, n);  // the thread number is not in the id
    }
}

void run_threads(int seed, int n_tasks, int n, int n_threads, double* per_task) {
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < n_threads; ++t) {
        pool.emplace_back([&] {
            for (int task; (task = next++) < n_tasks;) per_task[task] = simulate(seed, task, n);
        });
    }
    for (auto& thread : pool) thread.join();
}

void run_mpi_global(int seed, int rank, int n_ranks, int n_tasks, int n, double* per_task) {
    for (int task = rank; task < n_tasks; task += n_ranks) {
        per_task[task] = simulate(seed, task, n);  // {seed, 0, task}: the rank is not in the id
    }
    // then gather per_task on rank 0 (MPI_Reduce of zero-initialised arrays, or MPI_Gatherv)
}

double run_mpi_replica(int seed, int rank, int n_steps) {
    cbrng::stream<> s{cbrng::stream_id{seed, rank, 0}};  // this rank's replica
    cbrng::normal_distribution<double> kick(0.0, 0.1);
    double x = 0.0;
    for (int step = 0; step < n_steps; ++step) x += kick(s);
    return x;
}

CBRNG_HOST_DEVICE inline float element_own_stream(int seed, int step, std::uint64_t i) {
    cbrng::stream<> s{cbrng::stream_id{seed, step, i}};  // element i of time step `step`
    cbrng::normal_distribution<float> normal(0.0f, 1.0f);
    return normal(s);
}

CBRNG_HOST_DEVICE inline float element_of_one_stream(const cbrng::stream<>& s, std::uint64_t i) {
    cbrng::normal_distribution<float> normal(0.0f, 1.0f);
    return cbrng::variate_at(s, normal, i);  // the (i+1)-th normal(s), in O(1)
}

void fill_normals_by_slices(const cbrng::stream<>& s, double* x, std::size_t n, int n_threads) {
    const auto slices = static_cast<std::size_t>(n_threads);
#pragma omp parallel for
    for (int t = 0; t < n_threads; ++t) {
        const auto slice = static_cast<std::size_t>(t);
        const std::size_t b = n * slice / slices, e = n * (slice + 1) / slices;
        cbrng::fill_slice(s, b, x + b, x + e, cbrng::normal_distribution<double>{});
    }
}

double gamma_element(int seed, std::uint64_t i) {
    cbrng::stream<> s{cbrng::stream_id{seed, 0, i}};  // one stream per element
    cbrng::gamma_distribution<double> gamma(2.0, 1.0);
    return gamma(s);
}

void gamma_block(int seed, std::uint64_t block, double* out, std::size_t block_size) {
    cbrng::stream<> s{cbrng::stream_id{seed, 1, block}};  // one stream per block
    cbrng::gamma_distribution<double> gamma(2.0, 1.0);
    cbrng::fill(s, out, out + block_size, gamma);
}
