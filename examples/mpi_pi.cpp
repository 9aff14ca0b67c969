// mpi_pi: the pi estimate of threads_pi, spread over MPI ranks.
//
//     mpirun -np n mpi_pi
//
// Rank r runs tasks r, r + n, r + 2n, ...; rank 0 gathers the per-task hit
// counts (an exact integer sum) and prints. The rank is deliberately NOT in
// the stream id: a task's stream is {seed, 0, task} whichever rank runs it,
// so the printed result is bit-identical for every rank count (the example's
// test runs 1, 2 and 4). Put the rank in stream_id::process only when a
// rank's work is itself the unit being reproduced (one replica per rank).
#include <mpi.h>

#include <cstdint>
#include <cstdio>
#include <vector>

#include "pi_task.hpp"

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    int rank = 0;
    int size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    // Tasks this rank does not run stay 0, so a sum over ranks gathers them.
    std::vector<std::uint64_t> mine(pi_example::tasks, 0);
    for (auto t = static_cast<std::uint64_t>(rank); t < pi_example::tasks;
         t += static_cast<std::uint64_t>(size)) {
        mine[t] = pi_example::task_hits(t);
    }
    std::vector<std::uint64_t> per_task(pi_example::tasks, 0);
    MPI_Reduce(mine.data(), per_task.data(), static_cast<int>(mine.size()), MPI_UINT64_T, MPI_SUM,
               0, MPI_COMM_WORLD);
    if (rank == 0) {
        std::printf("mpi_pi: %llu tasks x %zu points on %d ranks\n",
                    static_cast<unsigned long long>(pi_example::tasks), pi_example::points, size);
        pi_example::print_result(per_task);
    }
    MPI_Finalize();
}
