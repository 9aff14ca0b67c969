// expect: cbrng::threefry: R \(rounds\) must be 1\.\.32 for 2xW and 1\.\.72 for 4xW
#include <cbrng/threefry.hpp>

int main() {
    return cbrng::threefry<4, 64, 73>::rounds == 73 ? 0 : 1;
}
