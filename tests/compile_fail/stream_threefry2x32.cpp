// expect: 2x32 generators \(64-bit counter and key\) are too small
#include <cbrng/stream.hpp>

int main() {
    cbrng::stream<cbrng::threefry2x32_20> s;
    return static_cast<int>(s());
}
