// expect: cbrng::philox_engine: r must be at least 1
#include <cbrng/engine.hpp>

#include <cstdint>

int main() {
    cbrng::philox_engine<std::uint32_t, 32, 2, 0, 1u, 2u> e;
    return static_cast<int>(e());
}
