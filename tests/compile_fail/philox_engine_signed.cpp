// expect: cbrng::philox_engine: UIntType must be unsigned
#include <cbrng/engine.hpp>

int main() {
    cbrng::philox_engine<int, 16, 2, 10, 1, 2> e;
    return static_cast<int>(e());
}
