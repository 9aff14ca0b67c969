// expect: cbrng::philox_engine: n must be 2 or 4
#include <cbrng/engine.hpp>

#include <cstdint>

int main() {
    cbrng::philox_engine<std::uint32_t, 32, 3, 10, 1u, 2u, 3u> e;
    return static_cast<int>(e());
}
