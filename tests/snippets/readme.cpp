// The C++ snippets of README.md, each copied here unchanged so that they are
// compiled (with g++ and clang++, warnings as errors) and cannot rot. Edit both
// together. The first snippet is the README's usage example; the others are
// functions a program would call.
#include <cbrng/cbrng.hpp>

#include <cstdio>

int main() {
    const int seed = 42;
    for (int task = 0; task < 3; ++task) {
        cbrng::stream<> s{cbrng::stream_id{seed, 0, task}};  // a few ns, no heap, no lock
        cbrng::uniform_int_distribution<int> die(1, 6);      // bit-stable everywhere
        cbrng::normal_distribution<double> normal(0.0, 1.0);
        const int roll = die(s);
        const double z = normal(s);
        std::printf("task %d: %d %.17g\n", task, roll, z);
    }
}

// README, "Naming streams".
double task_result(int seed, int task) {  // any thread, any rank: same result
    cbrng::stream<> s{cbrng::stream_id{seed, 0, task}};
    cbrng::exponential_distribution<double> wait(2.0);
    return wait(s);
}

// README, "Naming streams": the ambient stream.
void run_user_callback(int seed, int task, void (*user_callback)()) {
    cbrng::task_scope scope{cbrng::stream_id{seed, 0, task}};  // RAII, nests, restores
    user_callback();  // inside, cbrng::current_stream() is this task's stream
}
