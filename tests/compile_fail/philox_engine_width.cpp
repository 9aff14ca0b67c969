// expect: cbrng::philox_engine: w must be 1\.\.min\(64, digits of UIntType\)
#include <cbrng/engine.hpp>

#include <cstdint>

int main() {
    cbrng::philox_engine<std::uint32_t, 33, 2, 10, 1u, 2u> e;
    return static_cast<int>(e());
}
