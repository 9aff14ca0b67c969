// Ids from the integer variables real programs have: an int rank, an int
// loop index, a std::size_t index, a long task counter. Compiled (not run)
// by the snippets_* tests at -Werror -Wall -Wextra -Wpedantic -Wconversion
// -Wsign-conversion with g++ and clang++: none of these may warn.
#include <cbrng/cbrng.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// The README's first snippet, with the ints a program has.
double readme_pattern(int seed, int rank, int task) {
    cbrng::stream<> s{cbrng::stream_id{seed, rank, task}};
    cbrng::normal_distribution<double> normal;
    return normal(s);
}

// An OpenMP-style loop (the pragma is left out: no omp.h needed): one stream per
// iteration, named by the loop index.
double omp_style(int seed, int n) {
    double sum = 0;
    // #pragma omp parallel for reduction(+ : sum)
    for (int i = 0; i < n; ++i) {
        cbrng::stream<> s{cbrng::stream_id{seed, 0, i}};
        sum += cbrng::uniform_real_distribution<double>{}(s);
    }
    return sum;
}

// An MPI-style rank (MPI_Comm_rank gives an int) in the process field.
std::uint32_t mpi_style(std::uint64_t seed, int rank, long task) {
    cbrng::stream<> s{seed, rank, task};
    cbrng::buffered_stream<> b{cbrng::stream_id{seed, rank, task}};
    return s() ^ b();
}

// std::size_t indices, long and long long counters, unsigned and short.
std::uint64_t sizes(const std::vector<int>& items) {
    std::uint64_t acc = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const cbrng::stream_id id{items[i], 1, i};
        acc += cbrng::stream<>{id}();
    }
    const long l = 3;
    const long long ll = 4;
    const unsigned u = 5;
    const short sh = 6;
    const std::int64_t i64 = 7;
    const std::uint64_t u64 = 8;
    cbrng::stream<cbrng::philox4x64_10> s4{cbrng::stream_id{l, ll, u}};
    cbrng::stream<> s5{cbrng::stream_id{sh, i64, u64}};
    cbrng::stream<> s6{cbrng::stream_id{l}};
    cbrng::stream<> s7{cbrng::stream_id{ll, sh}};
    return acc + s4() + s5() + s6() + s7();
}

// Constant ids, default ids and the field names stay as they were.
constexpr cbrng::stream_id constant_id{42, 0, 7};
static_assert(constant_id.seed == 42 && constant_id.process == 0 && constant_id.task == 7);
static_assert(cbrng::stream_id{} == cbrng::stream_id{0, 0, 0});
static_assert(cbrng::stream_id{1} != cbrng::stream_id{1, 2});

// The ambient stream, named with ints.
double ambient(int seed, int worker, int task) {
    cbrng::task_scope scope{cbrng::stream_id{seed, worker, task}};
    cbrng::task_scope nested{seed, worker, task + 1};
    return cbrng::exponential_distribution<double>{}(cbrng::current_stream());
}

// A parallel fill with an int thread count (omp_get_max_threads() is an int).
void parallel_fill(int threads, int grain) {
    cbrng::stream<> s{cbrng::stream_id{1, 0, 2}};
    std::vector<double> v(1000);
    cbrng::fill(cbrng::parallel{threads}, s, v.begin(), v.end(),
                cbrng::uniform_real_distribution<double>{});
    cbrng::fill(cbrng::parallel{threads, grain}, s, v.begin(), v.end(),
                cbrng::uniform_real_distribution<double>{});
    const std::size_t hw = 4;
    cbrng::fill(cbrng::parallel{hw}, s, v.begin(), v.end(),
                cbrng::uniform_real_distribution<double>{});
}

// Random access and slices indexed by an int: variate_at and fill_slice.
double indexed(int n) {
    const cbrng::stream<> s{cbrng::stream_id{9, 0, 1}};
    cbrng::normal_distribution<double> normal;
    std::vector<double> v(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = cbrng::variate_at(s, normal, i);
    const int half = n / 2;
    cbrng::fill_slice(s, half, v.begin() + half, v.end(), normal);
    cbrng::fill_slice(s, 0, v.begin(), v.begin() + half, normal);
    return v.empty() ? 0.0 : v.front();
}

}  // namespace

// Referenced so that nothing above is unused.
double integer_ids_snippet(int seed, int rank, int task, int n) {
    parallel_fill(n, 64);
    return readme_pattern(seed, rank, task) + omp_style(seed, n) + mpi_style(1, rank, task) +
           static_cast<double>(sizes({seed, rank})) + ambient(seed, rank, task) + indexed(n);
}
