// openmp_pi: the pi estimate of threads_pi, scheduled by OpenMP.
//
//     OMP_NUM_THREADS=n openmp_pi
//
// schedule(dynamic) hands tasks to whichever thread is free, so the mapping
// of tasks to threads changes from run to run; each task's stream is
// {seed, 0, task}, so the printed result is bit-identical for every
// OMP_NUM_THREADS (the example's test runs 1, 2 and 8).
#include <omp.h>

#include <cstdint>
#include <cstdio>
#include <vector>

#include "pi_task.hpp"

int main() {
    std::printf("openmp_pi: %llu tasks x %zu points on up to %d OpenMP threads\n",
                static_cast<unsigned long long>(pi_example::tasks), pi_example::points,
                omp_get_max_threads());

    std::vector<std::uint64_t> per_task(pi_example::tasks);
    const auto n = static_cast<std::int64_t>(pi_example::tasks);
#pragma omp parallel for schedule(dynamic)
    for (std::int64_t t = 0; t < n; ++t) {
        const auto task = static_cast<std::uint64_t>(t);
        per_task[task] = pi_example::task_hits(task);
    }
    pi_example::print_result(per_task);
}
