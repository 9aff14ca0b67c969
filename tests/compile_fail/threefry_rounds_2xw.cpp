// expect: cbrng::threefry: R \(rounds\) must be 1\.\.32 for 2xW and 1\.\.72 for 4xW
#include <cbrng/threefry.hpp>

int main() {
    return cbrng::threefry<2, 32, 33>::rounds == 33 ? 0 : 1;
}
