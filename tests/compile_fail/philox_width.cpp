// expect: cbrng::philox: W \(bits per word\) must be 32 or 64
#include <cbrng/philox.hpp>

int main() {
    return cbrng::philox<4, 16, 10>::rounds == 10 ? 0 : 1;
}
