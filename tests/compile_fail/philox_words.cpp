// expect: cbrng::philox: N \(words per block\) must be 2 or 4
#include <cbrng/philox.hpp>

int main() {
    return cbrng::philox<3, 32, 10>::rounds == 10 ? 0 : 1;
}
