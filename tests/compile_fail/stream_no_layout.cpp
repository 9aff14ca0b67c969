// expect: no stream layout for this generator
// A bijection without a documented stream layout (here the one inside
// cbrng::philox4x32, whose constants come from template arguments).
#include <cbrng/engine.hpp>
#include <cbrng/stream.hpp>

int main() {
    cbrng::stream<cbrng::philox4x32::bijection_type> s;
    return static_cast<int>(s());
}
