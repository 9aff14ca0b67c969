// expect: cbrng::philox: R \(rounds\) must be 1\.\.16
#include <cbrng/philox.hpp>

int main() {
    return cbrng::philox<4, 32, 17>::rounds == 17 ? 0 : 1;
}
