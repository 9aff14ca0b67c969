// A quick tour of cbrng: the bijection, the C++26 engine, and a std algorithm.
#include <cbrng/cbrng.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    // The bijection: a pure function of (counter, key).
    const cbrng::philox4x32_10 philox;
    const auto block = philox({0, 0, 0, 0}, {42, 0});
    std::printf("philox4x32_10({0,0,0,0}, {42,0}) = %08x %08x %08x %08x\n", block[0], block[1],
                block[2], block[3]);

    // The C++26 engine: the standard's required value.
    cbrng::philox4x32 eng;
    eng.discard(9999);
    std::printf("10000th output of philox4x32: %llu (the standard requires 1955073260)\n",
                static_cast<unsigned long long>(eng()));

    // Any bijection as a std engine, usable with std algorithms.
    cbrng::counter_engine<cbrng::threefry4x64_20> tf{{1, 2, 3, 4}};
    std::vector<int> deck{1, 2, 3, 4, 5, 6, 7, 8};
    std::shuffle(deck.begin(), deck.end(), tf);
    std::printf("shuffled:");
    for (const int c : deck) std::printf(" %d", c);
    std::printf("\n");
}
