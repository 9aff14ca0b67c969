// A longer form of the README's usage example, compiled and run as a test.
#include <cbrng/cbrng.hpp>

#include <cstdio>

int main() {
    const std::uint64_t seed = 42, rank = 0;
    for (std::uint64_t task = 0; task < 3; ++task) {
        cbrng::stream<> s{cbrng::stream_id{seed, rank, task}};  // a few ns, no heap, no lock
        cbrng::normal_distribution<double> normal(0.0, 1.0);    // bit-stable everywhere
        cbrng::uniform_int_distribution<int> die(1, 6);
        const int roll = die(s);     // one 32-bit word (rejection is rare)
        const double z = normal(s);  // then exactly two words
        std::printf("task %llu: %d %.17g\n", static_cast<unsigned long long>(task), roll, z);
    }
    cbrng::philox4x32 eng;  // C++26 std::philox_engine, today
    eng.discard(9999);
    std::printf("%llu\n", static_cast<unsigned long long>(eng()));  // 1955073260
}
