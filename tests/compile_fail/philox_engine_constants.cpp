// expect: cbrng::philox_engine: n constants \(M0, C0, \.\.\.\) needed
#include <cbrng/engine.hpp>

#include <cstdint>

int main() {
    cbrng::philox_engine<std::uint32_t, 32, 4, 10, 1u, 2u> e;
    return static_cast<int>(e());
}
