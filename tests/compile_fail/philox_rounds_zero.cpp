// expect: cbrng::philox: R \(rounds\) must be 1\.\.16
#include <cbrng/philox.hpp>

int main() {
    return cbrng::philox<2, 64, 0>::rounds == 0 ? 0 : 1;
}
