// expect: cbrng::threefry: W \(bits per word\) must be 32 or 64
#include <cbrng/threefry.hpp>

int main() {
    return cbrng::threefry<4, 16, 20>::rounds == 20 ? 0 : 1;
}
