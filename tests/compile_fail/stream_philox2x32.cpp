// expect: 2x32 generators \(64-bit counter and key\) are too small
// A stream over a two-word 32-bit generator cannot hold a 64-bit seed, a task
// id and a position: refused at compile time.
#include <cbrng/stream.hpp>

int main() {
    cbrng::stream<cbrng::philox2x32_10> s;
    return static_cast<int>(s());
}
