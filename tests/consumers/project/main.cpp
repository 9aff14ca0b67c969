// A user's program: includes the umbrella header and checks one known value.
#include <cbrng/cbrng.hpp>

#include <cstdio>

int main() {
    cbrng::philox4x32 eng;
    eng.discard(9999);
    const auto x = eng();
    std::printf("philox4x32 10000th output: %llu\n", static_cast<unsigned long long>(x));
    return x == 1955073260u ? 0 : 1;
}
