// threads_pi: a Monte Carlo pi estimate over 1000 tasks on std::threads.
//
//     threads_pi [threads]
//
// The threads take tasks from a shared counter, so which thread runs which
// task changes from run to run and with the thread count. Each task draws
// from its own stream {seed, 0, task}, named by the task and not by the
// thread, so the printed result is bit-identical for any number of threads
// (the example's test runs it with 1, 2 and 8).
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "pi_task.hpp"

int main(int argc, char** argv) {
    unsigned threads = std::thread::hardware_concurrency();
    if (argc > 1) threads = static_cast<unsigned>(std::strtoul(argv[1], nullptr, 10));
    if (threads == 0 || threads > 1024) {
        std::fprintf(stderr, "usage: threads_pi [threads: 1..1024]\n");
        return 2;
    }
    std::printf("threads_pi: %llu tasks x %zu points on %u threads\n",
                static_cast<unsigned long long>(pi_example::tasks), pi_example::points, threads);

    std::vector<std::uint64_t> per_task(pi_example::tasks);  // each slot written by one thread
    std::atomic<std::uint64_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < threads; ++i) {
        pool.emplace_back([&] {
            for (std::uint64_t t; (t = next.fetch_add(1)) < pi_example::tasks;) {
                per_task[t] = pi_example::task_hits(t);
            }
        });
    }
    for (std::thread& th : pool) th.join();
    pi_example::print_result(per_task);
}
